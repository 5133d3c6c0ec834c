import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.shared.config.ts';

// The browser build (`npm run web`, end-to-end tests): the same renderer, served over http.
export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true },
  preview: { host: '127.0.0.1', strictPort: false },
});
