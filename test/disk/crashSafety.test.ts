import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../geodata/project/smallProject';

/** Trials per run: 200 by default (issue 11); QC_CRASH_TRIALS=2000 for a longer hand run. */
const TRIALS = Number(process.env.QC_CRASH_TRIALS ?? 200);
/** Kills land uniformly in [0, MAX_KILL_DELAY_MS) after the child's loop starts: a few saves' worth. */
const MAX_KILL_DELAY_MS = 40;

/** Spawns the saving child, waits until its loop runs, sleeps a random time, and kills it with SIGKILL. */
function killDuringSaves(childJs: string, target: string, fileA: string, fileB: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, target, fileA, fileB], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited by itself (${signal})`))));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
  });
}

describe('atomicWriteFile under SIGKILL (issue 11)', () => {
  it(`leaves the project file as the old or the new version in ${TRIALS} killed saves, never corrupted`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-crash-'));
    try {
      const childJs = path.join(dir, 'child.mjs');
      await build({ entryPoints: [path.join(__dirname, 'crashSafety.child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: childJs, logLevel: 'error' });
      // Two versions that differ in content and size, so a torn or mixed file cannot pass as either.
      const base = smallProject();
      const a = await writeProjectGpkg({ ...base, name: 'version A' });
      const b = await writeProjectGpkg({ ...base, name: 'version B', sites: [...base.sites, ...base.sites.map((s, i) => ({ ...s, id: `X${i}` }))] });
      expect(a.byteLength).not.toBe(b.byteLength);
      const fileA = path.join(dir, 'A.gpkg');
      const fileB = path.join(dir, 'B.gpkg');
      writeFileSync(fileA, a);
      writeFileSync(fileB, b);
      const work = path.join(dir, 'work');
      const target = path.join(work, 'project.gpkg');
      mkdirSync(work);
      copyFileSync(fileA, target);

      // killedMidSave: a temp file was left, so the kill landed between creating it and the rename.
      const seen = { endedA: 0, endedB: 0, changed: 0, killedMidSave: 0, bakPresent: 0 };
      for (let trial = 0; trial < TRIALS; trial++) {
        const before = readFileSync(target);
        await killDuringSaves(childJs, target, fileA, fileB, Math.random() * MAX_KILL_DELAY_MS);
        const after = new Uint8Array(readFileSync(target));
        const isA = Buffer.compare(after, a) === 0;
        const isB = Buffer.compare(after, b) === 0;
        expect(isA || isB, `trial ${trial}: the file is neither version (${after.byteLength} bytes)`).toBe(true);
        const read = await readProjectGpkg(after);
        expect(read.ok && read.value.name, `trial ${trial}`).toBe(isA ? 'version A' : 'version B');
        seen[isA ? 'endedA' : 'endedB']++;
        if (Buffer.compare(before, after) !== 0) seen.changed++;
        const names = readdirSync(work);
        if (names.includes('project.gpkg.bak')) {
          seen.bakPresent++;
          const bak = readFileSync(path.join(work, 'project.gpkg.bak'));
          expect(Buffer.compare(bak, a) === 0 || Buffer.compare(bak, b) === 0, `trial ${trial}: .bak is neither version`).toBe(true);
        }
        const temps = names.filter((n) => n.includes('.tmp-'));
        if (temps.length > 0) seen.killedMidSave++;
        for (const t of temps) rmSync(path.join(work, t));
      }
      console.log(`crash-safety: ${TRIALS} SIGKILLs, ${JSON.stringify(seen)}`);
      // The kills must actually hit saves: some mid-save, and the file must move between versions.
      expect(seen.killedMidSave).toBeGreaterThan(0);
      expect(seen.changed).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
