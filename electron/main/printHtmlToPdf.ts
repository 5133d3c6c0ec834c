import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';

/** What printing needs of a window: BrowserWindow in the app, a fake in tests. */
export type PdfWindow = Pick<BrowserWindow, 'loadFile' | 'close'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF'> & {
    session: { webRequest: Pick<BrowserWindow['webContents']['session']['webRequest'], 'onBeforeRequest'> };
  };
};

export interface PrintHtmlToPdfDeps {
  /** a hidden, sandboxed window with JavaScript off in an in-memory session: createReportWindow */
  createWindow(): PdfWindow;
  /** a folder main may write to (app.getPath('temp')): the page goes there for the moment it loads */
  tempDir: string;
}

/**
 * Prints one self-contained HTML page to an A4 PDF (backgrounds printed) in a hidden window (createReportWindow:
 * sandboxed, JavaScript off, no preload, its own in-memory session) whose every request but the page itself is
 * refused, so the page can neither run code nor reach the network. The page is loaded from a private temp file, not a
 * data: URL (Chromium refuses URLs over 2 MB, https://github.com/electron/electron/issues/8317, and a
 * report with its map image is larger). The window is closed and the temp file removed in every case.
 * @example const pdf = await printHtmlToPdf(html, { createWindow: createReportWindow, tempDir: app.getPath('temp') })
 */
export async function printHtmlToPdf(html: string, deps: PrintHtmlToPdfDeps): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(deps.tempDir, 'qc-report-'));
  let win: PdfWindow | undefined;
  try {
    const file = path.join(dir, 'report.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    win = deps.createWindow();
    // Inline images (data:) never reach webRequest; anything but the page itself (http, other files) is refused.
    win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isInside(details.url, dir) }));
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    win?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** True for a file: URL of a file in `dir` (Chromium may spell the URL differently from pathToFileURL). */
function isInside(url: string, dir: string): boolean {
  if (!url.startsWith('file:')) return false;
  try {
    return path.dirname(fileURLToPath(url)).toLowerCase() === path.resolve(dir).toLowerCase();
  } catch {
    return false;
  }
}
