import { defineConfig } from 'vitest/config';

// End-to-end tests: the browser build in Chromium, or with E2E_TARGET=electron the desktop app (test/e2e/harness.ts).
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
