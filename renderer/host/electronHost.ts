import type { AppApi } from '../../electron/ipc/contract';
import type { Host } from './Host';

/** The desktop host: each call is one IPC request through preload's `window.app`. */
export function createElectronHost(api: AppApi): Host {
  return {
    kind: 'electron',
    openFile: (req) => api.openFile(req),
    saveFile: (req) => api.saveFile(req),
    async confirm(req) {
      const answer = await api.confirm(req);
      return answer.ok && answer.value;
    },
    async appInfo() {
      const info = await api.appInfo();
      if (!info.ok) throw new Error(info.message);
      return info.value;
    },
  };
}
