import i18next from 'i18next';
import type { AppApi } from '../../contract/hostApi';
import { createElectronHost } from './electronHost';
import type { Host } from './Host';
import { createWebHost } from './webHost';

export type { Host } from './Host';
export * from './autosaveLoop';

declare global {
  interface Window {
    /** set by electron/preload in the desktop app; absent in the browser build */
    app?: AppApi;
  }
  const __APP_VERSION__: string;
}

/** The desktop host when preload exposed `window.app` (its dialogs in the UI's language), the browser host otherwise. */
export function pickHost(): Host {
  return window.app ? createElectronHost(window.app, () => (i18next.language === 'en' ? 'en' : 'zh')) : createWebHost();
}
