import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../electron/ipc/channels';
import { createAutosaveStore, MAX_AUTOSAVED_PROJECTS } from '../../electron/main/autosaveStore';
import { createHandleRegistry } from '../../electron/main/handleRegistry';
import { registerProjectHandlers } from '../../electron/main/projectHandlers';
import { createQuitFlow } from '../../electron/main/quitFlow';
import { createRecentFiles } from '../../electron/main/recentFiles';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../geodata/project/smallProject';

type Listener = (event: unknown, ...args: unknown[]) => Promise<any>;
const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
const text = (s: string) => new TextEncoder().encode(s);

/** One app run over a real temp folder: real handle registry, recent list and autosave store; fake dialogs. */
function run(userData: string, picks: { open?: string[]; save?: string[]; answers?: number[] } = {}) {
  const listeners = new Map<string, Listener>();
  const dialog = {
    showOpenDialog: vi.fn(async () => {
      const file = picks.open?.shift();
      return file ? { canceled: false, filePaths: [file] } : { canceled: true, filePaths: [] };
    }),
    showSaveDialog: vi.fn(async (_options: unknown) => {
      const file = picks.save?.shift();
      return file ? { canceled: false, filePath: file } : { canceled: true, filePath: '' };
    }),
    showMessageBox: vi.fn(async (_options: unknown) => ({ response: picks.answers?.shift() ?? 0, checkboxChecked: false })),
  };
  const handles = createHandleRegistry();
  const proceed = vi.fn();
  const quit = createQuitFlow({ ask: () => true, proceed, timeoutMs: 60_000 });
  quit.subscribe();
  registerProjectHandlers({
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) } as never,
    dialog: dialog as never,
    window: () => null,
    handles,
    recent: createRecentFiles(path.join(userData, 'recent.json'), handles),
    autosaves: createAutosaveStore(path.join(userData, 'autosave'), handles),
    quit,
    log: () => {},
  });
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(trusted, ...args);
  return { invoke, dialog, quit, proceed };
}

/** A temp folder: `userData` (not created yet: main creates what it needs) and user documents beside it. */
function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qc-projfiles-'));
  return { root, userData: path.join(root, 'userData'), docs: (name: string) => path.join(root, name) };
}

