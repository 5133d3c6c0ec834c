// Site suggestion benchmark (issue 8). Four parts:
// - sampleCounty: the whole pipeline (suggestForProject) on samples/renhuai.gpkg: footprints of the 87
//   existing sites and of every candidate (18 project + generated) by the radio engine on 2 worker threads,
//   scoring, optimiser, HiGHS forced (exact: true), re-scoring with SINR; 10 M CNY, at most 50 sites.
// - engineCounty: the same pipeline on a GENERATED 40 km x 40 km county at 50 m (simplex terrain, synthetic
//   towns and villages, 80 existing macro sites) with 2,000 project candidates, 50 sites, 2 workers.
// - county / large: a synthetic 40 km county at 25 m with 2,000 DISC footprints (no engine): optimiser only.
// - smallInstances: 20 random disc instances (61-197 candidates), heuristic vs the HiGHS optimum.
//   npm run bench -- --only suggest [--quick] [--population ../shared/data/population/gpw_v4_11_popdensity_2020_guizhou_1km.tif [--county 520382]]
// With --population, also a real county: GPW v4.11 2020 density over the county (nearest 1 km pixel per
// 25 m cell, inside the boundary), coverage today ASSUMED as 1.5 km discs around one existing site per
// 10 km² placed at population-weighted random cells, gap-centre candidates (labelGaps + gapCentreCandidates)
// plus population-weighted disc candidates up to 2,000.
// Latest (2026-11-24 07:33 UTC, 2 cores shared with other engineers, load average about 5: timings pessimistic):
//   sampleCounty: 824 candidates (18 project, 775 gap centres, 30 terrain high points, 1 indoor), 11.2 s in
//   all (existing footprints 2.7 s, scoring + candidates 1.4 s, candidate footprints 5.7 s, optimiser + HiGHS
//   1.1 s); 45 sites, 10.0 M CNY, 85,633 people claimed (RSRP alone), 72,183 gained and 2,698 lost once
//   re-scored with SINR; HiGHS optimal, gap 0 %. (An earlier CLI run of the same: 25.9 s under heavier load.)
//   engineCounty: 2,000 candidates, 50 sites in 15.9 s in all (candidate footprints 8.7 s, optimiser 3.6 s),
//   317,885 people claimed, 304,700 gained and 227 lost re-scored (synthetic population).
//   disc county 2.56 M cells, 10.7 M footprint cells: 50 sites no budget 1.8 s; within 10 M CNY 5.7 s.
//   20 small instances: all proved optimal; heuristic gap mean 0.018 %, worst 0.213 %.
//   Second run 07:38 UTC (load about 4.9), same answers: sample 10.7 s, engineCounty 15.2 s (footprints 9.9 s).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import { fromFile } from 'geotiff';
import proj4 from 'proj4';
import { createNoise2D } from 'simplex-noise';
import { DEFAULT_COST_TABLE } from '../../core/costs';
import { makeLocalProjection } from '../../core/geo/localProjection';
import { cellCentreXM, cellCentreYM, gridForBoundsM, type GridSpec } from '../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type BuildMethod, type Project, type Site, type SiteKind } from '../../core/model';
import {
  gapCentreCandidates,
  labelGaps,
  suggestForProject,
  suggestSites,
  type CandidateCoverage,
  type ProjectSuggestion,
  type SuggestForProjectOptions,
  type SuggestInput,
} from '../../core/suggest';
import { NodeCoveragePool } from '../../cli/workers/nodeCoveragePool';
import { countyByCode } from '../../geodata/counties';
import { readProjectGpkg } from '../../geodata/project';
import { mulberry32, weightedSampler } from '../../core/random';

/** Cells of a disc of `radiusM` around cell (col, row), ascending. */
function discCells(grid: GridSpec, col: number, row: number, radiusM: number): number[] {
  const r = radiusM / grid.cellSizeM;
  const out: number[] = [];
  for (let y = Math.max(0, Math.ceil(row - r)); y <= Math.min(grid.rows - 1, Math.floor(row + r)); y++) {
    const half = Math.sqrt(Math.max(0, r * r - (y - row) * (y - row)));
    for (let x = Math.max(0, Math.ceil(col - half)); x <= Math.min(grid.cols - 1, Math.floor(col + half)); x++) out.push(y * grid.cols + x);
  }
  return out;
}

