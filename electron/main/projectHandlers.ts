import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { atomicWriteFile } from '../../disk';
import { channels } from '../ipc/channels';
import { MAX_SAVE_BYTES, parsers } from '../ipc/parsers';
import type { AutosaveStore } from './autosaveStore';
import type { HandleRegistry } from './handleRegistry';
import { handle } from './ipc';
import { IpcFailure } from './ipcFailure';
import type { QuitFlow } from './quitFlow';
import type { RecentFiles } from './recentFiles';

export interface ProjectHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  handles: HandleRegistry;
  recent: RecentFiles;
  autosaves: AutosaveStore;
  quit: QuitFlow;
  log?: (message: string) => void;
}

const PROJECT_FILTERS = [{ name: 'Qiancheng project (GeoPackage)', extensions: ['gpkg'] }];

/**
 * Registers the project-file channels: open (with a handle), save in place or through a dialog, recent
 * files, autosave, crash recovery and the close round trip. Paths come only from dialogs the user
 * answered, the recent list those dialogs filled, or main's own userData folder.
 * @example registerProjectHandlers({ ipcMain, dialog, window: () => win, handles, recent, autosaves, quit, log });
 */
export function registerProjectHandlers(deps: ProjectHandlerDeps): void {
  const { ipcMain, dialog, handles, recent, autosaves, log } = deps;
  const parent = () => deps.window() ?? undefined;

  handle(ipcMain, channels.openFile, parsers[channels.openFile], async (req) => {
    const options = { title: req.title, filters: req.filters, properties: ['openFile' as const] };
    const win = parent();
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return null;
    const file = picked.filePaths[0];
    const { size } = await stat(file);
    if (size > MAX_SAVE_BYTES) throw new IpcFailure('too-large', `${path.basename(file)} is ${Math.round(size / 2 ** 20)} MiB; the limit is 512 MiB`);
    const bytes = new Uint8Array(await readFile(file));
    if (!req.project) return { name: path.basename(file), bytes };
    await recent.add(file);
    return { name: path.basename(file), bytes, handle: handles.issue(file) };
  }, log);

  handle(ipcMain, channels.saveProject, parsers[channels.saveProject], async (req) => {
    let file: string;
    if (req.handle) {
      file = handles.resolve(req.handle);
    } else {
      const options = { defaultPath: req.suggestedName, filters: PROJECT_FILTERS };
      const win = parent();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return null;
      file = picked.filePath;
    }
    try {
      await atomicWriteFile(file, req.bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      throw new IpcFailure('not-found', `The folder ${path.dirname(file)} is gone (moved, renamed or a drive removed); nothing was written. Use Save As to pick another place.`);
    }
    await recent.add(file);
    if (req.projectKey) await autosaves.discard(req.projectKey);
    return { handle: handles.issue(file), name: path.basename(file) };
  }, log);

  handle(ipcMain, channels.listRecent, parsers[channels.listRecent], () => recent.list(), log);

  handle(ipcMain, channels.openRecent, parsers[channels.openRecent], async (token) => {
    const opened = await recent.open(token);
    await recent.add(handles.resolve(token));
    return opened;
  }, log);

  handle(ipcMain, channels.autosave, parsers[channels.autosave], (req) => autosaves.write(req), log);
  handle(ipcMain, channels.discardAutosave, parsers[channels.discardAutosave], async (req) => {
    await autosaves.discard(req.projectKey);
    return null;
  }, log);
  handle(ipcMain, channels.listRecoverable, parsers[channels.listRecoverable], () => autosaves.listRecoverable(), log);
  handle(ipcMain, channels.recover, parsers[channels.recover], (id) => autosaves.recover(id), log);
  handle(ipcMain, channels.discardRecovery, parsers[channels.discardRecovery], async (id) => {
    await autosaves.discardRecovery(id);
    return null;
  }, log);

  handle(ipcMain, channels.quitReady, parsers[channels.quitReady], async (req) => {
    // A clean close leaves nothing to recover; otherwise the autosave the renderer just wrote stays.
    if (req.clean) await autosaves.discardSession();
    deps.quit.answered();
    return null;
  }, log);

  handle(ipcMain, channels.quitSubscribe, parsers[channels.quitSubscribe], () => {
    deps.quit.subscribe();
    return null;
  }, log);
}
