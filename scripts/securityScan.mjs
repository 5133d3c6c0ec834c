#!/usr/bin/env node
// `npm run security`: runs Electronegativity over the desktop app's sources (electron/ and the renderer's
// index.html with its CSP) and fails on any MEDIUM or HIGH finding not reviewed in
// security/accepted-findings.json. Prints a JSON summary.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
const work = mkdtempSync(path.join(os.tmpdir(), 'qc-security-'));
try {
  cpSync(path.join(root, 'electron'), path.join(work, 'electron'), { recursive: true });
  cpSync(path.join(root, 'renderer', 'index.html'), path.join(work, 'index.html'));
  const sarif = path.join(work, 'findings.sarif');
  const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
  const run = spawnSync(bin, ['-i', work, '-r', '-s', 'medium', '-e', pkg.version, '-o', sarif], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((r) => r.results);
  const { accepted } = JSON.parse(readFileSync(path.join(root, 'security', 'accepted-findings.json'), 'utf8'));
  const findings = results.map((r) => ({
    check: r.ruleId,
    file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
    line: r.locations?.[0]?.physicalLocation?.region?.startLine,
    message: r.message.text,
  }));
  const isAccepted = (f) => accepted.some((a) => a.check === f.check && a.file === f.file);
  const open = findings.filter((f) => !isAccepted(f));
  console.log(JSON.stringify({ electron: pkg.version, mediumOrHigh: findings.length, accepted: findings.length - open.length, open }, null, 2));
  if (open.length > 0) {
    console.error(`security: ${open.length} MEDIUM/HIGH finding(s) neither fixed nor accepted with a reason`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