interface County {
  input: SuggestInput;
  coveredShare: number;
  totalPeople: number;
}

/** A synthetic county of `sizeKm` x `sizeKm` at 25 m with `nCandidates` disc-footprint candidates. */
function syntheticCounty(seed: number, sizeKm: number, nCandidates: number): County {
  const random = mulberry32(seed);
  const noise = createNoise2D(random);
  const cellSizeM = 25;
  const cols = Math.round((sizeKm * 1000) / cellSizeM);
  const grid: GridSpec = { cols, rows: cols, originXM: 0, originYM: cols * cellSizeM, cellSizeM, crs: '+proj=tmerc +units=m' };
  const n = cols * cols;
  const towns = Array.from({ length: Math.max(2, Math.round(sizeKm / 4)) }, (_, i) => ({
    col: random() * cols,
    row: random() * cols,
    sigmaCells: (i === 0 ? 800 : 300 + random() * 300) / cellSizeM,
    // persons per 25 m cell at the centre (illustrative): 30 = 48,000 per km² in the county seat's core
    peak: i === 0 ? 30 : 5 + random() * 10,
  }));
  const population = new Float32Array(n);
  for (let row = 0; row < cols; row++) {
    for (let col = 0; col < cols; col++) {
      let p = 0;
      for (const t of towns) {
        const d2 = ((col - t.col) ** 2 + (row - t.row) ** 2) / (t.sigmaCells * t.sigmaCells);
        if (d2 < 9) p += t.peak * Math.exp(-d2 / 2);
      }
      const village = noise(col / 40, row / 40);
      if (village > 0.55) p += 3 * (village - 0.55);
      population[row * cols + col] = p;
    }
  }
  // Existing macro sites cover each town out to 1.2 standard deviations of its Gaussian, plus one existing
  // 1.5 km disc per 20 km² at random places.
  const covered = new Uint8Array(n);
  for (const t of towns) for (const cell of discCells(grid, t.col, t.row, t.sigmaCells * cellSizeM * 1.2)) covered[cell] = 1;
  for (let k = 0; k < (sizeKm * sizeKm) / 20; k++) {
    for (const cell of discCells(grid, random() * cols, random() * cols, 1500)) covered[cell] = 1;
  }
  let coveredCount = 0;
  let totalPeople = 0;
  for (let i = 0; i < n; i++) {
    coveredCount += covered[i];
    totalPeople += population[i];
  }

  const macroCost = DEFAULT_COST_TABLE.macro;
  const candidates: CandidateCoverage[] = [];
  for (let i = 0; i < nCandidates; i++) {
    const u = random();
    const kind = u < 0.45 ? 'macro' : u < 0.9 ? 'micro' : 'indoor';
    // Micro and indoor candidates sit where people are: sample until a cell with people is hit.
    let col = 0;
    let row = 0;
    for (let tries = 0; tries < 50; tries++) {
      col = Math.floor(random() * cols);
      row = Math.floor(random() * cols);
      if (kind === 'macro' || population[row * cols + col] > 0.5) break;
    }
    const radiusM = kind === 'macro' ? 1200 + random() * 1300 : kind === 'micro' ? 200 + random() * 200 : 60 + random() * 40;
    const costCny =
      kind === 'macro'
        ? (random() < 0.5 ? macroCost['shared-tower']! : macroCost['new-tower']!).costCny
        : kind === 'micro'
          ? DEFAULT_COST_TABLE.micro['smart-pole']!.costCny
          : DEFAULT_COST_TABLE.indoor['indoor-system']!.costCny;
    const cells = discCells(grid, col, row, radiusM).filter((cell) => !covered[cell]);
    candidates.push({ candidateId: `${kind}-${i}`, costCny, cellIndices: Uint32Array.from(cells) });
  }
  return { input: { grid, demand: population, population, candidates }, coveredShare: coveredCount / n, totalPeople };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const KIND_RADIUS_M = { macro: [1200, 2500], micro: [200, 400], indoor: [60, 100] } as const;

/** A real county's population from a GPW density GeoTIFF, gaps, generated and disc candidates; timed. */
async function realCounty(populationPath: string, code: string): Promise<object> {
  const county = countyByCode(code);
  if (!county) throw new RangeError(`--county ${code} is not a Guizhou county code`);
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    times[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const tiff = await fromFile(populationPath);
  const image = await tiff.getImage();
  const [west, , , north] = image.getBoundingBox();
  const [resLon, resLat] = image.getResolution();
  const width = image.getWidth();
  const density = (await image.readRasters({ interleave: true })) as unknown as ArrayLike<number>;
  lap('readTiffMs');

  const proj = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  const [minLon, minLat, maxLon, maxLat] = county.bbox;
  const corners = [[minLon, minLat], [maxLon, minLat], [minLon, maxLat], [maxLon, maxLat]].map((p) => proj.forward(p as [number, number]));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const grid = gridForBoundsM([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], 25, proj.proj4);
  const n = grid.cols * grid.rows;
  // Lon/lat and inside-county on a 1 km lattice (40 cells), then nearest lattice point per cell: the GPW
  // pixel is ~1 km, so finer geometry would not change the sampled value.
  const step = 40;
  const latticeCols = Math.ceil(grid.cols / step);
  const latticeRows = Math.ceil(grid.rows / step);
  const toWgs = proj4(grid.crs, 'WGS84');
  const latticeDensity = new Float32Array(latticeCols * latticeRows);
  for (let lr = 0; lr < latticeRows; lr++) {
    for (let lc = 0; lc < latticeCols; lc++) {
      const col = Math.min(grid.cols - 1, lc * step + step / 2);
      const row = Math.min(grid.rows - 1, lr * step + step / 2);
      const [lon, lat] = toWgs.forward([cellCentreXM(grid, col), cellCentreYM(grid, row)]);
      const isInside = booleanPointInPolygon([lon, lat], county.boundary);
      const px = Math.floor((lon - west) / resLon);
      const py = Math.floor((lat - north) / resLat);
      const d = isInside ? Number(density[py * width + px]) : NaN;
      latticeDensity[lr * latticeCols + lc] = d >= 0 ? d : isInside ? 0 : NaN;
    }
  }
  const population = new Float32Array(n);
  const misses = new Uint8Array(n);
  let totalPeople = 0;
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const d = latticeDensity[Math.floor(row / step) * latticeCols + Math.floor(col / step)];
      const i = row * grid.cols + col;
      if (!(d >= 0)) continue;
      population[i] = (d * 625) / 1e6;
      totalPeople += population[i];
      misses[i] = 1;
    }
  }
  lap('populationMs');
  const random = mulberry32(11);
  // Population-weighted sampling: a cell's chance is its share of the county's people.
  const sampleCell = weightedSampler(population, random);
  for (let k = 0; k < Math.round(county.areaKm2 / 10); k++) {
    const cell = sampleCell();
    for (const c of discCells(grid, cell % grid.cols, Math.floor(cell / grid.cols), 1500)) misses[c] = 0;
  }
  lap('assumedCoverageMs');

  const { gaps } = labelGaps(grid, misses, population, { minCells: 16 });
  lap('labelGapsMs');
  const generated = gapCentreCandidates(grid, gaps, DEFAULT_COST_TABLE, { minDemand: 50 });
  lap('gapCentresMs');

  const sites = generated.map((g) => ({ id: g.site.id, kind: g.site.kind, costCny: g.site.costCny!, cell: gaps[g.gapId!].centreCell }));
  for (let k = 0; sites.length < 2000; k++) {
    const u = random();
    const kind = u < 0.45 ? 'macro' : u < 0.9 ? 'micro' : 'indoor';
    const cell = sampleCell();
    const costCny = kind === 'macro' ? DEFAULT_COST_TABLE.macro['shared-tower']!.costCny : kind === 'micro' ? DEFAULT_COST_TABLE.micro['smart-pole']!.costCny : DEFAULT_COST_TABLE.indoor['indoor-system']!.costCny;
    sites.push({ id: `${kind}-${k}`, kind, costCny, cell });
  }
  const candidates: CandidateCoverage[] = sites.map((site) => {
    const [lo, hi] = KIND_RADIUS_M[site.kind];
    const col = site.cell % grid.cols;
    const row = (site.cell - col) / grid.cols;
    const cells = discCells(grid, col, row, lo + random() * (hi - lo)).filter((c) => misses[c]);
    return { candidateId: site.id, costCny: site.costCny, cellIndices: Uint32Array.from(cells) };
  });
  lap('discFootprintsMs');

  const r = await suggestSites({ grid, demand: population, population, candidates }, { maxSites: 50, budgetCny: 10_000_000, seed: 1, exact: false });
  lap('suggest50Within10MCnyMs');
  let gapPeople = 0;
  let gapCells = 0;
  for (let i = 0; i < n; i++) {
    if (!misses[i]) continue;
    gapPeople += population[i];
    gapCells++;
  }
  return {
    county: `${county.code} ${county.nameEn}`,
    census2020: county.pop2020 ?? null,
    gpwPeopleInBoundary: Math.round(totalPeople),
    cells: n,
    assumption: 'covered today: 1.5 km discs around one population-weighted random site per 10 km2 (not measured)',
    peopleInGaps: Math.round(gapPeople),
    gapAreaKm2: round((gapCells * 625) / 1e6, 1),
    gaps: gaps.length,
    gapCentreCandidates: generated.length,
    candidates: candidates.length,
    sites: r.sites.length,
    costCny: r.totals.costCny,
    newPeople: Math.round(r.totals.people),
    newPeopleShareOfGapPct: round((100 * r.totals.people) / gapPeople),
    gapCentreSitesChosen: r.sites.filter((x) => x.candidateId.startsWith('GC-')).length,
    localSearchMoves: r.method.localSearchMoves,
    times,
  };
}

