import { contextBridge, ipcRenderer } from 'electron';
import type { AppApi } from '../../contract/hostApi';
import { beforeQuitEvent, channels } from '../ipc/channels';

// One function per channel; the renderer never sees ipcRenderer itself.
const api: AppApi = {
  openFile: (req) => ipcRenderer.invoke(channels.openFile, req),
  saveFile: (req) => ipcRenderer.invoke(channels.saveFile, req),
  confirm: (req) => ipcRenderer.invoke(channels.confirm, req),
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
  saveProject: (req) => ipcRenderer.invoke(channels.saveProject, req),
  listRecent: () => ipcRenderer.invoke(channels.listRecent),
  openRecent: (handle) => ipcRenderer.invoke(channels.openRecent, handle),
  autosave: (req) => ipcRenderer.invoke(channels.autosave, req),
  discardAutosave: (req) => ipcRenderer.invoke(channels.discardAutosave, req),
  listRecoverable: () => ipcRenderer.invoke(channels.listRecoverable),
  recover: (id) => ipcRenderer.invoke(channels.recover, id),
  discardRecovery: (id) => ipcRenderer.invoke(channels.discardRecovery, id),
  quitReady: (req) => ipcRenderer.invoke(channels.quitReady, req),
  saveReportPdf: (req) => ipcRenderer.invoke(channels.saveReportPdf, req),
  openRoadmapFolder: (req) => ipcRenderer.invoke(channels.openRoadmapFolder, req),
  openRoadmapCounty: (req) => ipcRenderer.invoke(channels.openRoadmapCounty, req),
  onBeforeQuit(listener) {
    // One listener at a time, and the renderer never sees the event object (it holds the sender).
    ipcRenderer.removeAllListeners(beforeQuitEvent);
    ipcRenderer.on(beforeQuitEvent, () => listener());
    void ipcRenderer.invoke(channels.quitSubscribe);
  },
};

contextBridge.exposeInMainWorld('app', api);
