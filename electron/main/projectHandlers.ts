import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { MULTI_FILE_PURPOSES, type OpenedFile, type UiLanguage } from '../../contract/hostApi';
import { atomicWriteFile, InputFileError, readInputFile } from '../../disk';
import { channels } from '../ipc/channels';
import { MAX_SAVE_BYTES, parsers } from '../ipc/parsers';
import type { AutosaveStore } from './autosaveStore';
import { dialogFor, savePathFor } from './dialogPurposes';
import type { HandleRegistry } from './handleRegistry';
import { handle } from './ipc';
import { IpcFailure } from './ipcFailure';
import type { QuitFlow } from './quitFlow';
import type { RecentFiles } from './recentFiles';

export interface ProjectHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  window: () => BrowserWindow | null;
  handles: HandleRegistry;
  recent: RecentFiles;
  autosaves: AutosaveStore;
  quit: QuitFlow;
  /** the language of main's own dialogs when a request names none (the system's); default zh */
  language?: () => UiLanguage;
  log?: (message: string) => void;
}

const RECOVER_INTO: Record<UiLanguage, { title: string; message: (name: string) => string; detail: (file: string) => string; buttons: [string, string] }> = {
  zh: {
    title: '恢复项目', message: (name) => `恢复的“${name}”以后保存到哪里？`,
    detail: (file) => `自动保存记录说它来自：\n${file}\n\n选“保存回原文件”，之后的保存会覆盖这个文件（保留 .bak 备份）；选“另存为新文件”，第一次保存时再选位置。`,
    buttons: ['另存为新文件', '保存回原文件'],
  },
  en: {
    title: 'Recover a project', message: (name) => `Where should the recovered "${name}" be saved?`,
    detail: (file) => `The autosave says it came from:\n${file}\n\n"Save back to it" makes later saves replace that file (a .bak is kept); "Save as a new file" asks where at the first save.`,
    buttons: ['Save as a new file', 'Save back to it'],
  },
};

/** Reads a file the user picked: a regular file of at most MAX_SAVE_BYTES (a pipe or device is refused unread). */
async function readPicked(file: string): Promise<Uint8Array> {
  try {
    return await readInputFile(file, { maxBytes: MAX_SAVE_BYTES });
  } catch (err) {
    if (err instanceof InputFileError) throw new IpcFailure(err.code, err.message);
    throw err;
  }
}

/**
 * Registers the project-file channels: open (with a handle), save in place or through a dialog, recent
 * files, autosave, crash recovery and the close round trip. Paths come only from dialogs the user
 * answered, the recent list those dialogs filled, or main's own userData folder; a recovered project's own
 * path gets a handle only after the user confirmed it in main's dialog.
 * @example registerProjectHandlers({ ipcMain, dialog, window: () => win, handles, recent, autosaves, quit, log });
 */
export function registerProjectHandlers(deps: ProjectHandlerDeps): void {
  const { ipcMain, dialog, handles, recent, autosaves, log } = deps;
  const parent = () => deps.window() ?? undefined;

  const languageOf = (req: { language?: UiLanguage }): UiLanguage => req.language ?? deps.language?.() ?? 'zh';

  handle(ipcMain, channels.openFile, parsers[channels.openFile], async (req) => {
    // Title and file types belong to the purpose, and only 'open-project' hands out a handle to save back to.
    const isMulti = MULTI_FILE_PURPOSES.includes(req.purpose);
    const options = { ...dialogFor(req.purpose, languageOf(req)), properties: isMulti ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const] };
    const win = parent();
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return null;
    const file = picked.filePaths[0];
    const bytes = await readPicked(file);
    if (isMulti) {
      const more = [];
      for (const other of picked.filePaths.slice(1)) more.push({ name: path.basename(other), bytes: await readPicked(other) });
      return { name: path.basename(file), bytes, more };
    }
    if (req.purpose !== 'open-project') return { name: path.basename(file), bytes };
    await recent.add(file);
    return { name: path.basename(file), bytes, handle: handles.issue(file) };
  }, log);

  handle(ipcMain, channels.saveProject, parsers[channels.saveProject], async (req) => {
    let file: string;
    if (req.handle) {
      file = handles.resolve(req.handle);
    } else {
      const options = { ...dialogFor('save-project', deps.language?.() ?? 'zh'), defaultPath: req.suggestedName };
      const win = parent();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return null;
      file = savePathFor(picked.filePath, 'save-project', 'gpkg');
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
  handle(ipcMain, channels.recover, parsers[channels.recover], async (id): Promise<OpenedFile> => {
    const { name, bytes, projectFile } = await autosaves.recover(id);
    if (!projectFile) return { name, bytes };
    // The path comes from a JSON file in userData, not from the user: a write handle only once the user, in main's
    // own dialog showing the full path, chose to save back there (issue 21). Otherwise the next save asks.
    const text = RECOVER_INTO[deps.language?.() ?? 'zh'];
    const options = { type: 'question' as const, title: text.title, message: text.message(name), detail: text.detail(projectFile), buttons: text.buttons, defaultId: 0, cancelId: 0, noLink: true };
    const win = parent();
    const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return answer.response === 1 ? { name, bytes, handle: handles.issue(projectFile) } : { name, bytes };
  }, log);
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
