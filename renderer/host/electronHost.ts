import type { AppApi, UiLanguage } from '../../contract/hostApi';
import type { Host } from './Host';

/**
 * The desktop host: each call is one IPC request through preload's `window.app`. Dialog requests carry the UI's
 * `language` (main titles its dialogs in it) unless they name one.
 */
export function createElectronHost(api: AppApi, language: () => UiLanguage = () => 'zh'): Host {
  return {
    kind: 'electron',
    openFile: (req) => api.openFile({ language: language(), ...req }),
    saveFile: (req) => api.saveFile({ language: language(), ...req }),
    saveReportPdf: (req) => api.saveReportPdf({ language: language(), ...req }),
    saveProject: (req) => api.saveProject(req),
    openRoadmapFolder: (req) => api.openRoadmapFolder({ language: language(), ...req }),
    openRoadmapCounty: (req) => api.openRoadmapCounty(req),
    listRecent: () => api.listRecent(),
    openRecent: (handle) => api.openRecent(handle),
    autosave: (req) => api.autosave(req),
    discardAutosave: (req) => api.discardAutosave(req),
    listRecoverable: () => api.listRecoverable(),
    recover: (id) => api.recover(id),
    discardRecovery: (id) => api.discardRecovery(id),
    onQuitRequested(handler) {
      api.onBeforeQuit(() => {
        // Whatever the handler does, answer: main waits for this (or its timeout) before closing.
        void handler()
          .catch(() => ({ clean: false }))
          .then((answer) => api.quitReady(answer));
      });
    },
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
