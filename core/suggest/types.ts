import type { CancelToken, ProgressFn } from '../cancel';
import type { GridSpec } from '../grid/gridSpec';

/**
 * What one candidate site would buy: the grid cells where this candidate alone would meet the target and
 * which are not covered today. Built from the radio engine's footprint by coverageFromRsrpWindow.
 */
export interface CandidateCoverage {
  /** id of the candidate Site (status 'proposed') */
  candidateId: string;
  /** build cost from the cost table, CNY */
  costCny: number;
  /** grid cell indices (row * cols + col), strictly ascending */
  cellIndices: Uint32Array;
}

/** A window of the grid, as the radio engine returns per-sector RSRP (`predictSiteFootprint`). */
export interface GridWindow {
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

/**
 * A place that counts as reached when every listed cell is covered (deep coverage: every key point meets
 * the target). List only the cells that miss the target today; a place with none is already reached.
 */
export interface PlaceCells {
  placeId: string;
  cellIndices: Uint32Array;
}

/** A set of cells (e.g. a town seat) in which at least one chosen site must cover a cell. */
export interface CellSet {
  id: string;
  cellIndices: Uint32Array;
}

/** The instance: demand per cell and what each candidate covers. Plain data (crosses workers). */
export interface SuggestInput {
  grid: GridSpec;
  /** weighted demand per grid cell (demandPerCell): population x place weight; 0 or NaN = none */
  demand: Float32Array;
  /** resident persons per grid cell, for the "people" figures; NaN = none */
  population?: Float32Array;
  candidates: CandidateCoverage[];
  /** places whose reach is counted (and may be required) */
  places?: PlaceCells[];
  /**
   * 1 for cells covered today whose `demand` is capacity relief (capacityRelief: an overloaded sector's
   * excess), not coverage: they count in gainRelief, never as newly covered people, area or places
   */
  isRelief?: Uint8Array;
}

/** Budget, constraints and controls of one suggestion run. */
export interface SuggestOptions {
  /** total budget, CNY; at least one of budgetCny and maxSites is required */
  budgetCny?: number;
  /** maximum number of new sites */
  maxSites?: number;
  /** ids of `input.places` that must be reached */
  requiredPlaceIds?: string[];
  /** cell sets that each need at least one chosen site covering one of their cells (e.g. town seats) */
  atLeastOneSitePer?: CellSet[];
  /** seed of the local search's order; same seed, same result (default 1) */
  seed?: number;
  /** swap / drop-add passes after the greedy; 0 turns the local search off (default 5) */
  maxLocalSearchPasses?: number;
  /**
   * with a budget, the greedy rules tried, each ranking by gain / cost^a (default [1, 0.75, 0.5, 0.25, 0]; the
   * best result wins); [1] alone ranks by gain per CNY, several times faster on large instances
   */
  greedyCostExponents?: readonly number[];
  /**
   * Also solve the integer program with HiGHS and report the gap: 'auto' (default) does so for at most
   * `exactMaxCandidates` candidates.
   */
  exact?: boolean | 'auto';
  /** size limit for exact 'auto' (default 200) */
  exactMaxCandidates?: number;
  /** HiGHS time limit, s (default 60) */
  exactTimeLimitS?: number;
  /** where the HiGHS wasm is (browser: the asset URL); Node finds it beside the package */
  highsLocateFile?: (file: string) => string;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** One suggested site, in build order, with what it adds given the sites ranked above it. */
export interface SuggestedSite {
  /** 1-based build order */
  rank: number;
  candidateId: string;
  costCny: number;
  /** chosen to meet a constraint (required place, cell set) rather than for its gain */
  isRequired: boolean;
  /** marginal weighted demand newly covered, plus the relief below */
  gainDemand: number;
  /** the part of gainDemand that relieves overloaded sectors (weighted persons whose busy-hour demand they could not carry) */
  gainRelief: number;
  /** marginal persons newly covered (relief cells are not counted: they are covered already) */
  gainPeople: number;
  /** places newly reached */
  gainPlaces: number;
  /** marginal area newly covered, km² */
  gainAreaKm2: number;
  gainDemandPer10kCny: number;
  gainPeoplePer10kCny: number;
  cumulativeCostCny: number;
  cumulativeDemand: number;
}

/** The heuristic's answer compared with the HiGHS optimum. */
export interface ExactComparison {
  /** 'optimal' when HiGHS proved optimality; otherwise the bound is loose and the gap an upper estimate */
  status: 'optimal' | 'time-limit' | 'infeasible' | 'error';
  message?: string;
  /** best integer solution HiGHS found (weighted demand) */
  optimumDemand: number;
  /** HiGHS's dual bound on the optimum (weighted demand) */
  upperBoundDemand: number;
  /** (optimum - heuristic) / optimum, %; against the bound when not proved optimal; NaN when infeasible or failed */
  heuristicGapPct: number;
  candidateIds: string[];
  /** distinct coverage patterns in the program (its y variables) */
  patternCount: number;
}

/**
 * Why a suggestion chose nothing: no candidates at all; no candidate covers any demand not covered today; or the
 * budget is below the cheapest candidate that would cover some (its cost and id given, so the planner knows the
 * budget that buys one site).
 */
export type NoSiteReason =
  | { code: 'no-candidates' }
  | { code: 'no-gain' }
  | { code: 'below-cheapest'; cheapestCny: number; candidateId: string };

/** Everything a suggestion run returns: plain data. */
export interface SuggestionResult {
  sites: SuggestedSite[];
  /**
   * coverage-vs-investment curve: cumulative cost (CNY), cumulative covered demand (people x place weight, what the
   * optimiser maximises) and cumulative newly covered people (the figure the summary and table give), from 0
   */
  curve: { costCny: number[]; demand: number[]; people: number[] };
  totals: { costCny: number; demand: number; relief: number; people: number; places: number; areaKm2: number };
  /** demand covered if every candidate were built: the ceiling of any plan */
  allCandidatesDemand: number;
  /** constraints that could not be met, in words */
  unmetConstraints: string[];
  /** why the run chose no site (set only when `sites` is empty), for the planner to act on */
  noSiteReason?: NoSiteReason;
  /** the run's method figures: greedy alone, after local search, the winning greedy's cost exponent */
  method: {
    seed: number;
    greedyDemand: number;
    localSearchDemand: number;
    localSearchMoves: number;
    /** the greedy ranked by gain / cost^a with this a (1 = gain per CNY, 0 = gain) */
    greedyCostExponent: number;
  };
  exact?: ExactComparison;
}