/**
 * A generated county as a Project for the whole pipeline: `sizeKm` square at 50 m (the sample's grid),
 * simplex-noise terrain 700-1,500 m, towns as Gaussian blobs plus noise villages (persons per 50 m cell,
 * illustrative), one existing macro site per 20 km² at random, and `nCandidates` project candidates (45 %
 * macro on shared or new towers, 45 % micro smart poles near people, 10 % indoor systems near people).
 */
function engineCounty(seed: number, sizeKm: number, nCandidates: number): Project {
  const random = mulberry32(seed);
  const noise = createNoise2D(random);
  const hills = createNoise2D(random);
  const projection = makeLocalProjection(106.4, 27.8);
  const halfM = (sizeKm * 1000) / 2;
  const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 50, projection.proj4);
  const { cols, rows } = grid;
  const towns = Array.from({ length: Math.max(2, Math.round(sizeKm / 4)) }, (_, i) => ({
    col: random() * cols,
    row: random() * rows,
    sigmaCells: (i === 0 ? 800 : 300 + random() * 300) / 50,
    peak: i === 0 ? 120 : 20 + random() * 40,
  }));
  const population = new Float32Array(cols * rows);
  const terrain = new Float32Array(cols * rows);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      let p = 0;
      for (const t of towns) {
        const d2 = ((col - t.col) ** 2 + (row - t.row) ** 2) / (t.sigmaCells * t.sigmaCells);
        if (d2 < 9) p += t.peak * Math.exp(-d2 / 2);
      }
      const village = noise(col / 20, row / 20);
      if (village > 0.55) p += 12 * (village - 0.55);
      population[row * cols + col] = p;
      terrain[row * cols + col] = 1100 + 300 * hills(col / 120, row / 120) + 100 * hills(col / 25 + 50, row / 25);
    }
  }
  const lonLatAt = (col: number, row: number) => projection.inverse([cellCentreXM(grid, col), cellCentreYM(grid, row)]) as [number, number];
  const near = (isNearPeople: boolean): [number, number] => {
    let col = 0;
    let row = 0;
    for (let tries = 0; tries < 50; tries++) {
      col = Math.floor(random() * cols);
      row = Math.floor(random() * rows);
      if (!isNearPeople || population[row * cols + col] > 2) break;
    }
    return lonLatAt(col, row);
  };
  const sites: Site[] = Array.from({ length: Math.round((sizeKm * sizeKm) / 20) }, (_, i) => makeSite('macro', near(false), `S${i + 1}`, { status: 'existing' }));
  const candidates: Site[] = [];
  for (let i = 0; i < nCandidates; i++) {
    const u = random();
    const kind: SiteKind = u < 0.45 ? 'macro' : u < 0.9 ? 'micro' : 'indoor';
    const method: BuildMethod = kind === 'macro' ? (random() < 0.5 ? 'shared-tower' : 'new-tower') : kind === 'micro' ? 'smart-pole' : 'indoor-system';
    const site = makeSite(kind, near(kind !== 'macro'), `C${i + 1}`, { status: 'proposed' });
    candidates.push({ ...site, buildMethod: method, costCny: DEFAULT_COST_TABLE[kind][method]!.costCny });
  }
  const ring = [[-halfM, -halfM], [halfM, -halfM], [halfM, halfM], [-halfM, halfM], [-halfM, -halfM]].map(([x, y]) => projection.inverse([x, y]));
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: `generated ${sizeKm} km county`,
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: defaultProjectSettings(),
    sites,
    places: [],
    candidates,
    olts: [],
    terrain: { values: terrain, provenance: 'synthetic', source: 'simplex noise (bench)' },
    population: { values: population, provenance: 'synthetic', source: 'Gaussian towns + noise villages (bench)' },
  };
}

