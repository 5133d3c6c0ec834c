import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './contract/crossOriginIsolation.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Renderer build settings shared by the desktop build (electron-vite) and the browser build (vite). */
export const rendererConfig: UserConfig = {
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
  // cross-origin isolated, as the desktop app's pages: SharedArrayBuffer for the plan worker's two threads
  server: { headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS } },
};
