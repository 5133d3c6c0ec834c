import { describe, expect, it } from 'vitest';
import { PlanEvaluator } from '../../../core/evaluation';
import { cellCentreXM, cellCentreYM, gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Project } from '../../../core/model';
import { suggestForProject } from '../../../core/suggest';
import { projection } from './smallCounty';

const halfM = 3000;
const at = (xM: number, yM: number) => projection.inverse([xM, yM]) as [number, number];

/**
 * A 6 km square at 50 m, flat. One existing macro in the west covers a dense hot spot 500 m east of it
 * (80 persons per cell, about 9,000 people) but not a hamlet in the far north-east corner (3 per cell).
 * Traffic is raised (DOU 150 GB) so the sector serving the hot spot is far over the target load. Two project
 * candidates cost the same: a smart pole in the hot spot and one in the hamlet; the budget buys one.
 */
function hotSpotTown(): Project {
  const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 50, projection.proj4);
  const population = new Float32Array(grid.cols * grid.rows);
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const x = cellCentreXM(grid, col);
      const y = cellCentreYM(grid, row);
      if (Math.hypot(x + 1500, y - 300) <= 300) population[row * grid.cols + col] = 80;
      if (Math.hypot(x - 2800, y - 2800) <= 150) population[row * grid.cols + col] = 3;
    }
  }
  const ring = [[-halfM, -halfM], [halfM, -halfM], [halfM, halfM], [-halfM, halfM], [-halfM, -halfM]].map(([x, y]) => at(x, y));
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'hot spot town',
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: { ...defaultProjectSettings(), capacity: { traffic: { douGbPerMonth: 150 } } },
    sites: [makeSite('macro', at(-2000, 0), 'S1', { status: 'existing' })],
    places: [],
    candidates: [
      { ...makeSite('micro', at(-1500, 300), 'HOT', { status: 'proposed' }), costCny: 50_000 },
      { ...makeSite('micro', at(2800, 2800), 'HAMLET', { status: 'proposed' }), costCny: 50_000 },
    ],
    olts: [],
    population: { values: population, provenance: 'synthetic', source: 'test hot spot and hamlet' },
  };
}

describe('suggestion with capacity', () => {
  it('in a hot spot that is covered but overloaded, chooses the site that relieves it over a small coverage gain', async () => {
    const project = hotSpotTown();
    const before = new PlanEvaluator(project).report;
    // the hot spot is covered: only the hamlet misses coverage; but its sector is far over the target
    expect(before.capacity.overloadedSectors).toBeGreaterThan(0);
    expect(before.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value).toBeGreaterThan(0.95);

    const options = { budgetCny: 60_000, seed: 1, generation: { isGenerating: false }, exact: false } as const;
    const coverageOnly = await suggestForProject(project, { ...options, capacity: false });
    expect(coverageOnly.result.sites.map((s) => s.candidateId)).toEqual(['HAMLET']);
    expect(coverageOnly.capacity).toBeNull();

    const withCapacity = await suggestForProject(project, options);
    expect(withCapacity.result.sites.map((s) => s.candidateId)).toEqual(['HOT']);
    const hot = withCapacity.result.sites[0];
    expect(hot.gainRelief).toBeGreaterThan(coverageOnly.result.sites[0].gainDemand);
    // relief is not coverage: the people it takes over are covered already
    expect(hot.gainPeople).toBe(0);
    expect(withCapacity.result.totals.relief).toBeCloseTo(hot.gainRelief, 6);
    const change = withCapacity.capacity!;
    expect(change.reliefCells).toBeGreaterThan(0);
    expect(change.after.demandShareWithinTarget).toBeGreaterThan(change.before.demandShareWithinTarget);

    // the evaluator agrees: with the chosen micro, more of the busy-hour demand is within the target load
    const after = new PlanEvaluator({ ...project, sites: [...project.sites, withCapacity.chosenSites[0]] }).report;
    expect(after.capacity.demandShareWithinTarget).toBeGreaterThan(before.capacity.demandShareWithinTarget);
  });

  it('generates micro candidates at the overloaded sector\'s hot spot and picks one', async () => {
    const project = { ...hotSpotTown(), candidates: [] };
    const s = await suggestForProject(project, { maxSites: 1, seed: 1, exact: false });
    expect(s.candidateCounts.capacity).toBeGreaterThan(0);
    const chosen = s.chosenSites[0];
    expect(chosen.id).toMatch(/^CAP-S1-/);
    expect(chosen.kind).toBe('micro');
    // within the hot spot's 300 m
    const [x, y] = projection.forward([chosen.lonDeg, chosen.latDeg]);
    expect(Math.hypot(x + 1500, y - 300)).toBeLessThan(320);
  });
});
