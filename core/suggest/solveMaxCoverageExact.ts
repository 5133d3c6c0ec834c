import type { Highs } from 'highs';
import type { CoverageConstraints } from './optimiseCoverage';
import type { CandidateCoverage } from './types';

/** Outcome of the exact solve, in candidate indices. */
export interface ExactSolution {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'error';
  message?: string;
  /** objective of the best integer solution found (weighted demand); NaN when none */
  objectiveDemand: number;
  /** HiGHS's dual bound on the optimum; equals the objective when optimal */
  upperBoundDemand: number;
  chosen: number[];
  /** distinct coverage patterns (cells merged by the set of candidates covering them) = y variables */
  patternCount: number;
}

const loaded = new Map<((file: string) => string) | undefined, Promise<Highs>>();

/** One HiGHS runtime per wasm location; Node finds highs.wasm beside the package, a browser passes its URL. */
function loadHighs(locateFile?: (file: string) => string): Promise<Highs> {
  let p = loaded.get(locateFile);
  if (!p) {
    p = import('highs').then((m) => m.default(locateFile ? { locateFile } : undefined));
    loaded.set(locateFile, p);
  }
  return p;
}

/**
 * The maximum coverage integer program (Church & ReVelle 1974, "The maximal covering location problem",
 * Papers of the Regional Science Association 32), budgeted: maximise sum_k w_k y_k subject to
 * y_k <= sum of x_i over candidates i covering k, sum c_i x_i <= budget, sum x_i <= maxSites, x binary,
 * 0 <= y_k <= 1; required cells have y_k >= 1 and each group sum x_i >= 1. Cells covered by the same set of
 * candidates are merged into one y with their demand summed, which keeps the program small. Solved by
 * HiGHS (branch and cut) through the `highs` WebAssembly package; meant for up to a few hundred candidates.
 * @example await solveMaxCoverageExact(candidates, demand, {}, { budgetCny: 1e6, maxSites: Infinity })
 */
export async function solveMaxCoverageExact(
  candidates: readonly CandidateCoverage[],
  cellDemand: Float32Array,
  constraints: CoverageConstraints,
  options: { budgetCny: number; maxSites: number; timeLimitS?: number; locateFile?: (file: string) => string },
): Promise<ExactSolution> {
  const n = candidates.length;
  const nCells = cellDemand.length;
  const req = constraints.requiredCells;

  // Candidates covering each cell (CSR, ascending), then one pattern per distinct (list, required) pair.
  const start = new Uint32Array(nCells + 1);
  for (const c of candidates) for (const cell of c.cellIndices) start[cell + 1]++;
  for (let i = 0; i < nCells; i++) start[i + 1] += start[i];
  const fill = start.slice(0, nCells);
  const coveredBy = new Uint32Array(start[nCells]);
  candidates.forEach((c, ci) => {
    for (const cell of c.cellIndices) coveredBy[fill[cell]++] = ci;
  });
  const patternOf = new Map<string, number>();
  const patternWeight: number[] = [];
  const patternCands: Uint32Array[] = [];
  const patternRequired: boolean[] = [];
  for (let cell = 0; cell < nCells; cell++) {
    if (start[cell] === start[cell + 1]) continue;
    const w = cellDemand[cell] > 0 ? cellDemand[cell] : 0;
    const isRequired = req !== undefined && req[cell] === 1;
    if (w === 0 && !isRequired) continue;
    const list = coveredBy.subarray(start[cell], start[cell + 1]);
    const key = (isRequired ? 'r' : '') + list.join(',');
    let k = patternOf.get(key);
    if (k === undefined) {
      k = patternWeight.length;
      patternOf.set(key, k);
      patternWeight.push(0);
      patternCands.push(list);
      patternRequired.push(isRequired);
    }
    patternWeight[k] += w;
  }
  const m = patternWeight.length;

  // Columns: x_0..x_{n-1} (binary), y_0..y_{m-1}. Rows built as CSR.
  const rowStarts = [0];
  const rowIndex: number[] = [];
  const rowValue: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (cols: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number) => {
    for (let i = 0; i < cols.length; i++) {
      rowIndex.push(cols[i]);
      rowValue.push(values[i]);
    }
    rowStarts.push(rowIndex.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  const highs = await loadHighs(options.locateFile);
  const inf = highs.infinity;
  for (let k = 0; k < m; k++) {
    const list = patternCands[k];
    addRow([n + k, ...list], [1, ...Array.from(list, () => -1)], -inf, 0);
  }
  const xs = Array.from({ length: n }, (_, i) => i);
  // Budget in units of 10,000 CNY keeps the row's coefficients near 1.
  if (Number.isFinite(options.budgetCny)) addRow(xs, candidates.map((c) => c.costCny / 1e4), -inf, options.budgetCny / 1e4);
  if (Number.isFinite(options.maxSites)) addRow(xs, xs.map(() => 1), -inf, options.maxSites);
  for (const g of constraints.groups ?? []) addRow(g, g.map(() => 1), 1, inf);

  const numCols = n + m;
  const model = {
    numCols,
    numRows: rowLower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: [...new Array<number>(n).fill(0), ...patternWeight],
    colLower: [...new Array<number>(n).fill(0), ...patternRequired.map((r) => (r ? 1 : 0))],
    colUpper: new Array<number>(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: rowLower.length,
      numCols,
      starts: Int32Array.from(rowStarts),
      indices: Int32Array.from(rowIndex),
      values: Float64Array.from(rowValue),
    },
    integrality: [...new Array<0 | 1>(n).fill(highs.constants.variableType.integer), ...new Array<0 | 1>(m).fill(highs.constants.variableType.continuous)],
  };
  return highs.withModel(model, (lp) => {
    lp.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: options.timeLimitS ?? 60 });
    lp.run();
    const code = lp.getModelStatus();
    const s = highs.constants.modelStatus;
    const status: ExactSolution['status'] =
      code === s.optimal ? 'optimal' : code === s.timeLimit ? 'time-limit' : code === s.infeasible ? 'infeasible' : 'error';
    if (status === 'infeasible' || status === 'error') {
      return { status, message: `HiGHS model status ${code}`, objectiveDemand: NaN, upperBoundDemand: NaN, chosen: [], patternCount: m };
    }
    const x = lp.getSolution().colValue;
    const chosen = xs.filter((i) => x[i] > 0.5);
    const objectiveDemand = lp.getObjectiveValue();
    const bound = Number(lp.info.get('mip_dual_bound'));
    return {
      status,
      objectiveDemand,
      upperBoundDemand: status === 'optimal' ? objectiveDemand : bound,
      chosen,
      patternCount: m,
    };
  });
}
