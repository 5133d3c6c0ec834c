import { defineConfig } from 'vitest/config';

// Unit tests: pure Node, no browser. End-to-end tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/unit-results.json' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