/** The whole pipeline on `project` with footprints on a pool of `workers` threads; wall time measured here. */
async function timedSuggestion(project: Project, workers: number, options: Omit<SuggestForProjectOptions, 'predict'>): Promise<Record<string, unknown>> {
  const pool = new NodeCoveragePool({ size: workers });
  const started = performance.now();
  let s: ProjectSuggestion;
  try {
    s = await suggestForProject(project, { ...options, predict: (ctx, sites, o) => pool.predictFootprints(ctx, sites, o), clockMs: () => performance.now() });
  } finally {
    await pool.close();
  }
  const totalS = (performance.now() - started) / 1000;
  const r = s.result;
  return {
    workers,
    cells: project.grid.cols * project.grid.rows,
    cellSizeM: project.grid.cellSizeM,
    existingSites: project.sites.length,
    candidates: s.candidateCounts,
    totalS: round(totalS, 1),
    stageS: Object.fromEntries(Object.entries(s.timingS ?? {}).map(([k, v]) => [k, round(v, 2)])),
    sites: r.sites.length,
    costCny: r.totals.costCny,
    gapPeopleToday: Math.round(s.today.gapPeople),
    newPeopleClaimed: Math.round(r.totals.people),
    newPlaces: r.totals.places,
    newAreaKm2: round(r.totals.areaKm2),
    rescoredPeopleGained: Math.round(s.rescored.peopleGained),
    rescoredPeopleLost: Math.round(s.rescored.peopleLost),
    greedyDemand: Math.round(r.method.greedyDemand),
    afterLocalSearchDemand: Math.round(r.totals.demand),
    exact: r.exact && { status: r.exact.status, optimumDemand: Math.round(r.exact.optimumDemand), gapPct: round(r.exact.heuristicGapPct, 3), patterns: r.exact.patternCount },
  };
}

