#!/usr/bin/env node
// Prints one closing line for CI, "N passed, N failed, N skipped", from the vitest JSON reports that
// `npm test` leaves in test-output/. Exits 1 when a report is missing or nothing ran.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['test-output/unit-results.json', 'test-output/e2e-results.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}`);
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
