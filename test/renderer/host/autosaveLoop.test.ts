import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../renderer/host/Host';
import { startAutosaveLoop } from '../../../renderer/host/autosaveLoop';

afterEach(() => vi.useRealTimers());

function fakeHost(result: { ok: true; value: { modifiedMs: number } } | { ok: false; code: string; message: string } = { ok: true, value: { modifiedMs: 1 } }) {
  const autosave = vi.fn(async (_req: unknown) => result);
  return { host: { autosave } as unknown as Host, autosave };
}

describe('autosave loop', () => {
  it('autosaves every interval only while dirty, with the handle and name', async () => {
    vi.useFakeTimers();
    const { host, autosave } = fakeHost();
    let dirty = false;
    const bytes = new Uint8Array([1, 2]);
    const loop = startAutosaveLoop(host, { projectKey: 'p1', isDirty: () => dirty, serialise: async () => bytes, handle: () => 'h', name: () => '仁怀', intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave).not.toHaveBeenCalled();
    dirty = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(autosave).toHaveBeenCalledTimes(2);
    expect(autosave).toHaveBeenCalledWith({ projectKey: 'p1', bytes, handle: 'h', name: '仁怀' });
    loop.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(autosave).toHaveBeenCalledTimes(2);
  });

  it('never overlaps runs, and answers a close: clean, or autosaved and kept', async () => {
    const { host, autosave } = fakeHost();
    let dirty = true;
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const loop = startAutosaveLoop(host, { projectKey: 'p', isDirty: () => dirty, serialise: async () => (await slow, new Uint8Array(1)) });
    const a = loop.flush();
    const b = loop.flush();
    release();
    await Promise.all([a, b]);
    expect(autosave).toHaveBeenCalledTimes(1);
    expect(await loop.quitAnswer()).toEqual({ clean: false });
    expect(autosave).toHaveBeenCalledTimes(2);
    dirty = false;
    expect(await loop.quitAnswer()).toEqual({ clean: true });
    expect(autosave).toHaveBeenCalledTimes(2);
    loop.stop();
  });

  it('reports a refused autosave and keeps going', async () => {
    const { host } = fakeHost({ ok: false, code: 'failed', message: 'ENOSPC: no space left on device' });
    const onError = vi.fn();
    const loop = startAutosaveLoop(host, { projectKey: 'p', isDirty: () => true, serialise: async () => new Uint8Array(1), onError });
    await loop.flush();
    await loop.flush();
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith('ENOSPC: no space left on device');
    loop.stop();
    expect(() => startAutosaveLoop(host, { projectKey: 'p', isDirty: () => true, serialise: async () => new Uint8Array(1), intervalMs: 0 })).toThrow(RangeError);
  });
});