describe('project files: open, save, recent', () => {
  it('opens a project with a handle and lists it as recent; a plain open gets neither', async () => {
    const { userData, docs } = setup();
    writeFileSync(docs('a.gpkg'), 'A');
    writeFileSync(docs('sites.csv'), 'x,y');
    const app = run(userData, { open: [docs('a.gpkg'), docs('sites.csv')] });
    const opened = await app.invoke(channels.openFile, { purpose: 'open-project' });
    expect(opened.ok).toBe(true);
    expect(app.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: '打开项目文件', filters: [{ name: '黔城项目（GeoPackage）', extensions: ['gpkg'] }] }));
    expect(opened.value.name).toBe('a.gpkg');
    expect(opened.value.handle).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await app.invoke(channels.openFile, { purpose: 'import-sites', language: 'en' });
    expect(plain.value).toEqual({ name: 'sites.csv', bytes: text('x,y') });
    expect(app.dialog.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Import sites', filters: [{ name: 'CSV, TXT, XLSX, GEOJSON, JSON, KML, KMZ', extensions: ['csv', 'txt', 'xlsx', 'geojson', 'json', 'kml', 'kmz'] }] }));
    const recent = await app.invoke(channels.listRecent);
    expect(recent.value).toEqual([{ handle: opened.value.handle, name: 'a.gpkg', modifiedMs: expect.any(Number), folder: path.dirname(docs('a.gpkg')), sizeBytes: expect.any(Number) }]);
    expect(JSON.parse(readFileSync(path.join(userData, 'recent.json'), 'utf8'))).toEqual([docs('a.gpkg')]);
  });

  it('saves through a dialog first, then in place by handle, keeping the previous version as .bak', async () => {
    const { userData, docs } = setup();
    const app = run(userData, { save: [docs('plan.gpkg')] });
    const first = await app.invoke(channels.saveProject, { suggestedName: '仁怀.gpkg', bytes: text('v1') });
    expect(first).toEqual({ ok: true, value: { handle: expect.any(String), name: 'plan.gpkg' } });
    expect(app.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '仁怀.gpkg', filters: [expect.objectContaining({ extensions: ['gpkg'] })] }));
    const second = await app.invoke(channels.saveProject, { handle: first.value.handle, suggestedName: 'ignored.gpkg', bytes: text('v2') });
    expect(second.value).toEqual(first.value);
    expect(app.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(readFileSync(docs('plan.gpkg'), 'utf8')).toBe('v2');
    expect(readFileSync(docs('plan.gpkg.bak'), 'utf8')).toBe('v1');
    expect(await app.invoke(channels.saveProject, { suggestedName: 'x.gpkg', bytes: text('v3') })).toEqual({ ok: true, value: null });
  });

  it('says so when the folder of a handle is gone, writing nothing', async () => {
    const { root, userData } = setup();
    mkdirSync(path.join(root, 'usb'));
    const app = run(userData, { save: [path.join(root, 'usb', 'p.gpkg')] });
    const saved = (await app.invoke(channels.saveProject, { suggestedName: 'p.gpkg', bytes: text('v1') })).value;
    rmSync(path.join(root, 'usb'), { recursive: true });
    const again = await app.invoke(channels.saveProject, { handle: saved.handle, suggestedName: 'p.gpkg', bytes: text('v2') });
    expect(again).toMatchObject({ ok: false, code: 'not-found' });
    expect(again.message).toContain('Save As');
    expect(existsSync(path.join(root, 'usb'))).toBe(false);
  });

  it('refuses a well-formed handle it never issued, without a dialog or a write', async () => {
    const { root, userData } = setup();
    const app = run(userData, { save: [path.join(root, 'should-not.gpkg')] });
    const before = readdirSync(root).sort();
    const forged = '0b1c6d2e-7f80-4a1b-9c2d-3e4f5a6b7c8d';
    for (const [channel, arg] of [
      [channels.saveProject, { handle: forged, suggestedName: 'a.gpkg', bytes: text('x') }],
      [channels.openRecent, forged],
      [channels.autosave, { projectKey: 'p', bytes: text('x'), handle: forged }],
      [channels.recover, forged],
      [channels.discardRecovery, forged],
    ] as const) {
      expect(await app.invoke(channel, arg)).toMatchObject({ ok: false, code: 'unknown-handle' });
    }
    expect(app.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(readdirSync(root).sort()).toEqual(before);
  });

  it('keeps the 10 newest, and drops a file that vanished with a clear error', async () => {
    const { userData, docs } = setup();
    const names = Array.from({ length: 12 }, (_, i) => `p${i}.gpkg`);
    const app = run(userData, { save: names.map(docs) });
    const handles: string[] = [];
    for (const name of names) handles.push((await app.invoke(channels.saveProject, { suggestedName: name, bytes: text(name) })).value.handle);
    const listed = (await app.invoke(channels.listRecent)).value;
    expect(listed.map((r: { name: string }) => r.name)).toEqual(names.slice(2).reverse());
    expect((await app.invoke(channels.openRecent, handles[5])).value).toEqual({ name: 'p5.gpkg', bytes: text('p5.gpkg'), handle: handles[5] });
    expect((await app.invoke(channels.listRecent)).value[0].name).toBe('p5.gpkg');
    rmSync(docs('p7.gpkg'));
    const gone = await app.invoke(channels.openRecent, handles[7]);
    expect(gone).toMatchObject({ ok: false, code: 'not-found' });
    expect(gone.message).toContain('p7.gpkg');
    const after = (await app.invoke(channels.listRecent)).value.map((r: { name: string }) => r.name);
    expect(after).toHaveLength(9);
    expect(after).not.toContain('p7.gpkg');
    expect(JSON.parse(readFileSync(path.join(userData, 'recent.json'), 'utf8'))).not.toContain(docs('p7.gpkg'));
    rmSync(docs('p8.gpkg'));
    expect((await app.invoke(channels.listRecent)).value).toHaveLength(8);
  });

  it('reads a damaged recent.json as an empty list', async () => {
    for (const damaged of ['{not json', '{"a":1}', '[1, "relative/path.gpkg", null]']) {
      const { userData } = setup();
      mkdirSync(userData);
      writeFileSync(path.join(userData, 'recent.json'), damaged);
      expect(await run(userData).invoke(channels.listRecent)).toEqual({ ok: true, value: [] });
    }
  });
});

