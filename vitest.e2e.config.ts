import { defineConfig } from 'vitest/config';

// End-to-end tests: the real UI in Electron (when its binary exists) or the browser build in Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/e2e-results.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
