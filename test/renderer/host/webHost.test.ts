// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebHost } from '../../../renderer/host/webHost';

const bytes = (s: string) => new TextEncoder().encode(s);
let dbName = '';
let downloads: string[] = [];

beforeEach(() => {
  // A fresh database per test; a download is an <a download> click on a blob URL.
  dbName = `qc-test-${crypto.randomUUID()}`;
  downloads = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

describe('webHost project files (IndexedDB)', () => {
  it('saves a project as a download and keeps it in the recent list; a handle saves over the same entry', async () => {
    const host = createWebHost(document, dbName);
    const first = await host.saveProject({ suggestedName: '仁怀.gpkg', bytes: bytes('v1') });
    expect(first.ok).toBe(true);
    if (!first.ok || !first.value) throw new Error('save failed');
    expect(downloads).toEqual(['仁怀.gpkg']);
    await host.saveProject({ handle: first.value.handle, suggestedName: '仁怀.gpkg', bytes: bytes('v2') });
    const recent = await host.listRecent();
    expect(recent).toEqual({ ok: true, value: [{ handle: first.value.handle, name: '仁怀.gpkg', modifiedMs: expect.any(Number), sizeBytes: 2, origin: 'saved' }] });
    const opened = await host.openRecent(first.value.handle);
    expect(opened.ok && new TextDecoder().decode(opened.value.bytes)).toBe('v2');
  });

  it('keeps the 10 newest projects and says clearly when one is gone', async () => {
    const host = createWebHost(document, dbName);
    for (let i = 0; i < 12; i++) {
      await host.saveProject({ suggestedName: `p${i}.gpkg`, bytes: bytes(String(i)) });
      await new Promise((r) => setTimeout(r, 2)); // distinct modifiedMs
    }
    const recent = await host.listRecent();
    expect(recent.ok && recent.value.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `p${11 - i}.gpkg`));
    expect(await host.openRecent(crypto.randomUUID())).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('opens a project file through the file input with a handle, and lists it as recent', async () => {
    const host = createWebHost(document, dbName);
    const pending = host.openFile({ purpose: 'open-project' });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('.gpkg');
    Object.defineProperty(input, 'files', { value: [new File([bytes('gpkg bytes')], 'a.gpkg')] });
    input.dispatchEvent(new Event('change'));
    const opened = await pending;
    expect(opened.ok && opened.value?.handle).toMatch(/^[0-9a-f-]{36}$/);
    const recent = await host.listRecent();
    expect(recent.ok && recent.value.map((r) => r.name)).toEqual(['a.gpkg']);
  });

  it('offers a crashed tab’s autosave to the next tab, not to itself, and recovers it with its handle', async () => {
    const crashed = createWebHost(document, dbName);
    const saved = await crashed.saveProject({ suggestedName: 'plan.gpkg', bytes: bytes('saved') });
    const handle = saved.ok && saved.value ? saved.value.handle : '';
    await crashed.autosave({ projectKey: 'p1', bytes: bytes('unsaved edits'), handle, name: '仁怀市' });
    expect(await crashed.listRecoverable()).toEqual({ ok: true, value: [] });

    const next = createWebHost(document, dbName);
    const offers = await next.listRecoverable();
    if (!offers.ok) throw new Error(offers.message);
    expect(offers.value).toEqual([{ id: expect.any(String), name: '仁怀市', modifiedMs: expect.any(Number) }]);
    const recovered = await next.recover(offers.value[0].id);
    expect(recovered.ok && new TextDecoder().decode(recovered.value.bytes)).toBe('unsaved edits');
    expect(recovered.ok && recovered.value.handle).toBe(handle);
    await next.discardRecovery(offers.value[0].id);
    expect(await createWebHost(document, dbName).listRecoverable()).toEqual({ ok: true, value: [] });
    expect(await next.recover(offers.value[0].id)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('drops the autosave on a save with its projectKey, a discard, or a clean page close', async () => {
    const tab = createWebHost(document, dbName);
    const other = () => createWebHost(document, dbName).listRecoverable();
    await tab.autosave({ projectKey: 'a', bytes: bytes('a') });
    await tab.saveProject({ suggestedName: 'a.gpkg', bytes: bytes('a'), projectKey: 'a' });
    await tab.autosave({ projectKey: 'b', bytes: bytes('b') });
    await tab.discardAutosave({ projectKey: 'b' });
    expect(await other()).toEqual({ ok: true, value: [] });

    await tab.autosave({ projectKey: 'c', bytes: bytes('c') });
    const handler = vi.fn(async () => ({ clean: true }));
    tab.onQuitRequested(handler);
    expect((await other()).ok && (await other())).toMatchObject({ value: [{ name: 'c' }] });
    window.dispatchEvent(new Event('pagehide'));
    expect(handler).toHaveBeenCalledOnce();
    // The page cannot wait for IndexedDB; the deletes finish shortly after.
    await vi.waitFor(async () => expect(await other()).toEqual({ ok: true, value: [] }));
  });
});
