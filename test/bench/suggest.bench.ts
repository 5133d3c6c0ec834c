// Site suggestion benchmark (issue 8). The radio engine is not on this branch yet, so footprints are
// SYNTHETIC: discs of a typical radius per site kind on a 25 m grid (macro 1.2-2.5 km, micro 200-400 m,
// indoor 60-100 m), minus the cells existing sites already cover. Population is synthetic too (towns as
// Gaussian blobs plus simplex-noise villages). Timings exclude footprint prediction.
//   npm run bench -- --only suggest [--quick] [--population ../shared/data/population/gpw_v4_11_popdensity_2020_guizhou_1km.tif [--county 520382]]
// With --population, also a real county: GPW v4.11 2020 density over the county (nearest 1 km pixel per
// 25 m cell, inside the boundary), coverage today ASSUMED as 1.5 km discs around one existing site per
// 10 km² placed at population-weighted random cells, gap-centre candidates (labelGaps + gapCentreCandidates)
// plus population-weighted disc candidates up to 2,000.
// Latest (2026-11-24 07:08 UTC, 2 cores shared with other engineers, load average 7-10: timings pessimistic):
//   synthetic 40 km x 40 km, 2.56 M cells, 2,000 candidates, 10.7 M footprint cells (generated in 1.2 s):
//   50 sites, no budget: 4.4 s; 50 sites within 10 M CNY: 8.1 s (13.7 s in a more loaded run).
//   20 small instances (61-197 candidates, budget 0.5-2.5 M CNY): all proved optimal by HiGHS;
//   heuristic gap mean 0.018 %, worst 0.213 % (greedy alone: mean 0.154 %, worst 1.561 %);
//   heuristic + HiGHS at most 2.9 s per instance.
//   --population GPW, 520382 Renhuai: 6.43 M cells, GPW 520,835 people in the boundary (census 655,300),
//   assumed gaps 1,036 km² / 242,050 people, 15 gaps, 11 gap-centre + 1,989 disc candidates; labelGaps
//   0.7 s; 50 sites within 10 M CNY: 9.2 s, 35 sites, 106,778 new people (44 % of the people in gaps).
import { booleanPointInPolygon } from '@turf/turf';
import { fromFile } from 'geotiff';
import proj4 from 'proj4';
import { createNoise2D } from 'simplex-noise';
import { DEFAULT_COST_TABLE } from '../../core/costs';
import { makeLocalProjection } from '../../core/geo/localProjection';
import { cellCentreXM, cellCentreYM, gridForBoundsM, type GridSpec } from '../../core/grid';
import { gapCentreCandidates, labelGaps, suggestSites, type CandidateCoverage, type SuggestInput } from '../../core/suggest';
import { countyByCode } from '../../geodata/counties';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const random = seeded(seed);
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
  const random = seeded(11);
  // Population-weighted sampling: a cell's chance is its share of the county's people.
  const cumulative = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) cumulative[i] = sum += population[i];
  const sampleCell = () => {
    const target = random() * totalPeople;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
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
  const random = seeded(7);
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
  return {
    note: 'synthetic disc footprints and population (radio engine not on this branch); timings exclude footprint prediction',
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
