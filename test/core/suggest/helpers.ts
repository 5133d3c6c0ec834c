import type { GridSpec } from '../../../core/grid';
import type { CandidateCoverage, SuggestInput, SuggestionResult } from '../../../core/suggest';
import { mulberry32 } from '../../../core/random';

export function lineGrid(cells: number): GridSpec {
  return { cols: cells, rows: 1, originXM: 0, originYM: 25, cellSizeM: 25, crs: '+proj=tmerc +units=m' };
}

export function cand(candidateId: string, costCny: number, cells: number[]): CandidateCoverage {
  return { candidateId, costCny, cellIndices: Uint32Array.from([...new Set(cells)].sort((a, b) => a - b)) };
}

/** Independent recount of a result: union of the chosen footprints with a Set, summed demand and cost. */
export function recount(input: SuggestInput, ids: readonly string[]): { demand: number; costCny: number } {
  const byId = new Map(input.candidates.map((c) => [c.candidateId, c]));
  const cells = new Set<number>();
  let costCny = 0;
  for (const id of ids) {
    const c = byId.get(id)!;
    costCny += c.costCny;
    c.cellIndices.forEach((cell) => cells.add(cell));
  }
  let demand = 0;
  for (const cell of cells) demand += Math.max(0, input.demand[cell] || 0);
  return { demand, costCny };
}

export function chosenIds(r: SuggestionResult): string[] {
  return r.sites.map((s) => s.candidateId);
}

/** Seeded random instances for brute-force checks (mulberry32). */
export function randomInstance(seed: number, nCand: number, nCells: number): SuggestInput {
  const rnd = mulberry32(seed);
  const demand = Float32Array.from({ length: nCells }, () => Math.floor(rnd() * 100));
  const candidates = Array.from({ length: nCand }, (_, i) => {
    const centre = Math.floor(rnd() * nCells);
    const radius = 1 + Math.floor(rnd() * 6);
    const cells: number[] = [];
    for (let k = Math.max(0, centre - radius); k <= Math.min(nCells - 1, centre + radius); k++) cells.push(k);
    return cand(`C${i}`, 10_000 * (1 + Math.floor(rnd() * 9)), cells);
  });
  return { grid: lineGrid(nCells), demand, candidates };
}

/** Best demand over every subset within the budget and site count (exponential; n <= 14). */
export function bruteForce(input: SuggestInput, budgetCny: number, maxSites: number): number {
  const n = input.candidates.length;
  let best = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) ids.push(input.candidates[i].candidateId);
    if (ids.length > maxSites) continue;
    const r = recount(input, ids);
    if (r.costCny <= budgetCny && r.demand > best) best = r.demand;
  }
  return best;
}
