import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { smallCounty } from '../../core/suggest/smallCounty';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out, err };
}

async function projectDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'qcplan-suggest-'));
  writeFileSync(join(dir, 'county.gpkg'), await writeProjectGpkg(smallCounty()));
  return dir;
}

describe('qcplan suggest', () => {
  it('prints ranked suggestions with the curve and HiGHS gap, and --apply writes a copy with planned sites', async () => {
    const dir = await projectDir();
    const input = readFileSync(join(dir, 'county.gpkg'));
    const c = capture(dir);
    expect(await main(['suggest', 'county.gpkg', '--budget', '1000000', '--seed', '2', '--json', '--workers', '0', '--apply', 'out.gpkg'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join(''));
    expect(r.sites.length).toBeGreaterThan(0);
    expect(r.sites.map((s: { rank: number }) => s.rank)).toEqual(r.sites.map((_: unknown, i: number) => i + 1));
    for (const s of r.sites) {
      expect(['macro', 'micro', 'indoor']).toContain(s.kind);
      expect(s.gainPeoplePer10kCny).toBeCloseTo((s.gainPeople / s.costCny) * 1e4, 6);
    }
    expect(r.curve.costCny[0]).toBe(0);
    expect(r.curve.costCny.at(-1)).toBe(r.totals.costCny);
    expect(r.totals.costCny).toBeLessThanOrEqual(1_000_000);
    expect(r.exact.status).toBe('optimal');
    expect(r.exact.heuristicGapPct).toBeLessThan(3);
    expect(r.rescored.peopleGained).toBeLessThanOrEqual(r.totals.people + 1e-3);

    expect(readFileSync(join(dir, 'county.gpkg')).equals(input)).toBe(true);
    const read = await readProjectGpkg(new Uint8Array(readFileSync(join(dir, 'out.gpkg'))));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const added = read.value.sites.slice(1);
    expect(added.map((s) => s.id)).toEqual(r.applied.siteIds);
    expect(added.every((s) => s.status === 'planned')).toBe(true);
    expect(added.map((s) => s.costCny)).toEqual(r.sites.map((s: { costCny: number }) => s.costCny));
    expect(read.value.history?.at(-1)?.action).toBe('suggest.apply');
  });

  it('prints a table, and refuses a missing budget or overwriting the input', async () => {
    const dir = await projectDir();
    const c = capture(dir);
    expect(await main(['suggest', 'county.gpkg', '--sites', '2', '--workers', '0', '--no-generate'], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/rank\s+site\s+type\s+build method\s+cost CNY/);
    expect(text).toMatch(/HiGHS \(optimal\)/);
    expect(await main(['suggest', 'county.gpkg', '--workers', '0'], capture(dir).io)).toBe(2);
    expect(await main(['suggest', 'county.gpkg', '--budget', '1e6', '--apply', './county.gpkg'], capture(dir).io)).toBe(2);
    expect(await main(['suggest', 'county.gpkg', '--budget=-5'], capture(dir).io)).toBe(2);
  });

  it('runs on the sample county with its own candidates and a small budget, footprints on 2 workers', async () => {
    const c = capture(process.cwd());
    const started = Date.now();
    expect(await main(['suggest', 'samples/renhuai.gpkg', '--budget', '500000', '--no-generate', '--workers', '2', '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join(''));
    expect(r.candidateCounts.project).toBe(18);
    expect(r.sites.length).toBeGreaterThan(0);
    expect(r.exact.status).toBe('optimal');
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
