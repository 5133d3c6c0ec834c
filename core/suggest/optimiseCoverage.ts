import FlatQueue from 'flatqueue';
import Flatbush from 'flatbush';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { CoverageState } from './coverageState';
import type { CandidateCoverage } from './types';

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
  /** which greedy won: by gain per CNY, or by gain (which starts with the best single site) */
  greedyRule: 'gain-per-cny' | 'gain';
  unmet: string[];
}

/** mulberry32: a small seeded PRNG so the local search's order is reproducible (no Math.random). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lazy greedy (Minoux's accelerated greedy) on the submodular coverage function: candidates wait in a
 * priority queue keyed by an upper bound of their gain (or gain per CNY); only the head is re-evaluated,
 * and it is taken when its fresh value still beats the next bound. Adds to `state` in place.
 */
function lazyGreedyFill(
  state: CoverageState,
  upperBound: Float64Array,
  isRatio: boolean,
  budgetCny: number,
  maxSites: number,
  cancel?: CancelToken,
  onStep?: () => void,
): number[] {
  const cands = state.candidates;
  const queue = new FlatQueue<number>();
  const key = (c: number, g: number) => -(isRatio ? g / cands[c].costCny : g);
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
 * Maximum coverage under a budget and a site count: constraints first, then the better of the lazy greedy
 * by gain per CNY and the lazy greedy by gain, whose first pick is the best affordable single candidate
 * (Khuller, Moss & Naor 1999, "The budgeted maximum coverage problem", Inf. Process. Lett. 70: the better
 * of the ratio greedy and the best single element is within (1 - 1/sqrt(e)) of optimal), then a seeded local search of swaps and drop-and-refill moves
 * (first improvement, each move re-fills the freed budget greedily). Deterministic for a seed.
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

  const runGreedy = (isRatio: boolean): CoverageState => {
    const s = new CoverageState(candidates, cellDemand);
    for (const c of forced) s.add(c);
    lazyGreedyFill(s, baseGains, isRatio, budgetCny, maxSites, cancel, onStep);
    return s;
  };
  // With a budget, also the plain-gain greedy: its first pick is the best affordable single site, so taking
  // the better of the two includes Khuller, Moss & Naor's best-single-element fix.
  const isBudgeted = Number.isFinite(budgetCny);
  let state = runGreedy(isBudgeted);
  let greedyRule: OptimiseOutcome['greedyRule'] = isBudgeted ? 'gain-per-cny' : 'gain';
  if (isBudgeted) {
    const byGain = runGreedy(false);
    if (byGain.demand > state.demand) {
      state = byGain;
      greedyRule = 'gain';
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
    greedyRule,
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
  const random = seededRandom(seed);
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

  const uniqMark = new Uint8Array(state.counts.length);
  const cMark = new Uint8Array(state.counts.length);
  const tol = 1e-9 * Math.max(1, state.demand);
  let moves = 0;
  for (let pass = 0; pass < maxLocalSearchPasses; pass++) {
    let isImproved = false;
    const order = state.chosen();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let gains = allGains(state);
    for (let oi = 0; oi < order.length; oi++) {
      throwIfCancelled(cancel);
      onProgress?.(0.4 + 0.6 * ((pass + oi / order.length) / maxLocalSearchPasses));
      const s = order[oi];
      if (!state.isChosen[s]) continue;
      const sCells = cands[s].cellIndices;
      let loss = 0;
      for (const cell of sCells) {
        if (state.counts[cell] === 1) {
          uniqMark[cell] = 1;
          loss += state.cellDemand[cell];
        }
      }
      // Gain of every candidate once `s` is gone: its gain now plus the demand only `s` covers.
      const after = Float64Array.from(gains);
      for (const c of index.search(boxes[4 * s], boxes[4 * s + 1], boxes[4 * s + 2], boxes[4 * s + 3])) {
        if (state.isChosen[c]) continue;
        for (const cell of cands[c].cellIndices) if (uniqMark[cell]) after[c] += state.cellDemand[cell];
      }
      for (const cell of sCells) uniqMark[cell] = 0;
      const budgetLeft = budgetCny - state.costCny + cands[s].costCny;
      let best = -1;
      for (let c = 0; c < n; c++) {
        if (state.isChosen[c] || cands[c].costCny > budgetLeft) continue;
        if (best < 0 || after[c] > after[best] || (after[c] === after[best] && cands[c].costCny < cands[best].costCny)) best = c;
      }
      const before = state.demand;
      if (best >= 0 && after[best] - loss > tol && keepsConstraints(state, s, best, constraints, groupsOf, cMark)) {
        state.remove(s);
        state.add(best);
        lazyGreedyFill(state, allGains(state), true, budgetCny, maxSites, cancel);
        moves++;
        isImproved = true;
        gains = allGains(state);
        continue;
      }
      // Drop-and-refill: the freed budget may buy several cheaper sites that together cover more.
      if (!keepsConstraints(state, s, -1, constraints, groupsOf, cMark)) continue;
      state.remove(s);
      after[s] = 0;
      const added = lazyGreedyFill(state, after, true, budgetCny, maxSites, cancel);
      if (state.demand > before + tol) {
        moves++;
        isImproved = true;
        gains = allGains(state);
      } else {
        for (const c of added) state.remove(c);
        state.add(s);
      }
    }
    if (!isImproved) break;
  }
  return moves;
}
