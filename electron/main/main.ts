import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import { beforeQuitEvent } from '../ipc/channels';
import { createAutosaveStore } from './autosaveStore';
import { createHandleRegistry } from './handleRegistry';
import { registerHandlers } from './handlers';
import { createQuitFlow } from './quitFlow';
import { createRecentFiles } from './recentFiles';
import { APP_ENTRY_URL, APP_SCHEME, serveAppRequest } from './protocol';
import { initLog } from './log';
import { createReportWindow } from './reportWindow';
import { hardenWebContents } from './security';

const log = initLog();
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadFile = path.join(here, '..', 'preload', 'preload.cjs');

// Must run before 'ready': app:// behaves like https (secure context, fetch, module workers, wasm streaming).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let mainWindow: BrowserWindow | null = null;

// Closing asks the renderer to autosave (or say it is clean) first; a renderer that does not answer in time
// is not waited for, and its last autosave is offered for recovery at the next start.
const quit = createQuitFlow({
  ask: () => {
    if (!mainWindow || mainWindow.webContents.isCrashed()) return false;
    mainWindow.webContents.send(beforeQuitEvent);
    return true;
  },
  proceed: () => app.quit(),
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: '黔城覆盖规划 Qiancheng Planner',
    show: false,
    webPreferences: {
      preload: preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(mainWindow.webContents);
  mainWindow.webContents.on('did-start-loading', () => quit.unsubscribe());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', (event) => quit.intercept(event));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));
  const userData = app.getPath('userData');
  const handles = createHandleRegistry();
  registerHandlers({
    handles,
    recent: createRecentFiles(path.join(userData, 'recent.json'), handles),
    autosaves: createAutosaveStore(path.join(userData, 'autosave'), handles),
    quit,
    ipcMain,
    dialog,
    window: () => mainWindow,
    pdf: { createWindow: createReportWindow, tempDir: app.getPath('temp') },
    appInfo: { version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? '' },
    // main's own dialogs speak the system's language when a request names none
    language: () => (app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en'),
    log: (message) => log.error(message),
  });
  log.info(`started ${app.getVersion()} on ${process.platform}, electron ${process.versions.electron}`);
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
