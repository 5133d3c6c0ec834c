import FlatQueue from 'flatqueue';
import Flatbush from 'flatbush';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { CoverageState } from './coverageState';
import type { CandidateCoverage } from './types';
import { mulberry32 } from '../random';

/** Constraints in candidate terms (suggestSites derives them from places and cell sets). */
export interface CoverageConstraints {
  /** 1 for cells that must end up covered (cells of required places that some candidate covers) */
  requiredCells?: Uint8Array;
  /** groups of candidate indices of which at least one must be chosen */
  groups?: number[][];
}

export interface OptimiseOptions {
  /** grid columns, to place footprints for the local search's overlap index */
  gridCols: number;
  budgetCny: number;
  maxSites: number;
  seed: number;
  maxLocalSearchPasses: number;
  /** greedy rules tried with a budget (default GREEDY_COST_EXPONENTS) */
  greedyCostExponents?: readonly number[];
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

export interface OptimiseOutcome {
  chosen: number[];
  /** chosen to satisfy a constraint */
  forced: number[];
  greedyDemand: number;
  localSearchDemand: number;
  localSearchMoves: number;
  /** exponent a of the greedy that won, ranking by gain / cost^a: 1 = gain per CNY, 0 = gain */
  greedyCostExponent: number;
  unmet: string[];
}

/**
 * Lazy greedy (Minoux's accelerated greedy) on the submodular coverage function: candidates wait in a
 * priority queue keyed by an upper bound of gain / cost^costExponent; only the head is re-evaluated, and it
 * is taken when its fresh value still beats the next bound. Adds to `state` in place; returns what it added.
 */
function lazyGreedyFill(
  state: CoverageState,
  upperBound: Float64Array,
  costExponent: number,
  budgetCny: number,
  maxSites: number,
  cancel?: CancelToken,
  onStep?: () => void,
): number[] {
  const cands = state.candidates;
  const queue = new FlatQueue<number>();
  const key = (c: number, g: number) => -g / cands[c].costCny ** costExponent;
  for (let c = 0; c < cands.length; c++) {
    if (!state.isChosen[c] && upperBound[c] > 0) queue.push(c, key(c, upperBound[c]));
  }
  const added: number[] = [];
  while (queue.length > 0 && state.size < maxSites) {
    const c = queue.pop()!;
    if (state.costCny + cands[c].costCny > budgetCny) continue;
    const g = state.gain(c);
    if (!(g > 0)) continue;
    const k = key(c, g);
    if (queue.length > 0 && k > queue.peekValue()!) {
      queue.push(c, k);
      continue;
    }
    throwIfCancelled(cancel);
    state.add(c);
    added.push(c);
    onStep?.();
  }
  return added;
}

function allGains(state: CoverageState): Float64Array {
  const g = new Float64Array(state.candidates.length);
  for (let c = 0; c < g.length; c++) g[c] = state.isChosen[c] ? 0 : state.gain(c);
  return g;
}

/** Greedy satisfaction of the constraints before the objective: required cells first, then groups. */
function satisfyConstraints(state: CoverageState, constraints: CoverageConstraints): number[] {
  const forced: number[] = [];
  const cands = state.candidates;
  const req = constraints.requiredCells;
  if (req) {
    // Greedy set cover: most still-uncovered required cells per CNY, ties to more demand.
    for (;;) {
      let best = -1;
      let bestScore = 0;
      let bestGain = 0;
      for (let c = 0; c < cands.length; c++) {
        if (state.isChosen[c]) continue;
        let n = 0;
        for (const cell of cands[c].cellIndices) if (req[cell] && state.counts[cell] === 0) n++;
        if (n === 0) continue;
        const score = n / cands[c].costCny;
        const g = score >= bestScore ? state.gain(c) : 0;
        if (score > bestScore || (score === bestScore && g > bestGain)) {
          best = c;
          bestScore = score;
          bestGain = g;
        }
      }
      if (best < 0) break;
      state.add(best);
      forced.push(best);
    }
  }
  for (const group of constraints.groups ?? []) {
    if (group.some((c) => state.isChosen[c])) continue;
    let best = -1;
    let bestRatio = -1;
    for (const c of group) {
      const r = state.gain(c) / cands[c].costCny;
      if (r > bestRatio) {
        best = c;
        bestRatio = r;
      }
    }
    if (best < 0) continue;
    state.add(best);
    forced.push(best);
  }
  return forced;
}

/**
 * Can chosen `s` be dropped (and `c`, or nothing when c < 0, added) without breaking a constraint?
 * Required cells covered only by `s` must be covered by `c`; groups held only by `s` must contain `c`.
 */
function keepsConstraints(
  state: CoverageState,
  s: number,
  c: number,
  constraints: CoverageConstraints,
  groupsOf: number[][],
  cMark: Uint8Array,
): boolean {
  const req = constraints.requiredCells;
  if (req) {
    const sCells = state.candidates[s].cellIndices;
    let needsC = false;
    for (const cell of sCells) if (req[cell] && state.counts[cell] === 1) needsC = true;
    if (needsC) {
      if (c < 0) return false;
      for (const cell of state.candidates[c].cellIndices) cMark[cell] = 1;
      let isOk = true;
      for (const cell of sCells) if (req[cell] && state.counts[cell] === 1 && !cMark[cell]) isOk = false;
      for (const cell of state.candidates[c].cellIndices) cMark[cell] = 0;
      if (!isOk) return false;
    }
  }
  const groups = constraints.groups ?? [];
  for (const gi of groupsOf[s]) {
    const held = groups[gi].filter((x) => state.isChosen[x]).length;
    if (held === 1 && !(c >= 0 && groups[gi].includes(c))) return false;
  }
  return true;
}

/**
 * Maximum coverage under a budget and a site count: constraints first, then the best of lazy greedies
 * ranking by gain / cost^a for a from 1 (gain per CNY) to 0 (gain, whose first pick is the best affordable
 * single candidate: Khuller, Moss & Naor 1999, "The budgeted maximum coverage problem", Inf. Process.
 * Lett. 70, show the better of the ratio greedy and the best single element is within (1 - 1/sqrt(e)) of
 * optimal), then a seeded local search (first improvement) of swaps and of dropping one or two sites and
 * re-filling the freed budget greedily. Deterministic for a seed.
 * @example optimiseCoverage(candidates, demand, {}, { budgetCny: 1e6, maxSites: Infinity, seed: 1, maxLocalSearchPasses: 5 })
 */
export function optimiseCoverage(
  candidates: readonly CandidateCoverage[],
  cellDemand: Float32Array,
  constraints: CoverageConstraints,
  options: OptimiseOptions,
): OptimiseOutcome {
  const { budgetCny, maxSites, cancel, onProgress } = options;
  const unmet: string[] = [];
  const n = candidates.length;
  const groupsOf: number[][] = Array.from({ length: n }, () => []);
  (constraints.groups ?? []).forEach((g, gi) => g.forEach((c) => groupsOf[c].push(gi)));

  const base = new CoverageState(candidates, cellDemand);
  const forced = satisfyConstraints(base, constraints);
  if (base.costCny > budgetCny) unmet.push(`the constraints alone cost ${base.costCny} CNY, over the budget of ${budgetCny} CNY`);
  if (base.size > maxSites) unmet.push(`the constraints alone need ${base.size} sites, more than maxSites ${maxSites}`);
  const baseGains = allGains(base);

  // Progress: the greedy phase is ~40 %, the local search the rest.
  const expectedSteps = Math.max(1, Math.min(maxSites === Infinity ? n : maxSites, n));
  let steps = 0;
  const onStep = () => onProgress?.(Math.min(0.4, (0.2 * ++steps) / expectedSteps));

  const runGreedy = (costExponent: number): CoverageState => {
    const s = new CoverageState(candidates, cellDemand);
    for (const c of forced) s.add(c);
    lazyGreedyFill(s, baseGains, costExponent, budgetCny, maxSites, cancel, onStep);
    return s;
  };
  // With a budget, greedies from gain per CNY (a = 1) to plain gain (a = 0): the a = 0 run's first pick is
  // the best affordable single site (Khuller, Moss & Naor's fix), and the ones between help when a few
  // dear sites beat many cheap ones.
  const exponents = Number.isFinite(budgetCny) ? options.greedyCostExponents ?? GREEDY_COST_EXPONENTS : [0];
  if (exponents.length === 0 || !exponents.every((a) => a >= 0 && a <= 1)) throw new RangeError(`greedyCostExponents must be numbers in [0, 1], got ${exponents.join(', ')}`);
  let state = runGreedy(exponents[0]);
  let greedyCostExponent = exponents[0];
  for (const a of exponents.slice(1)) {
    const other = runGreedy(a);
    if (other.demand > state.demand) {
      state = other;
      greedyCostExponent = a;
    }
  }
  const greedyDemand = state.demand;
  onProgress?.(0.4);

  const moves = localSearch(state, constraints, groupsOf, options);
  onProgress?.(1);
  return {
    chosen: state.chosen(),
    forced,
    greedyDemand,
    localSearchDemand: state.demand,
    localSearchMoves: moves,
    greedyCostExponent,
    unmet,
  };
}

function localSearch(
  state: CoverageState,
  constraints: CoverageConstraints,
  groupsOf: number[][],
  options: OptimiseOptions,
): number {
  const { budgetCny, maxSites, seed, maxLocalSearchPasses, cancel, onProgress } = options;
  const cands = state.candidates;
  const n = cands.length;
  if (n === 0 || maxLocalSearchPasses <= 0) return 0;
  const random = mulberry32(seed);
  const cols = options.gridCols;
  // Candidates' bounding boxes in (col, row): only overlapping ones gain from a dropped site's cells.
  const index = new Flatbush(n);
  const boxes = new Float64Array(4 * n).fill(-1);
  for (let ci = 0; ci < n; ci++) {
    const cells = cands[ci].cellIndices;
    if (cells.length === 0) {
      index.add(-1, -1, -1, -1);
      continue;
    }
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let k = 0; k < cells.length; k++) {
      const x = cells[k] % cols;
      const y = (cells[k] - x) / cols;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
    boxes.set([minX, minY, maxX, maxY], 4 * ci);
  }
  index.finish();

  const dropCount = new Uint8Array(state.counts.length);
  const freed = new Uint8Array(state.counts.length);
  const cMark = new Uint8Array(state.counts.length);
  const tol = 1e-9 * Math.max(1, state.demand);
  let gains = allGains(state);

  /** Gain of every candidate once `drops` are gone, and the demand the drops alone hold. */
  const gainsWithout = (drops: readonly number[]): { after: Float64Array; loss: number } => {
    for (const s of drops) for (const cell of cands[s].cellIndices) dropCount[cell]++;
    let loss = 0;
    for (const s of drops) {
      for (const cell of cands[s].cellIndices) {
        if (!freed[cell] && state.counts[cell] === dropCount[cell]) {
          loss += state.cellDemand[cell];
          freed[cell] = 1;
        }
      }
    }
    const after = Float64Array.from(gains);
    const seen = new Set<number>();
    for (const s of drops) {
      for (const c of index.search(boxes[4 * s], boxes[4 * s + 1], boxes[4 * s + 2], boxes[4 * s + 3])) {
        if (state.isChosen[c] || seen.has(c)) continue;
        seen.add(c);
        for (const cell of cands[c].cellIndices) if (freed[cell]) after[c] += state.cellDemand[cell];
      }
    }
    for (const s of drops) {
      for (const cell of cands[s].cellIndices) {
        dropCount[cell] = 0;
        freed[cell] = 0;
      }
    }
    for (const s of drops) after[s] = 0;
    return { after, loss };
  };

  const order = new Uint32Array(n);
  /**
   * Upper bound of what refilling `budgetLeft` can add: the fractional knapsack over the candidates'
   * current gains (the gain of a set never exceeds the sum of its members' gains, by submodularity).
   */
  const refillBound = (after: Float64Array, budgetLeft: number): number => {
    let m = 0;
    for (let c = 0; c < n; c++) if (after[c] > 0 && !state.isChosen[c]) order[m++] = c;
    const idx = Array.from(order.subarray(0, m)).sort((a, b) => after[b] / cands[b].costCny - after[a] / cands[a].costCny);
    let left = budgetLeft;
    let bound = 0;
    for (const c of idx) {
      if (left <= 0) break;
      const take = Math.min(1, left / cands[c].costCny);
      bound += take * after[c];
      left -= take * cands[c].costCny;
    }
    return bound;
  };

  /** Drops `drops` and refills the freed budget by each greedy rule; keeps the best if it beats the old set. */
  const tryDropRefill = (drops: readonly number[], after: Float64Array, loss: number): boolean => {
    const freedCny = drops.reduce((sum, s) => sum + cands[s].costCny, 0);
    if (Number.isFinite(budgetCny) && refillBound(after, budgetCny - state.costCny + freedCny) <= loss + tol) return false;
    const before = state.demand;
    for (const s of drops) state.remove(s);
    let kept: number[] = [];
    let keptDemand = -Infinity;
    for (const a of REFILL_COST_EXPONENTS) {
      const added = lazyGreedyFill(state, after, a, budgetCny, maxSites, cancel);
      if (state.demand > keptDemand) {
        keptDemand = state.demand;
        kept = added;
      }
      for (const c of added) state.remove(c);
    }
    for (const c of kept) state.add(c);
    if (state.demand > before + tol) return true;
    for (const c of kept) state.remove(c);
    for (const s of drops) state.add(s);
    return false;
  };

  const canDrop = (drops: readonly number[]): boolean => {
    const removed: number[] = [];
    let isOk = true;
    for (const s of drops) {
      if (!keepsConstraints(state, s, -1, constraints, groupsOf, cMark)) {
        isOk = false;
        break;
      }
      state.remove(s);
      removed.push(s);
    }
    for (const s of removed) state.add(s);
    return isOk;
  };

  let moves = 0;
  for (let pass = 0; pass < maxLocalSearchPasses; pass++) {
    let isImproved = false;
    const order = state.chosen();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let oi = 0; oi < order.length; oi++) {
      throwIfCancelled(cancel);
      onProgress?.(0.4 + 0.6 * ((pass + oi / order.length / 2) / maxLocalSearchPasses));
      const s = order[oi];
      if (!state.isChosen[s]) continue;
      const { after, loss } = gainsWithout([s]);
      const budgetLeft = budgetCny - state.costCny + cands[s].costCny;
      let best = -1;
      for (let c = 0; c < n; c++) {
        if (state.isChosen[c] || cands[c].costCny > budgetLeft) continue;
        if (best < 0 || after[c] > after[best] || (after[c] === after[best] && cands[c].costCny < cands[best].costCny)) best = c;
      }
      if (best >= 0 && after[best] - loss > tol && keepsConstraints(state, s, best, constraints, groupsOf, cMark)) {
        state.remove(s);
        state.add(best);
        lazyGreedyFill(state, allGains(state), 1, budgetCny, maxSites, cancel);
        moves++;
        isImproved = true;
        gains = allGains(state);
        continue;
      }
      // Drop-and-refill: the freed budget may buy several cheaper sites that together cover more.
      if (canDrop([s]) && tryDropRefill([s], after, loss)) {
        moves++;
        isImproved = true;
        gains = allGains(state);
      }
    }
    if (!isImproved && Number.isFinite(budgetCny)) {
      // Pairs: two cheap sites may free the budget for one that covers more (a knapsack effect).
      const chosen = state.chosen();
      const pairs: [number, number][] = [];
      for (let a = 0; a < chosen.length; a++) for (let b = a + 1; b < chosen.length; b++) pairs.push([chosen[a], chosen[b]]);
      for (let i = pairs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
      }
      const limit = Math.min(pairs.length, MAX_PAIRS_PER_PASS);
      for (let pi = 0; pi < limit; pi++) {
        if (pi % 64 === 0) {
          throwIfCancelled(cancel);
          onProgress?.(0.4 + 0.6 * ((pass + 0.5 + pi / limit / 2) / maxLocalSearchPasses));
        }
        const drops = pairs[pi];
        if (!state.isChosen[drops[0]] || !state.isChosen[drops[1]] || !canDrop(drops)) continue;
        const { after, loss } = gainsWithout(drops);
        if (tryDropRefill(drops, after, loss)) {
          moves++;
          isImproved = true;
          gains = allGains(state);
        }
      }
    }
    if (!isImproved) break;
  }
  return moves;
}

/** greedy rules tried: rank by gain / cost^a */
const GREEDY_COST_EXPONENTS = [1, 0.75, 0.5, 0.25, 0];
/** fewer rules for the local search's many refills */
const REFILL_COST_EXPONENTS = [1, 0.5, 0];

/** pair drops tried per local-search pass; bounds the run time on large selections */
const MAX_PAIRS_PER_PASS = 300;
