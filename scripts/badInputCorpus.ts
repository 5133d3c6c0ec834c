// `npx tsx scripts/badInputCorpus.ts [--small] [--timeout S] [--only FILE]`: writes the malformed-input corpus (issues 11, 21) into
// test-output/bad-input-corpus/ (gitignored), then reads each file in a fresh child process and prints a
// Markdown table: outcome (refused / imported with row errors / imported), code or records, message, time and
// peak RSS delta (the child's maxRSS after the read minus before it). JSON goes to test-output/bad-input-corpus.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { badInputCorpus } from './badInput/corpus';
import { readBadInput } from './badInput/readBadInput';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'test-output', 'bad-input-corpus');
const args = process.argv.slice(2);
const scale = args.includes('--small') ? 'small' : 'full';
const corpus = badInputCorpus(scale);

async function readOne(fileName: string): Promise<void> {
  const input = corpus.find((c) => c.fileName === fileName);
  if (!input) throw new RangeError(`--one: no corpus file ${fileName}`);
  const bytes = new Uint8Array(readFileSync(path.join(dir, fileName)));
  const rssBeforeKiB = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const got = await readBadInput(input, bytes, dir);
  const ms = Math.round(performance.now() - t0);
  const peakDeltaMiB = Math.round((process.resourceUsage().maxRSS - rssBeforeKiB) / 1024);
  process.stdout.write(JSON.stringify({ ...got, ms, peakDeltaMiB }) + '\n');
}

async function main(): Promise<void> {
  const oneAt = args.indexOf('--one');
  if (oneAt >= 0) return readOne(args[oneAt + 1]);
  const timeoutAt = args.indexOf('--timeout');
  const timeoutS = timeoutAt >= 0 ? Number(args[timeoutAt + 1]) : 300;
  mkdirSync(dir, { recursive: true });
  const rows: object[] = [];
  process.stdout.write('| file | input | expected | outcome | code / records | message | ms | peak RSS delta MiB |\n|---|---|---|---|---|---|---|---|\n');
  const onlyAt = args.indexOf('--only');
  for (const input of corpus) {
    if (onlyAt >= 0 && input.fileName !== args[onlyAt + 1]) continue;
    const bytes = await input.make();
    writeFileSync(path.join(dir, input.fileName), bytes);
    await input.cli?.prepare?.(dir);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...(scale === 'small' ? ['--small'] : []), '--one', input.fileName], {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutS * 1000,
      maxBuffer: 1 << 24,
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    let row: { outcome: string; detail: string; message: string; ms?: number; peakDeltaMiB?: number };
    if (child.error || child.status !== 0 || !line.startsWith('{')) {
      const why = child.error ? `${child.error.message}` : `exit ${child.status ?? child.signal}: ${child.stderr.split('\n').filter((l) => l && !l.includes('npm warn')).slice(-3).join(' ')}`;
      row = { outcome: 'FAILED (threw, crashed or timed out)', detail: '', message: why };
    } else row = JSON.parse(line);
    const record = { fileName: input.fileName, reader: input.reader, what: input.what, bytes: bytes.length, expect: input.expect, ...row };
    rows.push(record);
    const message = row.message.replace(/\|/g, '/').replace(/\s+/g, ' ').slice(0, 160);
    process.stdout.write(`| ${input.fileName} (${input.reader}, ${(bytes.length / 1e6).toFixed(bytes.length < 1e5 ? 3 : 1)} MB) | ${input.what} | ${input.expect} | ${row.outcome} | ${row.detail} | ${message} | ${row.ms ?? ''} | ${row.peakDeltaMiB ?? ''} |\n`);
  }
  writeFileSync(path.join(root, 'test-output', 'bad-input-corpus.json'), JSON.stringify({ scale, rows }, null, 1));
}

await main();
