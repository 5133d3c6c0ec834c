import { describe, expect, it } from 'vitest';
import { CoverageEngine, footprintRsrpDbm, coverageContextFromProject, makeCoverageContext, predictFootprints } from '../../../core/coverage';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import { PlanEvaluator } from '../../../core/evaluation';
import { BAND_PRESETS } from '../../../core/radio/bands';
import { O2I_MEAN_INDOOR_DISTANCE_M, o2iPenetrationLossDb } from '../../../core/radio/o2i';
import { prepareScoring, resolveScoringSettings, scoreCoverage } from '../../../core/scoring';
import { suggestForProject, suggestionBaseline, suggestionCandidates, suggestionInput } from '../../../core/suggest';
import { projection, smallCounty } from './smallCounty';

function scored(project = smallCounty()) {
  const ctx = coverageContextFromProject(project);
  const engine = new CoverageEngine(ctx);
  engine.setSites(project.sites);
  const prep = prepareScoring({ grid: project.grid, boundary: project.boundary, places: project.places, population: project.population, settings: resolveScoringSettings(project.settings) });
  const state = scoreCoverage(prep, engine.raster);
  return { project, ctx, state, baseline: suggestionBaseline(state) };
}

describe('suggestionBaseline', () => {
  it('weights population by the target of the cell and marks the cells missing it', () => {
    const { state, baseline } = scored();
    const { targetIndex, targets, populationPerCell } = state.prep;
    let weighted = 0;
    for (let i = 0; i < baseline.demand.length; i++) {
      expect(baseline.demand[i]).toBeCloseTo(populationPerCell[i] * targets[targetIndex[i]].weight, 4);
      expect(baseline.missesTarget[i]).toBe(state.status[i] & 4 ? 0 : 1);
      if (targetIndex[i] > 0 && populationPerCell[i] > 0) weighted++;
    }
    expect(weighted).toBeGreaterThan(0);
  });
});

describe('suggestionCandidates', () => {
  it('keeps the project candidates and generates priced gap, tile and high-point candidates', () => {
    const { project, state, baseline } = scored();
    const cands = suggestionCandidates(project, state, baseline, DEFAULT_COST_TABLE);
    expect(cands.slice(0, 2).map((c) => [c.site.id, c.reason, c.site.costCny])).toEqual([
      ['C1', 'project', DEFAULT_COST_TABLE.macro['shared-tower']!.costCny],
      ['C2', 'project', 40_000],
    ]);
    const reasons = new Set(cands.map((c) => c.reason));
    expect(reasons).toContain('gap-centre');
    expect(reasons).toContain('terrain-high-point');
    expect(new Set(cands.map((c) => c.site.id)).size).toBe(cands.length);
    for (const c of cands) {
      expect(c.site.status).toBe('proposed');
      expect(c.site.costCny).toBeGreaterThan(0);
    }
    expect(suggestionCandidates(project, state, baseline, DEFAULT_COST_TABLE, { isGenerating: false })).toHaveLength(2);
  });

  it('proposes an indoor system at a place that meets its outdoor target but not the indoor one', () => {
    const project = smallCounty();
    const ctx = makeCoverageContext(project.grid, project.settings.radio, { terrainM: project.terrain?.values });
    // put the hospital where the centre site's outdoor RSRP is a few dB above the target
    const [fp] = predictFootprints(ctx, project.sites);
    const sectorRsrpDbm = fp.sectors.map((_, s) => footprintRsrpDbm(fp, s));
    let best = -1;
    for (let k = 0; k < fp.cols * fp.rows; k++) {
      const r = Math.max(...sectorRsrpDbm.map((rsrpDbm) => rsrpDbm[k]));
      if (r > -97 && r < -94 && k % fp.cols > 20 && k % fp.cols < fp.cols - 20) best = k;
    }
    expect(best).toBeGreaterThanOrEqual(0);
    const col = fp.col0 + (best % fp.cols);
    const row = fp.row0 + Math.floor(best / fp.cols);
    const x = project.grid.originXM + (col + 0.5) * project.grid.cellSizeM;
    const y = project.grid.originYM - (row + 0.5) * project.grid.cellSizeM;
    const lonLat = projection.inverse([x, y]) as [number, number];
    project.places = [{ id: 'H', name: 'hospital', category: 'hospital', geometry: { type: 'Point', coordinates: lonLat }, radiusM: 25, keyPoints: [lonLat] }];
    const { state, baseline } = scored(project);
    expect(state.placeScores[0].isMet).toBe(false);
    const indoor = suggestionCandidates(project, state, baseline, DEFAULT_COST_TABLE).filter((c) => c.reason === 'indoor');
    expect(indoor.map((c) => [c.site.id, c.site.kind, c.site.buildMethod])).toEqual([['IN-H', 'indoor', 'indoor-system']]);
  });
});

