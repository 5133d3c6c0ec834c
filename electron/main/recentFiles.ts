import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile, InputFileError, readInputFile } from '../../disk';
import { MAX_RECENT_FILES, type OpenedFile, type RecentFile } from '../../contract/hostApi';
import type { HandleRegistry } from './handleRegistry';
import { IpcFailure } from './ipcFailure';
import { createSerialQueue } from './serialQueue';
import { MAX_SAVE_BYTES } from '../ipc/parsers';

/** The recent-files list, kept in userData/recent.json as an array of absolute paths, newest first. */
export interface RecentFiles {
  /** puts `file` first (the user just opened or saved it) */
  add(file: string): Promise<void>;
  /** the files that still exist, newest first, with handles; vanished files are dropped from the list */
  list(): Promise<RecentFile[]>;
  /** reads the file behind a recent handle; a vanished file fails with 'not-found' and leaves the list */
  open(handle: string): Promise<OpenedFile>;
}

/**
 * Creates the recent-files list stored in `listFile` (userData/recent.json). Only paths the user picked in
 * a dialog ever get in. A damaged or hand-edited recent.json counts as empty, never as an error.
 * @example const recent = createRecentFiles(path.join(app.getPath('userData'), 'recent.json'), handles);
 */
export function createRecentFiles(listFile: string, handles: HandleRegistry): RecentFiles {
  const serial = createSerialQueue();
  async function load(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(listFile, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)).slice(0, MAX_RECENT_FILES);
    } catch {
      return [];
    }
  }
  async function store(files: string[]): Promise<void> {
    await mkdir(path.dirname(listFile), { recursive: true });
    await atomicWriteFile(listFile, new TextEncoder().encode(JSON.stringify(files, null, 1)), { keepBackup: false });
  }
  async function drop(file: string): Promise<void> {
    handles.forget(file);
    await store((await load()).filter((p) => p !== file));
  }

  return {
    add(file) {
      const resolved = path.resolve(file);
      return serial(async () => store([resolved, ...(await load()).filter((p) => p !== resolved)].slice(0, MAX_RECENT_FILES)));
    },
    list: () => serial(async () => {
      const files = await load();
      const found: RecentFile[] = [];
      const kept: string[] = [];
      for (const file of files) {
        try {
          const s = await stat(file);
          if (!s.isFile()) continue;
          kept.push(file);
          found.push({ handle: handles.issue(file), name: path.basename(file), modifiedMs: s.mtimeMs, folder: path.dirname(file), sizeBytes: s.size });
        } catch {
          handles.forget(file);
        }
      }
      if (kept.length !== files.length) await store(kept);
      return found;
    }),
    async open(handle) {
      const file = handles.resolve(handle);
      const name = path.basename(file);
      try {
        // by type and size first: a recent path that became a pipe or a device is refused unread
        return { name, bytes: await readInputFile(file, { maxBytes: MAX_SAVE_BYTES }), handle };
      } catch (err) {
        if (!(err instanceof InputFileError)) throw err;
        if (err.code !== 'not-found') throw new IpcFailure(err.code, err.message);
        await serial(() => drop(file));
        throw new IpcFailure('not-found', `${name} is no longer in ${path.dirname(file)} (moved, renamed or deleted); it was removed from the recent files. Use Open to find it.`);
      }
    },
  };
}
