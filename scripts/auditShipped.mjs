#!/usr/bin/env node
// Audits the npm packages the app actually ships. Everything is bundled by Vite from devDependencies (so that
// app.asar stays small), which leaves `npm audit --omit=dev` nothing to look at. This script:
// 1. builds main, preload, renderer and its workers with electron-vite into a temporary folder, collecting
//    the id of every module Rollup puts into an output chunk;
// 2. maps the node_modules ids to name@version (the package.json next to them);
// 3. writes those exact versions as the dependencies of a scratch project, resolves its lockfile
//    (`npm install --package-lock-only`: registry GETs only) and runs `npm audit --omit=dev` there.
// Prints JSON: the shipped packages and the audit's counts by severity, or why the audit could not run (on
// this machine the registry's advisory endpoint answers POST with 405). Exit 1 on a high or critical finding.
// Usage: npm run audit:shipped [-- --out FILE.json]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });

/** A Rollup plugin that records every module id placed in an output chunk. */
function moduleCollector(ids) {
  return {
    name: 'qc-collect-shipped-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') for (const id of chunk.moduleIds ?? Object.keys(chunk.modules)) ids.add(id);
      }
    },
  };
}

/** `…/node_modules/@scope/name/lib/x.js` -> the package's folder, or undefined for our own sources. */
function packageDir(id) {
  const clean = id.replace(/^\0/, '').split('?')[0];
  const at = clean.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = clean.slice(at + '/node_modules/'.length).split('/');
  const nameParts = rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  return clean.slice(0, at + '/node_modules/'.length) + nameParts.join('/');
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'qc-audit-'));
try {
  const ids = new Set();
  const { build } = await import('electron-vite');
  const collector = moduleCollector(ids);
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: path.join(scratch, 'out'), emptyOutDir: true },
    plugins: [collector],
    worker: { plugins: () => [collector] },
  });

  const packages = new Map();
  for (const id of ids) {
    const dir = packageDir(id);
    if (!dir || packages.has(dir)) continue;
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    packages.set(dir, { name: pkg.name, version: pkg.version, license: pkg.license ?? null });
  }
  const shipped = [...new Map([...packages.values()].map((p) => [`${p.name}@${p.version}`, p])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );

  // one version per name can be a top-level dependency; a second version of the same name is transitive anyway
  const dependencies = {};
  for (const p of shipped) dependencies[p.name] ??= p.version;
  const project = path.join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'qc-shipped', private: true, dependencies }, null, 2));
  const npm = (args) => execFileSync('npm', args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  npm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund']);

  let audit;
  try {
    const report = JSON.parse(npm(['audit', '--omit=dev', '--json']));
    audit = { ran: true, vulnerabilities: report.metadata?.vulnerabilities ?? null };
  } catch (err) {
    // npm audit exits 1 both when it finds something (JSON on stdout) and when the endpoint fails
    const stdout = err.stdout ?? '';
    let report;
    try {
      report = JSON.parse(stdout);
    } catch {
      report = undefined;
    }
    if (report?.metadata?.vulnerabilities) {
      audit = { ran: true, vulnerabilities: report.metadata.vulnerabilities, advisories: Object.keys(report.vulnerabilities ?? {}) };
    } else {
      const reason = (report?.message ?? String(err.stderr ?? err.message)).split('\n').find((l) => l.trim()) ?? 'unknown';
      audit = { ran: false, reason: reason.trim() };
    }
  }
  const result = { shippedPackages: shipped.length, packages: shipped, audit };
  const text = JSON.stringify(result, null, 2);
  if (values.out) {
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    writeFileSync(values.out, text);
  }
  console.log(text);
  const v = audit.vulnerabilities;
  if (v && (v.high > 0 || v.critical > 0)) {
    console.error(`audit:shipped: ${v.high} high and ${v.critical} critical findings in shipped packages`);
    process.exitCode = 1;
  } else if (!audit.ran) {
    console.error(`audit:shipped: the advisory database could not be reached (${audit.reason}); run this on a machine with full registry access`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
