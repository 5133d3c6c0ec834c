import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { PlanEvaluator } from '../../../core/evaluation';
import { readProjectGpkg } from '../../../geodata/project';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: ROOT }, out, err };
}

describe('qcplan score', () => {
  it('scores the sample county: KPIs with targets and status, the places and the ranked gaps, as PlanEvaluator does', async () => {
    const c = capture();
    expect(await main(['score', 'samples/renhuai.gpkg', '--json', '--workers', '0'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join(''));
    expect(r.county).toBe('520382');
    expect(r.sites).toBe(87);
    const ids = r.kpis.map((k: { id: string }) => k.id);
    for (const id of ['popCoverageOutdoor', 'keyPlaceReach', 'sitesPer10k', 'householdsGigabit', 'pon10gShare']) expect(ids).toContain(id);
    for (const k of r.kpis) {
      expect(['green', 'amber', 'red', 'none']).toContain(k.status);
      expect(k.provenance.cites.length).toBeGreaterThan(0);
    }
    // 87 sites over 655,300 modelled residents
    expect(r.kpis.find((k: { id: string }) => k.id === 'sitesPer10k').value).toBeCloseTo((87 / 655_300) * 1e4, 1);
    expect(r.places).toHaveLength(9);
    expect(r.gaps.map((g: { rank: number }) => g.rank).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    for (let k = 1; k < r.gaps.length; k++) expect(r.gaps[k - 1].weightedPeople).toBeGreaterThanOrEqual(r.gaps[k].weightedPeople);

    // the same figures as the app's evaluator on the same file (fibre aside: the CLI adds it when there are OLTs)
    const project = await readProjectGpkg(new Uint8Array(readFileSync(path.join(ROOT, 'samples/renhuai.gpkg'))));
    if (!project.ok) throw new Error(project.message);
    const ev = new PlanEvaluator(project.value);
    const value = (kpis: { id: string; value: number }[], id: string) => kpis.find((k) => k.id === id)!.value;
    for (const id of ['popCoverageOutdoor', 'popCoverageIndoor', 'areaCoverageOutdoor', 'keyPlaceReach', 'dlMeanBuiltUpMbps']) {
      expect(value(r.kpis, id)).toBeCloseTo(value(ev.report.kpis, id), 10);
    }
    expect(r.gaps.length).toBe(ev.report.gaps.length);
  });

  it('prints tables, and refuses a missing file (exit 1) and bad usage (exit 2)', async () => {
    const c = capture();
    expect(await main(['score', 'samples/renhuai.gpkg', '--top', '3', '--workers', '0'], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('重点场所5G网络通达率');
    expect(text).toContain('Gaps, worst first (3 of');
    const missing = capture();
    expect(await main(['score', 'samples/none.gpkg'], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('samples/none.gpkg');
    expect(await main(['score'], capture().io)).toBe(2);
    expect(await main(['score', 'samples/renhuai.gpkg', '--top', 'x'], capture().io)).toBe(2);
    expect(await main(['score', 'samples/renhuai.gpkg', '--no-such-option'], capture().io)).toBe(2);
  });
});
