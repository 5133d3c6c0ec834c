import { demandPerCell } from './demandPerCell';
import { optimiseCoverage, type CoverageConstraints } from './optimiseCoverage';
import { rankSelection } from './rankSelection';
import { solveMaxCoverageExact } from './solveMaxCoverageExact';
import type { CandidateCoverage, ExactComparison, NoSiteReason, SuggestInput, SuggestionResult, SuggestOptions } from './types';

function checkInput(input: SuggestInput, options: SuggestOptions): void {
  const nCells = input.grid.cols * input.grid.rows;
  const { budgetCny, maxSites, seed } = options;
  if (budgetCny === undefined && maxSites === undefined) throw new RangeError('budgetCny or maxSites is required');
  if (budgetCny !== undefined && !(budgetCny > 0 && Number.isFinite(budgetCny))) throw new RangeError(`budgetCny must be > 0, got ${budgetCny}`);
  if (maxSites !== undefined && !(Number.isInteger(maxSites) && maxSites > 0)) throw new RangeError(`maxSites must be a positive integer, got ${maxSites}`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (input.demand.length !== nCells) throw new RangeError(`demand must have grid.cols * grid.rows = ${nCells} cells, got ${input.demand.length}`);
  if (input.population && input.population.length !== nCells) {
    throw new RangeError(`population must have ${nCells} cells, got ${input.population.length}`);
  }
  if (input.isRelief && input.isRelief.length !== nCells) throw new RangeError(`isRelief must have ${nCells} cells, got ${input.isRelief.length}`);
  const ids = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (ids.has(c.candidateId)) throw new RangeError(`candidates[${i}].candidateId '${c.candidateId}' is a duplicate`);
    ids.add(c.candidateId);
    if (!(c.costCny > 0 && Number.isFinite(c.costCny))) throw new RangeError(`candidates[${i}].costCny must be > 0, got ${c.costCny}`);
    const cells = c.cellIndices;
    for (let k = 0; k < cells.length; k++) {
      if (cells[k] >= nCells || (k > 0 && cells[k] <= cells[k - 1])) {
        throw new RangeError(`candidates[${i}].cellIndices must be strictly ascending cells < ${nCells}, bad at ${k}: ${cells[k]}`);
      }
    }
  });
  const placeIds = new Set((input.places ?? []).map((p) => p.placeId));
  for (const id of options.requiredPlaceIds ?? []) {
    if (!placeIds.has(id)) throw new RangeError(`requiredPlaceIds: '${id}' is not in input.places`);
  }
}

/** Required cells and candidate groups from the options, with the parts no candidate can meet. */
function deriveConstraints(input: SuggestInput, options: SuggestOptions, unmet: string[]): CoverageConstraints {
  const nCells = input.demand.length;
  const coverable = new Uint8Array(nCells);
  for (const c of input.candidates) for (const cell of c.cellIndices) coverable[cell] = 1;
  const constraints: CoverageConstraints = {};
  const required = options.requiredPlaceIds ?? [];
  if (required.length > 0) {
    constraints.requiredCells = new Uint8Array(nCells);
    for (const place of input.places ?? []) {
      if (!required.includes(place.placeId)) continue;
      let missing = 0;
      for (const cell of place.cellIndices) {
        if (coverable[cell]) constraints.requiredCells[cell] = 1;
        else missing++;
      }
      if (missing > 0) unmet.push(`required place ${place.placeId}: ${missing} of its cells are covered by no candidate`);
    }
  }
  const sets = options.atLeastOneSitePer ?? [];
  if (sets.length > 0) {
    constraints.groups = [];
    const mark = new Uint8Array(nCells);
    for (const set of sets) {
      if (set.cellIndices.length === 0) continue;
      for (const cell of set.cellIndices) mark[cell] = 1;
      const group: number[] = [];
      input.candidates.forEach((c, ci) => {
        if (c.cellIndices.some((cell) => mark[cell] === 1)) group.push(ci);
      });
      for (const cell of set.cellIndices) mark[cell] = 0;
      if (group.length === 0) unmet.push(`cell set ${set.id}: no candidate covers any of its cells`);
      else constraints.groups.push(group);
    }
  }
  return constraints;
}

/**
 * Why no site was chosen: no candidates; none covering demand not covered today; or the cheapest candidate that
 * covers some costs more than the budget. Undefined when none of these holds (e.g. a required place took the budget).
 */
