/** IPC channel names: the only channels main handles and preload exposes. */
export const channels = {
  openFile: 'app:file.open',
  saveFile: 'app:file.save',
  confirm: 'app:dialog.confirm',
  appInfo: 'app:info',
  saveProject: 'app:project.save',
  listRecent: 'app:recent.list',
  openRecent: 'app:recent.open',
  autosave: 'app:autosave.write',
  discardAutosave: 'app:autosave.discard',
  listRecoverable: 'app:recovery.list',
  recover: 'app:recovery.open',
  discardRecovery: 'app:recovery.discard',
  quitReady: 'app:quit.ready',
  /** preload's onBeforeQuit announces a listener: until then main closes without asking */
  quitSubscribe: 'app:quit.subscribe',
  saveReportPdf: 'app:report.pdf',
  openRoadmapFolder: 'app:roadmap.open',
  openRoadmapCounty: 'app:roadmap.county',
} as const;

/** The one channel main sends to the renderer: "the window is closing; autosave or say you are clean". */
export const beforeQuitEvent = 'app:before-quit';

export type Channel = (typeof channels)[keyof typeof channels];
