// Site suggestion benchmark (issue 8). The radio engine is not on this branch yet, so footprints are
// SYNTHETIC: discs of a typical radius per site kind on a 25 m grid (macro 1.2-2.5 km, micro 200-400 m,
// indoor 60-100 m), minus the cells existing sites already cover. Population is synthetic too (towns as
// Gaussian blobs plus simplex-noise villages). Timings exclude footprint prediction.
//   npm run bench -- --only suggest [--quick]
// Latest (2026-11-24, 2 cores shared with other engineers, load average ~10, so timings are pessimistic):
//   40 km x 40 km, 2.56 M cells, 2,000 candidates, 10.7 M footprint cells (generation 2.3 s):
//   50 sites, no budget: 3.8 s; 50 sites within 10 M CNY: 13.7 s (an earlier, less loaded run: 8.9 s).
//   20 small instances (61-197 candidates, budget 0.5-2.5 M CNY): all proved optimal by HiGHS;
//   heuristic gap mean 0.018 %, worst 0.213 % (greedy alone: worst 1.561 %).
import { createNoise2D } from 'simplex-noise';
import { DEFAULT_COST_TABLE } from '../../core/costs';
import type { GridSpec } from '../../core/grid';
import { suggestSites, type CandidateCoverage, type SuggestInput } from '../../core/suggest';

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
  return {
    note: 'synthetic disc footprints and population (radio engine not on this branch); timings exclude footprint prediction',
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