describe('suggestionInput', () => {
  it('covers exactly the missing cells whose predicted RSRP meets the target, with O2I for indoor targets', () => {
    const { project, ctx, state, baseline } = scored();
    const cands = suggestionCandidates(project, state, baseline, DEFAULT_COST_TABLE);
    const fps = predictFootprints(ctx, cands.map((c) => c.site));
    const input = suggestionInput(ctx, state, baseline, cands, fps);
    const freqGhz = BAND_PRESETS[project.settings.radio.band].freqMhz / 1000;
    const o2i = [O2I_MEAN_INDOOR_DISTANCE_M.RMa, O2I_MEAN_INDOOR_DISTANCE_M.UMa].map((d) => o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: d }));
    let indoorCells = 0;
    cands.forEach((c, k) => {
      const fp = fps[k];
      const sectorRsrpDbm = fp.sectors.map((_, s) => footprintRsrpDbm(fp, s));
      const covered = new Set(input.candidates[k].cellIndices);
      expect(input.candidates[k].costCny).toBe(c.site.costCny);
      for (let r = 0; r < fp.rows; r++) {
        for (let col = 0; col < fp.cols; col++) {
          const cell = (fp.row0 + r) * project.grid.cols + fp.col0 + col;
          if (fp.row0 + r < 0 || fp.row0 + r >= project.grid.rows || fp.col0 + col < 0 || fp.col0 + col >= project.grid.cols) continue;
          const t = state.prep.targets[state.prep.targetIndex[cell]];
          const need = t.rsrpDbm + (t.environment === 'indoor' ? o2i[ctx.isDenseUrban?.[cell] ? 1 : 0] : 0);
          const rsrp = Math.max(...sectorRsrpDbm.map((rsrpDbm) => rsrpDbm[r * fp.cols + col]));
          expect(covered.has(cell)).toBe(baseline.missesTarget[cell] === 1 && rsrp >= need);
          if (covered.has(cell) && t.environment === 'indoor') indoorCells++;
        }
      }
    });
    expect(indoorCells).toBeGreaterThan(0);
    // the hospital's key points that miss the target make a place to reach
    expect(input.places?.map((p) => p.placeId)).toEqual(['H']);
  });
});

describe('suggestForProject', () => {
  it('never claims more people than the chosen sites cover, and a fresh evaluation with the chosen sites scores higher', async () => {
    const project = smallCounty();
    const s = await suggestForProject(project, { budgetCny: 1_000_000, seed: 3 });
    const { result } = s;
    expect(result.sites.length).toBeGreaterThan(0);
    expect(result.totals.costCny).toBeLessThanOrEqual(1_000_000);
    expect(result.totals.people).toBeLessThanOrEqual(s.today.gapPeople);
    // a cell only meets its target through a site whose RSRP alone meets it: SINR can take away, never add
    expect(s.rescored.peopleGained).toBeLessThanOrEqual(result.totals.people + 1e-3);
    expect(s.rescored.peopleGained).toBeGreaterThan(0);
    expect(result.exact?.status).toBe('optimal');
    expect(result.exact!.heuristicGapPct).toBeGreaterThanOrEqual(-1e-9);

    const before = new PlanEvaluator(project).report.kpis.find((k) => k.id === 'popCoverageOutdoor')!;
    const after = new PlanEvaluator({ ...project, sites: [...project.sites, ...s.chosenSites] }).report.kpis.find((k) => k.id === 'popCoverageOutdoor')!;
    expect(after.value).toBeGreaterThan(before.value);
    expect(s.chosenSites.map((c) => c.id)).toEqual(result.sites.map((r) => r.candidateId));

    const again = await suggestForProject(project, { budgetCny: 1_000_000, seed: 3 });
    expect(again.result.sites).toEqual(result.sites);
  });

  it('uses the injected predictor for existing sites and candidates, and cancels', async () => {
    const project = smallCounty();
    const calls: number[] = [];
    const s = await suggestForProject(project, {
      maxSites: 2,
      generation: { isGenerating: false },
      predict: async (ctx, sites) => (calls.push(sites.length), predictFootprints(ctx, sites)),
    });
    expect(calls).toEqual([1, 2]);
    expect(s.candidateCounts).toEqual({ project: 2, 'gap-centre': 0, 'terrain-high-point': 0, indoor: 0, capacity: 0 });
    await expect(suggestForProject(project, { maxSites: 2, cancel: { aborted: true } })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('returns an empty suggestion when there is nothing to choose from', async () => {
    const project = { ...smallCounty(), candidates: [] };
    const s = await suggestForProject(project, { budgetCny: 1e6, generation: { isGenerating: false } });
    expect(s.result.sites).toEqual([]);
    expect(s.result.curve).toEqual({ costCny: [0], demand: [0], people: [0] });
    expect(s.rescored.peopleGained).toBe(0);
  });
});
