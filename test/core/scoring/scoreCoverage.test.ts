import { describe, expect, it } from 'vitest';
import { scoreProject, scoringReport, updateScoring, type Kpi } from '../../../core/scoring';
import { at, makeGrid, makeProject, makeRaster, rectPlace, setCell } from './grids';

const kpi = (kpis: Kpi[], id: Kpi['id']) => kpis.find((k) => k.id === id)!;

describe('place scores', () => {
  const grid = makeGrid(10, 8);

  it('scores a hospital half covered indoors as 50 %, not met, with the people of the uncovered half', () => {
    const pop = new Float32Array(80).fill(1);
    const raster = makeRaster(grid, -90); // indoor -110 dBm: misses -105
    for (let row = 1; row <= 3; row++) for (const col of [2, 3]) setCell(raster, col, row, -80); // indoor -100: meets
    const { report } = scoreProject(makeProject(grid, [rectPlace(grid, 'h', 'hospital', 2, 1, 5, 3)], pop), raster);
    const [h] = report.places;
    expect(h.coveredShare).toBe(0.5);
    expect(h.isMet).toBe(false);
    expect(h.people).toBe(12);
    expect(h.peopleAffected).toBe(6);
    expect(h.environment).toBe('indoor');
    expect(h.isDeepCovered).toBeNull();
  });

  it('fails deep coverage when one key point misses the indoor target, and names it the worst', () => {
    const keyPoints = [at(grid, 2.5, 1.5), at(grid, 4.5, 2.5), at(grid, 5.5, 3.5)];
    const raster = makeRaster(grid, -70);
    setCell(raster, 4, 2, -88); // indoor -108 dBm
    const { report } = scoreProject(makeProject(grid, [rectPlace(grid, 'h', 'hospital', 2, 1, 5, 3, { keyPoints })]), raster);
    const [h] = report.places;
    expect(h.coveredShare).toBeCloseTo(11 / 12, 12);
    expect(h.keyPointsMet).toBe(2);
    expect(h.isDeepCovered).toBe(false);
    expect(h.isMet).toBe(false);
    expect(h.worstKeyPoint).toMatchObject({ index: 1, rsrpDbm: -108, isMet: false });

    setCell(raster, 4, 2, -70);
    const again = scoreProject(makeProject(grid, [rectPlace(grid, 'h', 'hospital', 2, 1, 5, 3, { keyPoints })]), raster).report.places[0];
    expect(again).toMatchObject({ isDeepCovered: true, isMet: true, coveredShare: 1, keyPointsMet: 3 });
  });

  it('calls a line continuously covered at 95 % of its length, not at 90 %', () => {
    const g = makeGrid(20, 3);
    const line = { id: 'r', name: 'r', category: 'line' as const, geometry: { type: 'LineString' as const, coordinates: [at(g, 0, 1.5), at(g, 20, 1.5)] } };
    const raster = makeRaster(g, -90);
    setCell(raster, 7, 1, -115);
    const one = scoreProject(makeProject(g, [line]), raster).report.places[0];
    expect(one.isLine).toBe(true);
    expect(one.coveredShare).toBeCloseTo(0.95, 6);
    expect(one.isMet).toBe(true);
    setCell(raster, 12, 1, -115);
    const two = scoreProject(makeProject(g, [line]), raster).report.places[0];
    expect(two.coveredShare).toBeCloseTo(0.9, 6);
    expect(two.isMet).toBe(false);
  });
});

