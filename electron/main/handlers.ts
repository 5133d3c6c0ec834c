import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { channels, type AppInfo } from '../ipc/contract';
import { MAX_SAVE_BYTES, parsers } from '../ipc/parsers';
import { handle } from './ipc';

export interface HandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  /** the window dialogs attach to */
  window: () => BrowserWindow | null;
  appInfo: AppInfo;
  log?: (message: string) => void;
}

/**
 * Registers every IPC channel. File access happens only on paths the user picked in a dialog this call
 * opened: the renderer can never name a path.
 */
export function registerHandlers(deps: HandlerDeps): void {
  const { ipcMain, dialog, log } = deps;
  const parent = () => deps.window() ?? undefined;

  handle(ipcMain, channels.openFile, parsers[channels.openFile], async (req) => {
    const options = { title: req.title, filters: req.filters, properties: ['openFile' as const] };
    const win = parent();
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return null;
    const file = picked.filePaths[0];
    const { size } = await stat(file);
    if (size > MAX_SAVE_BYTES) throw new Error(`${path.basename(file)} is ${Math.round(size / 2 ** 20)} MiB; the limit is 512 MiB`);
    return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
  }, log);

  handle(ipcMain, channels.saveFile, parsers[channels.saveFile], async (req) => {
    const options = { title: req.title, defaultPath: req.suggestedName, filters: req.filters };
    const win = parent();
    const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return null;
    await writeFile(picked.filePath, req.bytes);
    return { name: path.basename(picked.filePath) };
  }, log);

  handle(ipcMain, channels.confirm, parsers[channels.confirm], async (req) => {
    const options = { type: 'question' as const, title: req.title, message: req.message, buttons: [req.okLabel, req.cancelLabel], defaultId: 0, cancelId: 1 };
    const win = parent();
    const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return answer.response === 0;
  }, log);

  handle(ipcMain, channels.appInfo, parsers[channels.appInfo], () => deps.appInfo, log);
}
