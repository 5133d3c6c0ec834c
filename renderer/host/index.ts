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

/** The desktop host when preload exposed `window.app`, the browser host otherwise. */
export function pickHost(): Host {
  return window.app ? createElectronHost(window.app) : createWebHost();
}