describe('county KPIs', () => {
  it('matches hand-computed population, area, urban/rural, DL and per-10k figures', () => {
    // 4 x 2 cells of 100 m (0.01 km2): urban >= 15 persons (1,500/km2), built-up >= 3 (300/km2)
    const grid = makeGrid(4, 2, 100);
    const pop = Float32Array.of(20, 20, 5, 5, 1, 1, 0, 0);
    const raster = makeRaster(grid, -90);
    [-90, -120, -80, -90, -90, NaN, -90, -110].forEach((v, i) => setCell(raster, i % 4, Math.floor(i / 4), v));
    raster.dlThroughputMbps.set([50, NaN, 300, 120.5]);
    const { report } = scoreProject(makeProject(grid, [], pop), raster, { siteCount: 1 });
    const k = report.kpis;
    // outdoor met (>= -105 dBm): cells 0, 2, 3, 4, 6 -> 20 + 5 + 5 + 1 + 0 persons of 52
    expect(kpi(k, 'popCoverageOutdoor').value).toBeCloseTo(31 / 52, 12);
    // indoor = outdoor - 20 dB: only cell 2 (-100 dBm)
    expect(kpi(k, 'popCoverageIndoor').value).toBeCloseTo(5 / 52, 12);
    expect(kpi(k, 'areaCoverageOutdoor').value).toBe(5 / 8);
    expect(kpi(k, 'areaCoverageIndoor').value).toBe(1 / 8);
    expect(kpi(k, 'popCoverageUrban').value).toBe(20 / 40);
    expect(kpi(k, 'popCoverageRural').value).toBeCloseTo(11 / 12, 12);
    // built-up cells 0..3; no signal counts as 0 Mbit/s
    expect(kpi(k, 'dlMeanBuiltUpMbps').value).toBeCloseTo((50 + 0 + 300 + 120.5) / 4, 4);
    expect(kpi(k, 'dlP10BuiltUpMbps').value).toBe(0);
    expect(kpi(k, 'sitesPer10k').value).toBeCloseTo(1 / (52 / 1e4), 9);
    expect(kpi(k, 'sitesPer10k').isModelled).toBe(false);
    expect(kpi(k, 'keyPlaceReach').status).toBe('none');
    expect(kpi(k, 'householdsGigabit')).toMatchObject({ status: 'none' });
    expect(kpi(k, 'popCoverageOutdoor')).toMatchObject({ status: 'red', target: 0.95, isModelled: true });
  });

  it('counts places meeting target / places listed, takes fibre KPIs as given, and reports deltas', () => {
    const grid = makeGrid(10, 8);
    const raster = makeRaster(grid, -70);
    for (let col = 6; col <= 9; col++) setCell(raster, col, 5, -120);
    const places = [rectPlace(grid, 'a', 'school', 0, 0, 2, 2), rectPlace(grid, 'b', 'scenic', 6, 4, 9, 6), rectPlace(grid, 'c', 'government', 3, 0, 4, 1)];
    const project = makeProject(grid, places);
    const first = scoreProject(project, raster, { fibre: { householdsGigabitShare: 0.85, pon10gPortShare: 0.25, isModelled: true } }).report;
    expect(kpi(first.kpis, 'keyPlaceReach').value).toBeCloseTo(2 / 3, 12);
    expect(kpi(first.kpis, 'householdsGigabit')).toMatchObject({ value: 0.85, status: 'green', isModelled: true });
    expect(kpi(first.kpis, 'pon10gShare')).toMatchObject({ value: 0.25, status: 'red' });
    for (let col = 6; col <= 9; col++) setCell(raster, col, 5, -70);
    const second = scoreProject(project, raster, { previous: first }).report;
    expect(kpi(second.kpis, 'keyPlaceReach').value).toBe(1);
    expect(kpi(second.kpis, 'keyPlaceReach').delta).toBeCloseTo(1 / 3, 12);
    expect(kpi(second.kpis, 'areaCoverageOutdoor').delta).toBeCloseTo(4 / 80, 12);
  });
});