describe('autosave and crash recovery', () => {
  it('recovers the last edits after a crash, with a handle back to the saved project once the user confirms its path', async () => {
    const { userData, docs } = setup();
    const project = smallProject();
    const first = run(userData, { open: [docs('renhuai.gpkg')] });
    writeFileSync(docs('renhuai.gpkg'), await writeProjectGpkg(project));
    const opened = (await first.invoke(channels.openFile, { purpose: 'open-project' })).value;
    const edited = { ...project, name: '仁怀市（未保存的修改）' };
    const written = await first.invoke(channels.autosave, { projectKey: 'p1', bytes: await writeProjectGpkg(edited), handle: opened.handle, name: edited.name });
    expect(written).toEqual({ ok: true, value: { modifiedMs: expect.any(Number) } });
    expect(readdirSync(path.join(userData, 'autosave')).filter((f) => f.endsWith('.autosave.gpkg'))).toHaveLength(1);
    // The live run does not offer its own autosave.
    expect((await first.invoke(channels.listRecoverable)).value).toEqual([]);

    // "Crash": a new run over the same userData, with new handles; the user confirms saving back there.
    const second = run(userData, { answers: [1] });
    const offers = (await second.invoke(channels.listRecoverable)).value;
    expect(offers).toEqual([{ id: expect.any(String), name: edited.name, modifiedMs: expect.any(Number), projectName: 'renhuai.gpkg' }]);
    const recovered = (await second.invoke(channels.recover, offers[0].id)).value;
    expect(second.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.stringContaining(docs('renhuai.gpkg')) }));
    expect(recovered.handle).toMatch(/^[0-9a-f-]{36}$/);
    const back = await readProjectGpkg(recovered.bytes);
    expect(back.ok && back.value.name).toBe(edited.name);
    // Saving the recovered project goes back to the original file.
    await second.invoke(channels.saveProject, { handle: recovered.handle, suggestedName: 'x.gpkg', bytes: recovered.bytes });
    const saved = await readProjectGpkg(new Uint8Array(readFileSync(docs('renhuai.gpkg'))));
    expect(saved.ok && saved.value.name).toBe(edited.name);
    expect(await second.invoke(channels.discardRecovery, offers[0].id)).toEqual({ ok: true, value: null });
    expect(readdirSync(path.join(userData, 'autosave'))).toEqual([]);
    expect((await second.invoke(channels.listRecoverable)).value).toEqual([]);
  });

  it('gives no write handle for a recovered project unless the user confirms its path (a side file pointing elsewhere gets none)', async () => {
    const { userData, docs } = setup();
    const first = run(userData, { open: [docs('renhuai.gpkg')] });
    writeFileSync(docs('renhuai.gpkg'), await writeProjectGpkg(smallProject()));
    const opened = (await first.invoke(channels.openFile, { purpose: 'open-project' })).value;
    await first.invoke(channels.autosave, { projectKey: 'p1', bytes: text('edits'), handle: opened.handle, name: 'p' });
    // someone rewrites the side file in userData to point at another file
    const side = readdirSync(path.join(userData, 'autosave')).find((f) => f.endsWith('.json'))!;
    writeFileSync(docs('victim.gpkg'), 'precious');
    writeFileSync(path.join(userData, 'autosave', side), JSON.stringify({ name: 'p', projectFile: docs('victim.gpkg') }));
    const second = run(userData, { answers: [0] });
    const [offer] = (await second.invoke(channels.listRecoverable)).value;
    const recovered = (await second.invoke(channels.recover, offer.id)).value;
    expect(second.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.stringContaining(docs('victim.gpkg')) }));
    expect(recovered.handle).toBeUndefined();
    expect(recovered.bytes).toEqual(text('edits'));
    expect(readFileSync(docs('victim.gpkg'), 'utf8')).toBe('precious');
    // a side file naming something that is not a project file is not even offered as a target
    writeFileSync(path.join(userData, 'autosave', side), JSON.stringify({ name: 'p', projectFile: '/etc/passwd' }));
    const third = run(userData, { answers: [1] });
    const [again] = (await third.invoke(channels.listRecoverable)).value;
    expect((await third.invoke(channels.recover, again.id)).value.handle).toBeUndefined();
    expect(third.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('gives two projects of one run their own files, and overwrites each in place', async () => {
    const { userData } = setup();
    const app = run(userData);
    await app.invoke(channels.autosave, { projectKey: 'a', bytes: text('a1') });
    await app.invoke(channels.autosave, { projectKey: 'b', bytes: text('b1') });
    await app.invoke(channels.autosave, { projectKey: 'a', bytes: text('a2') });
    const files = readdirSync(path.join(userData, 'autosave')).filter((f) => f.endsWith('.gpkg')).sort();
    expect(files).toHaveLength(2);
    const contents = files.map((f) => readFileSync(path.join(userData, 'autosave', f), 'utf8')).sort();
    expect(contents).toEqual(['a2', 'b1']);
  });

  it('keeps concurrent autosaves and recent-list updates consistent, and caps the projects autosaved at once', async () => {
    const { userData, docs } = setup();
    const names = Array.from({ length: 6 }, (_, i) => `c${i}.gpkg`);
    const app = run(userData, { save: names.map(docs) });
    await Promise.all(names.map((name) => app.invoke(channels.saveProject, { suggestedName: name, bytes: text(name) })));
    expect((await app.invoke(channels.listRecent)).value).toHaveLength(6);
    const keys = Array.from({ length: MAX_AUTOSAVED_PROJECTS }, (_, i) => `k${i}`);
    const results = await Promise.all(keys.map((projectKey) => app.invoke(channels.autosave, { projectKey, bytes: text(projectKey) })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(readdirSync(path.join(userData, 'autosave')).filter((f) => f.endsWith('.gpkg'))).toHaveLength(MAX_AUTOSAVED_PROJECTS);
    expect(await app.invoke(channels.autosave, { projectKey: 'one-more', bytes: text('x') })).toMatchObject({ ok: false, code: 'too-many' });
    expect((await app.invoke(channels.autosave, { projectKey: 'k0', bytes: text('again') })).ok).toBe(true);
  });

  it('removes the autosave after a save with its projectKey, a discard, or a clean close; keeps it otherwise', async () => {
    const { userData, docs } = setup();
    const dir = path.join(userData, 'autosave');
    const app = run(userData, { save: [docs('s.gpkg')] });
    await app.invoke(channels.autosave, { projectKey: 'saved', bytes: text('x') });
    await app.invoke(channels.autosave, { projectKey: 'closed', bytes: text('y') });
    await app.invoke(channels.saveProject, { suggestedName: 's.gpkg', bytes: text('x'), projectKey: 'saved' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.gpkg'))).toHaveLength(1);
    await app.invoke(channels.discardAutosave, { projectKey: 'closed' });
    expect(readdirSync(dir)).toEqual([]);

    await app.invoke(channels.autosave, { projectKey: 'dirty', bytes: text('z') });
    app.quit.intercept({ preventDefault() {} });
    expect(await app.invoke(channels.quitReady, { clean: false })).toEqual({ ok: true, value: null });
    expect(app.proceed).toHaveBeenCalledOnce();
    expect(readdirSync(dir).filter((f) => f.endsWith('.gpkg'))).toHaveLength(1);

    const next = run(userData);
    await next.invoke(channels.autosave, { projectKey: 'k', bytes: text('k') });
    next.quit.intercept({ preventDefault() {} });
    await next.invoke(channels.quitReady, { clean: true });
    // Only this run's autosave goes; the earlier run's crash copy is still offered.
    expect(readdirSync(dir).filter((f) => f.endsWith('.gpkg'))).toHaveLength(1);
    expect((await run(userData).invoke(channels.listRecoverable)).value).toHaveLength(1);
    expect(existsSync(dir)).toBe(true);
  });
});

describe('close round trip', () => {
  it('asks once, proceeds on the answer, or on the timeout when the renderer hangs', () => {
    vi.useFakeTimers();
    try {
      const proceed = vi.fn();
      const ask = vi.fn(() => true);
      const flow = createQuitFlow({ ask, proceed, timeoutMs: 5000 });
      const unheld = vi.fn();
      flow.intercept({ preventDefault: unheld });
      expect(unheld).not.toHaveBeenCalled();
      expect(ask).not.toHaveBeenCalled();
      flow.subscribe();
      flow.unsubscribe(); // the page reloaded
      flow.intercept({ preventDefault: unheld });
      expect(unheld).not.toHaveBeenCalled();
      flow.subscribe();
      expect(flow.answered()).toBe(false);
      const prevent = vi.fn();
      flow.intercept({ preventDefault: prevent });
      flow.intercept({ preventDefault: prevent });
      expect(ask).toHaveBeenCalledOnce();
      expect(prevent).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(4999);
      expect(proceed).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(proceed).toHaveBeenCalledOnce();
      const passes = vi.fn();
      flow.intercept({ preventDefault: passes });
      expect(passes).not.toHaveBeenCalled();
      expect(flow.answered()).toBe(false);

      const noRenderer = vi.fn();
      const crashed = createQuitFlow({ ask: () => false, proceed: noRenderer });
      crashed.subscribe();
      crashed.intercept({ preventDefault() {} });
      expect(noRenderer).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
