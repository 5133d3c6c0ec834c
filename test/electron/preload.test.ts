import { describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  exposed: {} as Record<string, any>,
  invoked: [] as unknown[][],
  listeners: new Map<string, Function[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (bridge.exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (bridge.invoked.push(args), Promise.resolve()),
    on: (channel: string, fn: Function) => bridge.listeners.set(channel, [...(bridge.listeners.get(channel) ?? []), fn]),
    removeAllListeners: (channel: string) => bridge.listeners.delete(channel),
  },
}));

describe('preload', () => {
  it('exposes one function per channel, each invoking only its own channel', async () => {
    await import('../../electron/preload/preload');
    const { channels } = await import('../../electron/ipc/channels');
    const api = bridge.exposed.app;
    // quitSubscribe has no function of its own: onBeforeQuit sends it.
    const names = (Object.keys(channels) as (keyof typeof channels)[]).filter((k) => k !== 'quitSubscribe');
    const calls: [keyof typeof channels, unknown][] = names.map((k) => [k, { probe: k }]);
    for (const [name, arg] of calls) await api[name](arg);
    expect(bridge.invoked.map((c) => c[0])).toEqual(names.map((k) => channels[k]));
    // Argumentless channels send nothing, so a stray argument cannot ride along.
    for (const [i, [name]] of calls.entries()) {
      const sent = bridge.invoked[i].slice(1);
      expect(sent, name).toEqual(['appInfo', 'listRecent', 'listRecoverable'].includes(name) ? [] : [{ probe: name }]);
    }
  });

  it('lets the renderer hear only before-quit, one listener at a time, without the event object', async () => {
    await import('../../electron/preload/preload');
    const { beforeQuitEvent, channels } = await import('../../electron/ipc/channels');
    const first = vi.fn();
    const second = vi.fn();
    bridge.invoked.length = 0;
    bridge.exposed.app.onBeforeQuit(first);
    bridge.exposed.app.onBeforeQuit(second);
    expect(bridge.invoked).toEqual([[channels.quitSubscribe], [channels.quitSubscribe]]);
    expect([...bridge.listeners.keys()]).toEqual([beforeQuitEvent]);
    for (const fn of bridge.listeners.get(beforeQuitEvent)!) fn({ sender: 'ipcRenderer' }, 'extra');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith();
  });
});
