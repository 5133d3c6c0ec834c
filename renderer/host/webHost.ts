import { MAX_RECENT_FILES, MAX_ROADMAP_INDEX_BYTES, MULTI_FILE_PURPOSES, PURPOSE_EXTENSIONS, ROADMAP_COUNTY_CODE } from '../../contract/hostApi';
import { roadmapFolderFiles } from './roadmapFolderFiles';
import type { Host } from './Host';
import { openWebStore } from './webStore';

/**
 * The browser host: files come from an <input type=file>, saves and exports are downloads. Projects
 * opened or saved are also kept in IndexedDB (the recent list: a tab cannot reopen a file by path), and
 * autosaves go there too, so the start screen of a new tab can recover a tab that crashed or was killed.
 * It serves the browser build (`npm run web`) and the end-to-end tests.
 */
export function createWebHost(doc: Document = document, dbName?: string): Host {
  // Keys this tab wrote: they are live work, not crash leftovers, so listRecoverable skips them.
  const tab = crypto.randomUUID();
  let opened: ReturnType<typeof openWebStore> | undefined;
  const db = () => {
    // One connection per host; a failed open (private mode, quota) is retried on the next call.
    opened ??= openWebStore(dbName).catch((err: unknown) => {
      opened = undefined;
      throw err;
    });
    return opened;
  };
  const autosaveKey = (projectKey: string) => `${tab}:${projectKey}`;
  /** roadmap folders the user picked in this page: token -> the county projects by code (the files stay in the page) */
  const roadmapFolders = new Map<string, Map<string, File>>();

  function download(name: string, bytes: Uint8Array): void {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
    const a = doc.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    doc.body.appendChild(a);
    a.click();
    a.remove();
    // Revoke later: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /**
   * Keeps a project for the recent list. The same file opened again (same name and bytes) refreshes its entry
   * rather than adding a second one of the same name.
   */
  async function remember(name: string, bytes: Uint8Array, origin: 'opened' | 'saved', handle?: string): Promise<string> {
    const store = await db();
    if (!handle) {
      for (const entry of await store.getAll('recent')) {
        if (entry.name === name && entry.bytes.length === bytes.length && entry.bytes.every((b, i) => b === bytes[i])) handle = entry.handle;
      }
    }
    handle ??= crypto.randomUUID();
    await store.put('recent', { handle, name, modifiedMs: Date.now(), bytes, origin });
    const newestFirst = (await store.getAllKeysFromIndex('recent', 'modifiedMs')).reverse();
    for (const old of newestFirst.slice(MAX_RECENT_FILES)) await store.delete('recent', old);
    return handle;
  }

  return {
    kind: 'web',
    openFile(req) {
      return new Promise((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = PURPOSE_EXTENSIONS[req.purpose].map((e) => `.${e}`).join(',');
        input.multiple = MULTI_FILE_PURPOSES.includes(req.purpose);
        input.style.display = 'none';
        input.addEventListener('change', async () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve({ ok: true, value: null });
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            if (input.multiple) {
              const more = await Promise.all([...(input.files ?? [])].slice(1).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
              return resolve({ ok: true, value: { name: file.name, bytes, more } });
            }
            const handle = req.purpose === 'open-project' ? await remember(file.name, bytes, 'opened') : undefined;
            resolve({ ok: true, value: { name: file.name, bytes, ...(handle ? { handle } : {}) } });
          } catch (err) {
            resolve({ ok: false, code: 'read-failed', message: `${file.name}: ${String(err)}` });
          }
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve({ ok: true, value: null });
        });
        doc.body.appendChild(input);
        input.click();
      });
    },
    openRoadmapFolder() {
      return new Promise((resolve) => {
        // a folder picker (webkitdirectory): the page sees the files under it with their relative paths
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.setAttribute('webkitdirectory', '');
        input.dataset.testid = 'roadmap-folder-input';
        input.style.display = 'none';
        input.addEventListener('change', async () => {
          const files = [...(input.files ?? [])];
          input.remove();
          if (files.length === 0) return resolve({ ok: true, value: null });
          const found = roadmapFolderFiles(files.map((f) => ({ path: f.webkitRelativePath || f.name, file: f })));
          if (!found.index) return resolve({ ok: false, code: 'not-found', message: 'roadmap.json is not in the folder picked (pick the folder qcplan roadmap --out wrote)' });
          if (found.index.size > MAX_ROADMAP_INDEX_BYTES) return resolve({ ok: false, code: 'too-large', message: 'roadmap.json is too large' });
          try {
            const index = new Uint8Array(await found.index.arrayBuffer());
            const handle = crypto.randomUUID();
            roadmapFolders.set(handle, found.counties);
            resolve({ ok: true, value: { handle, name: found.folder, index } });
          } catch (err) {
            resolve({ ok: false, code: 'read-failed', message: `roadmap.json: ${String(err)}` });
          }
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve({ ok: true, value: null });
        });
        doc.body.appendChild(input);
        input.click();
      });
    },
    async openRoadmapCounty(req) {
      const counties = roadmapFolders.get(req.handle);
      if (!counties) return { ok: false, code: 'unknown-handle', message: 'This roadmap folder is not open in this page; open the folder again.' };
      if (!ROADMAP_COUNTY_CODE.test(req.code)) return { ok: false, code: 'bad-request', message: `not a county code: ${req.code}` };
      const file = counties.get(req.code);
      if (!file) return { ok: false, code: 'not-found', message: `counties/${req.code}.gpkg is not among the files picked` };
      try {
        return { ok: true, value: { name: `${req.code}.gpkg`, bytes: new Uint8Array(await file.arrayBuffer()) } };
      } catch (err) {
        return { ok: false, code: 'read-failed', message: `${req.code}.gpkg: ${String(err)}` };
      }
    },
    async saveFile(req) {
      download(req.suggestedName, req.bytes);
      return { ok: true, value: { name: req.suggestedName } };
    },
    async saveProject(req) {
      download(req.suggestedName, req.bytes);
      try {
        const handle = await remember(req.suggestedName, req.bytes, 'saved', req.handle);
        if (req.projectKey) await (await db()).delete('autosave', autosaveKey(req.projectKey));
        return { ok: true, value: { handle, name: req.suggestedName } };
      } catch (err) {
        return { ok: false, code: 'storage-failed', message: `Downloaded ${req.suggestedName}, but the browser refused to keep a copy for Recent files: ${String(err)}` };
      }
    },
    async listRecent() {
      const entries = await (await db()).getAllFromIndex('recent', 'modifiedMs');
      return { ok: true, value: entries.reverse().map(({ handle, name, modifiedMs, bytes, origin }) => ({ handle, name, modifiedMs, sizeBytes: bytes.length, ...(origin && { origin }) })) };
    },
    async openRecent(handle) {
      const entry = await (await db()).get('recent', handle);
      if (!entry) return { ok: false, code: 'not-found', message: 'This project is no longer in the browser’s recent files (site data was cleared?); open the file again.' };
      await remember(entry.name, entry.bytes, entry.origin ?? 'opened', handle);
      return { ok: true, value: { name: entry.name, bytes: entry.bytes, handle } };
    },
    async autosave(req) {
      const modifiedMs = Date.now();
      try {
        await (await db()).put('autosave', { key: autosaveKey(req.projectKey), name: req.name ?? req.projectKey, modifiedMs, bytes: req.bytes, ...(req.handle ? { handle: req.handle } : {}) });
      } catch (err) {
        return { ok: false, code: 'storage-failed', message: `The browser refused the autosave (storage full or private mode?): ${String(err)}` };
      }
      return { ok: true, value: { modifiedMs } };
    },
    async discardAutosave(req) {
      await (await db()).delete('autosave', autosaveKey(req.projectKey));
      return { ok: true, value: null };
    },
    async listRecoverable() {
      const entries = await (await db()).getAll('autosave');
      const left = entries.filter((e) => !e.key.startsWith(`${tab}:`)).sort((a, b) => b.modifiedMs - a.modifiedMs);
      return { ok: true, value: left.map((e) => ({ id: e.key, name: e.name, modifiedMs: e.modifiedMs })) };
    },
    async recover(id) {
      const store = await db();
      const entry = await store.get('autosave', id);
      if (!entry) return { ok: false, code: 'not-found', message: 'This autosave is gone (another tab recovered or discarded it).' };
      const saved = entry.handle ? await store.getKey('recent', entry.handle) : undefined;
      return { ok: true, value: { name: entry.name, bytes: entry.bytes, ...(saved ? { handle: saved } : {}) } };
    },
    async discardRecovery(id) {
      await (await db()).delete('autosave', id);
      return { ok: true, value: null };
    },
    onQuitRequested(handler) {
      // A page cannot hold its close for async work: the handler's IndexedDB writes are best effort, and
      // the periodic autosave is what a killed tab falls back on.
      doc.defaultView?.addEventListener('pagehide', () => {
        void handler().then(async ({ clean }) => {
          if (!clean) return;
          const store = await db();
          for (const key of await store.getAllKeys('autosave')) if (key.startsWith(`${tab}:`)) await store.delete('autosave', key);
        });
      });
    },
    async confirm(req) {
      return window.confirm(`${req.title}\n\n${req.message}`);
    },
    async appInfo() {
      return { version: __APP_VERSION__, platform: 'web', electron: '' };
    },
  };
}