export async function run(args: string[]): Promise<object> {
  const isQuick = args.includes('--quick');
  const t0 = performance.now();
  const county = syntheticCounty(2026, isQuick ? 20 : 40, 2000);
  const generateMs = performance.now() - t0;
  const footprintCells = county.input.candidates.reduce((s, c) => s + c.cellIndices.length, 0);

  const large: Record<string, unknown>[] = [];
  for (const [label, options] of [
    ['50 sites, no budget', { maxSites: 50 }],
    ['50 sites within 10 M CNY', { maxSites: 50, budgetCny: 10_000_000 }],
  ] as const) {
    const started = performance.now();
    const r = await suggestSites(county.input, { ...options, seed: 1, exact: false });
    large.push({
      label,
      suggestMs: Math.round(performance.now() - started),
      sites: r.sites.length,
      costCny: r.totals.costCny,
      newPeople: Math.round(r.totals.people),
      newPeopleShareOfCountyPct: round((100 * r.totals.people) / county.totalPeople),
      greedyDemand: Math.round(r.method.greedyDemand),
      afterLocalSearchDemand: Math.round(r.totals.demand),
      localSearchMoves: r.method.localSearchMoves,
    });
  }

  // 20 random small instances: 60-200 candidates on a 6 km x 6 km county, budget 0.5-2.5 M CNY (binding:
  // it buys a small share of the candidates).
  const gaps: number[] = [];
  const small: Record<string, unknown>[] = [];
  const random = mulberry32(7);
  for (let k = 0; k < (isQuick ? 5 : 20); k++) {
    const nCand = 60 + Math.floor(random() * 141);
    const c = syntheticCounty(100 + k, 6, nCand);
    const budgetCny = 500_000 + Math.floor(random() * 5) * 500_000;
    const started = performance.now();
    const r = await suggestSites(c.input, { budgetCny, seed: 1, exact: true, exactTimeLimitS: 120 });
    const ms = Math.round(performance.now() - started);
    const ex = r.exact!;
    gaps.push(ex.heuristicGapPct);
    small.push({
      candidates: nCand,
      budgetCny,
      status: ex.status,
      heuristicDemand: round(r.totals.demand),
      optimumDemand: round(ex.optimumDemand),
      gapPct: round(ex.heuristicGapPct, 3),
      greedyOnlyGapPct: round((100 * (ex.optimumDemand - r.method.greedyDemand)) / ex.optimumDemand, 3),
      patterns: ex.patternCount,
      heuristicPlusExactMs: ms,
    });
  }
  const popAt = args.indexOf('--population');
  const countyAt = args.indexOf('--county');
  const real = popAt >= 0 ? await realCounty(args[popAt + 1], countyAt >= 0 ? args[countyAt + 1] : '520382') : undefined;

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const read = await readProjectGpkg(new Uint8Array(await readFile(path.join(root, 'samples', 'renhuai.gpkg'))));
  if (!read.ok) throw new Error(`samples/renhuai.gpkg: ${read.message}`);
  const sample = await timedSuggestion(read.value, 2, { budgetCny: 10_000_000, maxSites: 50, seed: 1, exact: true });
  const generated = await timedSuggestion(engineCounty(2026, isQuick ? 20 : 40, 2000), 2, { maxSites: 50, seed: 1, exact: false, generation: { isGenerating: false } });
  return {
    note: 'sampleCounty and engineCounty: the whole pipeline, footprints by the radio engine on 2 worker threads; disc county and small instances: synthetic disc footprints, optimiser only',
    sampleCounty: { file: 'samples/renhuai.gpkg', budgetCny: 10_000_000, maxSites: 50, ...sample },
    engineCounty: { sizeKm: isQuick ? 20 : 40, maxSites: 50, ...generated },
    realCounty: real,
    county: {
      sizeKm: isQuick ? 20 : 40,
      cells: county.input.demand.length,
      candidates: county.input.candidates.length,
      footprintCells,
      coveredTodaySharePct: round(100 * county.coveredShare),
      generateMs: Math.round(generateMs),
    },
    large,
    smallInstances: {
      count: gaps.length,
      meanGapPct: round(gaps.reduce((s, g) => s + g, 0) / gaps.length, 3),
      worstGapPct: round(Math.max(...gaps), 3),
      allOptimal: small.every((s) => s.status === 'optimal'),
      instances: small,
    },
  };
}
