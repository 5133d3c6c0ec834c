import { BrowserWindow } from 'electron';

/** In-memory session (no `persist:`) of report windows: nothing they load is cached or kept. */
export const REPORT_PARTITION = 'qc-report-pdf';

/**
 * A hidden window to print a county report in: sandboxed, JavaScript off, no preload (no IPC), its own
 * in-memory session. A4 at 150 dpi so the page lays out as it prints. The options are written out here,
 * at the constructor, so Electronegativity can check them.
 * @example const win = createReportWindow(); await win.loadFile(file); await win.webContents.printToPDF({ pageSize: 'A4' })
 */
export function createReportWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 1240,
    height: 1754,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      partition: REPORT_PARTITION,
      // Middle-click would otherwise try to open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
