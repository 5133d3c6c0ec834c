import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import type { UiLanguage } from '../../contract/hostApi';
import { atomicWriteFile } from '../../disk';
import { channels } from '../ipc/channels';
import { parsers } from '../ipc/parsers';
import { dialogFor, savePathFor } from './dialogPurposes';
import { guardExportPath } from './guardExportPath';
import type { HandleRegistry } from './handleRegistry';
import { handle } from './ipc';
import { printHtmlToPdf, type PrintHtmlToPdfDeps } from './printHtmlToPdf';

export interface ReportPdfDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** the window the save dialog attaches to */
  window: () => BrowserWindow | null;
  /** how the hidden print window is made and where its page is kept while it loads */
  pdf: PrintHtmlToPdfDeps;
  /** the projects this run holds: a report is never saved over one */
  handles: HandleRegistry;
  language?: () => UiLanguage;
  log?: (message: string) => void;
}

/**
 * Registers app:report.pdf (issue #7): prints the county report's HTML to an A4 PDF in a hidden window, asks
 * where to save it, and writes it atomically there. Main writes only to the path the user confirmed in the
 * dialog (main titles it; never over a project: guardExportPath); a cancelled dialog writes nothing and answers
 * `null`. Failures come back as `{ ok: false }`.
 * @example registerReportPdfHandler({ ipcMain, dialog, window: () => mainWindow, pdf: { createWindow: createReportWindow, tempDir } })
 */
export function registerReportPdfHandler(deps: ReportPdfDeps): void {
  const { ipcMain, dialog, log } = deps;
  handle(ipcMain, channels.saveReportPdf, parsers[channels.saveReportPdf], async (req) => {
    const pdf = await printHtmlToPdf(req.html, deps.pdf);
    const options = { ...dialogFor('save-report-pdf', req.language ?? deps.language?.() ?? 'zh'), defaultPath: req.suggestedName };
    const win = deps.window();
    const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return null;
    const file = savePathFor(picked.filePath, 'save-report-pdf', 'pdf');
    await guardExportPath(file, deps.handles);
    // Atomic like every other write: a crash mid-write never leaves a truncated PDF where an old one was.
    await atomicWriteFile(file, pdf, { keepBackup: false });
    return { name: path.basename(file) };
  }, log);
}