function noSiteReason(candidates: readonly CandidateCoverage[], demand: Float32Array, budgetCny: number): NoSiteReason | undefined {
  if (candidates.length === 0) return { code: 'no-candidates' };
  let cheapest: CandidateCoverage | null = null;
  for (const c of candidates) {
    let gain = 0;
    for (const cell of c.cellIndices) gain += demand[cell];
    if (gain > 0 && (!cheapest || c.costCny < cheapest.costCny)) cheapest = c;
  }
  if (!cheapest) return { code: 'no-gain' };
  if (cheapest.costCny > budgetCny) return { code: 'below-cheapest', cheapestCny: cheapest.costCny, candidateId: cheapest.candidateId };
  return undefined;
}

/**
 * Suggests which candidate sites to build, in what order and what each buys: maximises newly covered
 * weighted demand under a budget (CNY) and/or a site count, with optional required places and
 * at-least-one-site cell sets (optimiseCoverage: lazy greedies by gain / cost^a + seeded local search), then
 * recounts every figure (rankSelection). For small instances (`exact`, default up to 200 candidates) it also
 * solves the integer program with HiGHS and reports the heuristic's optimality gap. Plain data in and out,
 * for a worker; throws CancelledError (code 'cancelled') when `options.cancel` is aborted, RangeError on a
 * bad argument.
 * @example const r = await suggestSites({ grid, demand, candidates }, { budgetCny: 5e6, seed: 1 }); r.sites[0].gainPeoplePer10kCny
 */
export async function suggestSites(input: SuggestInput, options: SuggestOptions): Promise<SuggestionResult> {
  checkInput(input, options);
  const budgetCny = options.budgetCny ?? Infinity;
  const maxSites = options.maxSites ?? Infinity;
  const seed = options.seed ?? 1;
  const demand = demandPerCell(input.demand);
  const clean = { ...input, demand };
  const unmet: string[] = [];
  const constraints = deriveConstraints(clean, options, unmet);
  const isExact = options.exact === true || ((options.exact ?? 'auto') === 'auto' && input.candidates.length <= (options.exactMaxCandidates ?? 200));
  const out = optimiseCoverage(input.candidates, demand, constraints, {
    gridCols: input.grid.cols,
    budgetCny,
    maxSites,
    seed,
    maxLocalSearchPasses: options.maxLocalSearchPasses ?? 5,
    greedyCostExponents: options.greedyCostExponents,
    cancel: options.cancel,
    onProgress: isExact ? (f) => options.onProgress?.(0.8 * f) : options.onProgress,
  });
  const ranked = rankSelection(clean, out.chosen, new Set(out.forced), Number.isFinite(budgetCny));

  const seen = new Uint8Array(demand.length);
  let allCandidatesDemand = 0;
  for (const c of input.candidates) {
    for (const cell of c.cellIndices) {
      if (!seen[cell]) allCandidatesDemand += demand[cell];
      seen[cell] = 1;
    }
  }

  const result: SuggestionResult = {
    ...ranked,
    allCandidatesDemand,
    unmetConstraints: [...unmet, ...out.unmet],
    method: {
      seed,
      greedyDemand: out.greedyDemand,
      localSearchDemand: out.localSearchDemand,
      localSearchMoves: out.localSearchMoves,
      greedyCostExponent: out.greedyCostExponent,
    },
  };
  if (ranked.sites.length === 0) result.noSiteReason = noSiteReason(input.candidates, demand, budgetCny);
  if (isExact) {
    const ex = await solveMaxCoverageExact(input.candidates, demand, constraints, {
      budgetCny,
      maxSites,
      timeLimitS: options.exactTimeLimitS,
      locateFile: options.highsLocateFile,
    });
    // Against the proved optimum, or the dual bound after a time limit; none when HiGHS found no solution.
    const reference = ex.status === 'optimal' ? ex.objectiveDemand : ex.status === 'time-limit' ? ex.upperBoundDemand : NaN;
    const comparison: ExactComparison = {
      status: ex.status,
      optimumDemand: ex.objectiveDemand,
      upperBoundDemand: ex.upperBoundDemand,
      heuristicGapPct: reference > 0 ? (100 * (reference - ranked.totals.demand)) / reference : reference === 0 ? 0 : NaN,
      candidateIds: ex.chosen.map((i) => input.candidates[i].candidateId),
      patternCount: ex.patternCount,
    };
    if (ex.message) comparison.message = ex.message;
    result.exact = comparison;
    options.onProgress?.(1);
  }
  return result;
}
