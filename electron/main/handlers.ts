import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { atomicWriteFile } from '../../disk';
import type { AppInfo, UiLanguage } from '../../contract/hostApi';
import { channels } from '../ipc/channels';
import { parsers } from '../ipc/parsers';
import type { AutosaveStore } from './autosaveStore';
import { dialogFor, extensionOf, savePathFor } from './dialogPurposes';
import { guardExportPath } from './guardExportPath';
import type { HandleRegistry } from './handleRegistry';
import { handle } from './ipc';
import type { PrintHtmlToPdfDeps } from './printHtmlToPdf';
import { registerProjectHandlers } from './projectHandlers';
import type { QuitFlow } from './quitFlow';
import type { RecentFiles } from './recentFiles';
import { registerReportPdfHandler } from './reportPdfHandler';
import { registerRoadmapHandlers } from './roadmapHandlers';

export interface HandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  /** the window dialogs attach to */
  window: () => BrowserWindow | null;
  appInfo: AppInfo;
  handles: HandleRegistry;
  recent: RecentFiles;
  autosaves: AutosaveStore;
  quit: QuitFlow;
  /** the hidden window county reports are printed to PDF in */
  pdf: PrintHtmlToPdfDeps;
  /** the language of main's own dialogs when a request names none (the system's: app.getLocale); default zh */
  language?: () => UiLanguage;
  log?: (message: string) => void;
}

/**
 * Registers every IPC channel. File access happens only on paths the user picked in a dialog, the recent
 * list those dialogs filled, or main's userData folder: the renderer can never name a path. The renderer names a
 * dialog's purpose; main owns its title and file types (dialogPurposes.ts), and no export replaces a project.
 */
export function registerHandlers(deps: HandlerDeps): void {
  const { ipcMain, dialog, log } = deps;
  const parent = () => deps.window() ?? undefined;

  registerProjectHandlers(deps);
  registerReportPdfHandler(deps);
  registerRoadmapHandlers(deps);

  handle(ipcMain, channels.saveFile, parsers[channels.saveFile], async (req) => {
    // Title and type from the purpose (main's, not the renderer's); the type the suggested name ends in.
    const extension = extensionOf(req.suggestedName);
    const options = { ...dialogFor(req.purpose, req.language ?? deps.language?.() ?? 'zh', extension), defaultPath: req.suggestedName };
    const win = parent();
    const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return null;
    const file = savePathFor(picked.filePath, req.purpose, extension);
    await guardExportPath(file, deps.handles);
    // Atomic so a crash mid-export never leaves a truncated file where an old export was.
    await atomicWriteFile(file, req.bytes, { keepBackup: false });
    return { name: path.basename(file) };
  }, log);

  handle(ipcMain, channels.confirm, parsers[channels.confirm], async (req) => {
    const options = { type: 'question' as const, title: req.title, message: req.message, buttons: [req.okLabel, req.cancelLabel], defaultId: 0, cancelId: 1 };
    const win = parent();
    const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return answer.response === 0;
  }, log);

  handle(ipcMain, channels.appInfo, parsers[channels.appInfo], () => deps.appInfo, log);
}
