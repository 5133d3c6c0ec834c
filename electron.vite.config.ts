import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.shared.config.ts';

// The desktop build: main (ESM), preload (CommonJS, so the window keeps sandbox: true), renderer.
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { main: resolve(import.meta.dirname, 'electron/main/main.ts') } } },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(import.meta.dirname, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
