import { describe, expect, it, vi } from 'vitest';
import { channels, type Channel } from '../../electron/ipc/contract';
import { parsers } from '../../electron/ipc/parsers';
import { handle } from '../../electron/main/ipc';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const listeners = new Map<string, Listener>();
  return {
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) },
    invoke: (channel: string, event: unknown, ...args: unknown[]) => listeners.get(channel)!(event, ...args),
  };
}

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

describe('IPC handle()', () => {
  it('runs the handler with the parsed argument for our top frame', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const handler = vi.fn((req: { title: string }) => `hi ${req.title}`);
    handle(ipcMain as never, channels.confirm, (x) => parsers[channels.confirm](x), handler as never, () => {});
    const res = await invoke(channels.confirm, trusted, { title: 't', message: 'm', okLabel: 'OK', cancelLabel: 'No' });
    expect(res).toEqual({ ok: true, value: 'hi t' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('rejects remote pages, file:// pages, sub-frames and missing frames without calling the handler', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const handler = vi.fn();
    handle(ipcMain as never, channels.appInfo, parsers[channels.appInfo], handler, () => {});
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://bundle/index.html', parent: {} },
      null,
    ]) {
      expect(await invoke(channels.appInfo, { senderFrame })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns handler exceptions into { ok: false } and logs them', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const log = vi.fn();
    handle(ipcMain as never, channels.appInfo, parsers[channels.appInfo], () => {
      throw new Error('disk full');
    }, log);
    expect(await invoke(channels.appInfo, trusted)).toEqual({ ok: false, code: 'failed', message: 'disk full' });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('every channel refuses bad arguments', () => {
  const bad: Record<Channel, unknown[]> = {
    [channels.openFile]: [undefined, null, 42, 'x', {}, { filters: 'all' }, { filters: [{ name: 'x', extensions: ['../exe'] }] }, { filters: [], extra: 1 }],
    [channels.saveFile]: [
      undefined,
      { suggestedName: 'a.gpkg', filters: [], bytes: 'not bytes' },
      { suggestedName: '../../etc/passwd', filters: [], bytes: new Uint8Array(1) },
      { suggestedName: 'C:\\Windows\\x.dll', filters: [], bytes: new Uint8Array(1) },
      { suggestedName: '', filters: [], bytes: new Uint8Array(1) },
      { suggestedName: 'a\0b', filters: [], bytes: new Uint8Array(1) },
      { suggestedName: 'x'.repeat(300), filters: [], bytes: new Uint8Array(1) },
    ],
    [channels.confirm]: [undefined, { title: 1 }, { title: 't', message: 'm', okLabel: '', cancelLabel: 'c' }, { title: 't', message: 'x'.repeat(3000), okLabel: 'o', cancelLabel: 'c' }],
    [channels.appInfo]: [1, 'x', {}, null],
  };

  for (const channel of Object.values(channels)) {
    it(`${channel}`, async () => {
      const { ipcMain, invoke } = fakeIpc();
      const handler = vi.fn();
      handle(ipcMain as never, channel, parsers[channel] as (x: unknown) => unknown, handler, () => {});
      for (const arg of bad[channel]) {
        const res = await invoke(channel, trusted, arg);
        expect(res, JSON.stringify(arg)?.slice(0, 80)).toMatchObject({ ok: false, code: 'bad-request' });
      }
      expect(await invoke(channel, trusted, {}, {})).toMatchObject({ ok: false, code: 'bad-request' });
      expect(handler).not.toHaveBeenCalled();
    });
  }
});
