import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { PlanEvaluator } from '../../../core/evaluation';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Project } from '../../../core/model';
import { DEFAULT_PROPAGATION_MODEL } from '../../../core/propagation';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';

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
    // the sample (a file before version 3) opens with the default model, land use derived from population
    expect(r.basis).toMatchObject({ locationProbability: 0.5, shadowMarginDb: 0, model: { name: DEFAULT_PROPAGATION_MODEL.name }, landUse: { provenance: 'modelled' } });
    // the busy-hour capacity as the evaluator reports it, its KPI among the KPIs
    expect(r.capacity.servedDemandMbps).toBeCloseTo(ev.report.capacity.servedDemandMbps, 6);
    expect(r.capacity.overloadedSectors).toBe(ev.report.capacity.overloadedSectors);
    expect(value(r.kpis, 'capacityDemandShare')).toBeCloseTo(ev.report.capacity.demandShareWithinTarget, 10);
  }, 120_000); // two full scorings of the sample county: 20-40 s on this shared machine

  it('prints tables, and refuses a missing file (exit 1) and bad usage (exit 2)', async () => {
    const c = capture();
    expect(await main(['score', 'samples/renhuai.gpkg', '--top', '3', '--workers', '0'], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('重点场所5G网络通达率');
    expect(text).toContain('Gaps, worst first (3 of');
    expect(text).toMatch(/^Coverage predicted at 50 % of locations \(the median\); model: 默认模型/m);
    const missing = capture();
    expect(await main(['score', 'samples/none.gpkg'], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('samples/none.gpkg');
    expect(await main(['score'], capture().io)).toBe(2);
    expect(await main(['score', 'samples/renhuai.gpkg', '--top', 'x'], capture().io)).toBe(2);
    expect(await main(['score', 'samples/renhuai.gpkg', '--no-such-option'], capture().io)).toBe(2);
    expect(await main(['score', 'samples/renhuai.gpkg', '--location-probability', '95'], capture().io)).toBe(2);
  });

  it('scores at a chosen location probability: the median less z(p)·σ, said in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcplan-score-p-'));
    const proj = makeLocalProjection(106.4, 27.8);
    const grid = gridForBoundsM([-3000, -3000, 3000, 3000], 50, proj.proj4);
    const ring = [[-3000, -3000], [3000, -3000], [3000, 3000], [-3000, 3000], [-3000, -3000]].map(([x, y]) => proj.inverse([x, y]));
    const project: Project = {
      schemaVersion: PROJECT_SCHEMA_VERSION, name: 'square', countyCode: '520382', boundary: { type: 'MultiPolygon', coordinates: [[ring]] }, grid,
      settings: defaultProjectSettings(), sites: [makeSite('macro', proj.inverse([0, 0]), 'A', { status: 'existing' })], places: [], candidates: [], olts: [],
      population: { values: new Float32Array(grid.cols * grid.rows).fill(1), provenance: 'synthetic', source: 'test' },
    };
    writeFileSync(join(dir, 'p.gpkg'), await writeProjectGpkg(project));
    const run = async (extra: string[]) => {
      const c = { out: [] as string[], io: { stdout: (t: string) => c.out.push(t), stderr: () => {}, cwd: dir } };
      expect(await main(['score', 'p.gpkg', '--json', '--workers', '0', ...extra], c.io)).toBe(0);
      return JSON.parse(c.out.join(''));
    };
    const median = await run([]);
    const p95 = await run(['--location-probability', '0.95']);
    expect(p95.basis.locationProbability).toBe(0.95);
    expect(p95.basis.shadowMarginDb).toBeCloseTo(1.6449 * DEFAULT_PROPAGATION_MODEL.sigmaDb, 1);
    const outdoor = (r: { kpis: { id: string; value: number }[] }) => r.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value;
    expect(outdoor(p95)).toBeLessThan(outdoor(median));
  });
});
