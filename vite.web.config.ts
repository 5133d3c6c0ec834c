import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './contract/crossOriginIsolation.ts';
import { rendererConfig } from './vite.shared.config.ts';

// The browser build (`npm run web`, end-to-end tests): the same renderer, served over http, cross-origin isolated
// (COOP + COEP on every response, dev server and preview alike) so the plan worker can edit on two threads.
export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true },
  preview: { host: '127.0.0.1', strictPort: false, headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS } },
});
