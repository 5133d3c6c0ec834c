import { contextBridge, ipcRenderer } from 'electron';
import { channels, type AppApi } from '../ipc/contract';

// One function per channel; the renderer never sees ipcRenderer itself.
const api: AppApi = {
  openFile: (req) => ipcRenderer.invoke(channels.openFile, req),
  saveFile: (req) => ipcRenderer.invoke(channels.saveFile, req),
  confirm: (req) => ipcRenderer.invoke(channels.confirm, req),
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
};

contextBridge.exposeInMainWorld('app', api);
