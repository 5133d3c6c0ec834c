#!/usr/bin/env node
// `npm run bench [-- --only NAME] [-- --dem FILE]`: runs every test/bench/*.bench.ts and prints one JSON
// object { machine, results: { NAME: {...} } } on stdout. Progress goes to stderr.
import { register } from 'tsx/esm/api';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const dir = path.join(root, 'test', 'bench');
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
const results = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only && name !== only) continue;
  process.stderr.write(`bench ${name} ...\n`);
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  const started = performance.now();
  results[name] = await mod.run(args);
  process.stderr.write(`bench ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
process.stdout.write(JSON.stringify({ machine, results }, null, 2) + '\n');