describe('gaps', () => {
  it('finds one gap, ranks by people x place weight, and recommends macro / micro / indoor', () => {
    const grid = makeGrid(12, 8);
    const pop = new Float32Array(96);
    const raster = makeRaster(grid, -70);
    // hole of 3 x 2 cells where nobody lives
    for (let row = 0; row <= 1; row++) for (let col = 0; col <= 2; col++) setCell(raster, col, row, -120);
    // urban hole of 2 cells with 3 persons each
    for (const col of [6, 7]) { setCell(raster, col, 0, -120); pop[col] = 3; }
    // hospital (weight 5) whose cells meet outdoors (-90) but not indoors (-110): 1 person per cell
    const hospital = rectPlace(grid, 'h', 'hospital', 8, 5, 9, 6);
    for (let row = 5; row <= 6; row++) for (const col of [8, 9]) { setCell(raster, col, row, -90); pop[row * 12 + col] = 1; }
    const project = makeProject(grid, [hospital], pop);
    project.settings.scoring = { microMaxAreaM2: 1000 };
    const { report } = scoreProject(project, raster);
    expect(report.gaps.map((g) => [g.rank, g.cellCount, g.people, g.weightedPeople, g.fix])).toEqual([
      [1, 4, 4, 20, 'indoor'],
      [2, 2, 6, 6, 'micro'],
      [3, 6, 0, 0, 'macro'],
    ]);
    expect(report.gaps[0].placeIds).toEqual(['h']);
    expect(report.gaps[0].isIndoorOnly).toBe(true);
    expect(report.gaps[2].areaM2).toBe(600);
    expect(report.gaps[2].bbox).toEqual([0, 0, 2, 1]);
  });

  it('recommends optimising, not another site, where the signal meets the target and only the SINR misses', () => {
    const grid = makeGrid(12, 8);
    const pop = new Float32Array(96).fill(2);
    const raster = makeRaster(grid, -70);
    // strong signal (-80 dBm) under interference (SINR -3 dB) over 3 x 2 cells, one of them also weak (-120 dBm)
    for (let row = 0; row <= 1; row++) for (let col = 0; col <= 2; col++) { setCell(raster, col, row, -80); raster.sinrDb[row * 12 + col] = -3; }
    setCell(raster, 0, 0, -120);
    // a weak-signal hole of 2 x 2 cells elsewhere, SINR fine
    for (let row = 4; row <= 5; row++) for (const col of [8, 9]) setCell(raster, col, row, -120);
    const project = makeProject(grid, [], pop);
    project.settings.scoring = { microMaxAreaM2: 1000 };
    const { report, state } = scoreProject(project, raster);
    expect(report.gaps.map((g) => [g.cellCount, g.fix])).toEqual([[6, 'optimise'], [4, 'micro']]);
    // the incremental path agrees: the interference cleared on two of the six cells, the signal weakened on three
    // more, the weak-signal cells are now the majority of the gap's misses
    for (const col of [1, 2]) raster.sinrDb[col] = 10;
    for (const col of [0, 1, 2]) setCell(raster, col, 1, -120);
    updateScoring(state, raster, { col0: 0, row0: 0, cols: 3, rows: 2 });
    expect(scoringReport(state, { siteCount: 1 }).gaps.find((g) => g.bbox[0] === 0)).toMatchObject({ cellCount: 4, fix: 'micro' });
  });

  it('joins cells touching at a corner (8-connectivity) and outlines a gap in WGS-84', () => {
    const grid = makeGrid(6, 6);
    const raster = makeRaster(grid, -70);
    setCell(raster, 1, 1, -120);
    setCell(raster, 2, 2, -120);
    setCell(raster, 3, 2, -120);
    const { report } = scoreProject(makeProject(grid, []), raster);
    expect(report.gaps).toHaveLength(1);
    const outline = report.gaps[0].outline!;
    const ring = outline.coordinates[0][0];
    const [w, n] = at(grid, 1, 1);
    const [e, s] = at(grid, 4, 3);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThanOrEqual(w - 1e-9);
      expect(lon).toBeLessThanOrEqual(e + 1e-9);
      expect(lat).toBeLessThanOrEqual(n + 1e-9);
      expect(lat).toBeGreaterThanOrEqual(s - 1e-9);
    }
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});

describe('scoring entry', () => {
  it('counts only cells inside the county boundary', () => {
    const grid = makeGrid(10, 4);
    const raster = makeRaster(grid, -90);
    for (let row = 0; row < 4; row++) for (let col = 5; col < 10; col++) setCell(raster, col, row, -120);
    const project = makeProject(grid, []);
    project.boundary = { type: 'MultiPolygon', coordinates: [[[at(grid, 0, 0), at(grid, 7, 0), at(grid, 7, 4), at(grid, 0, 4), at(grid, 0, 0)]]] };
    const { report, state } = scoreProject(project, raster);
    expect(state.sums.cells).toBe(28);
    expect(kpi(report.kpis, 'areaCoverageOutdoor').value).toBe(20 / 28);
    expect(report.gaps.map((g) => g.cellCount)).toEqual([8]);
  });

  it('reports progress, stops on cancel, and names a raster that does not fit the grid', () => {
    const grid = makeGrid(10, 200);
    const project = makeProject(grid, []);
    const fractions: number[] = [];
    scoreProject(project, makeRaster(grid), { onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1])).toBe(true);
    expect(() => scoreProject(project, makeRaster(grid), { cancel: { aborted: true } })).toThrow(/cancelled/);
    expect(() => scoreProject(project, makeRaster(makeGrid(10, 20)))).toThrow(/raster\.grid/);
  });
});
