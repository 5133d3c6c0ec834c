import type { GridSpec } from '../grid/gridSpec';
import type { CandidateCoverage, GridWindow } from './types';

/**
 * Turns one candidate's predicted RSRP over a grid window (the radio engine's per-sector footprint, best
 * sector per cell when given several) into its CandidateCoverage: cells inside the grid where RSRP meets
 * `thresholdDbm` and which `alreadyCovered` does not mark. `thresholdDbm` is one value or one per grid
 * cell (e.g. the indoor target plus O2I loss at deep-coverage places). NaN RSRP never covers.
 * @example coverageFromRsrpWindow({ col0: 0, row0: 0, cols: 2, rows: 1 }, [Float32Array.of(-90, -120)], -110, grid, covered, 'C1', 5e4)
 */
export function coverageFromRsrpWindow(
  window: GridWindow,
  rsrpDbm: readonly Float32Array[],
  thresholdDbm: number | Float32Array,
  grid: GridSpec,
  alreadyCovered: Uint8Array,
  candidateId: string,
  costCny: number,
): CandidateCoverage {
  const n = grid.cols * grid.rows;
  const size = window.cols * window.rows;
  rsrpDbm.forEach((a, s) => {
    if (a.length !== size) throw new RangeError(`rsrpDbm[${s}] must have window.cols * window.rows = ${size} values, got ${a.length}`);
  });
  if (alreadyCovered.length !== n) throw new RangeError(`alreadyCovered must have ${n} cells, got ${alreadyCovered.length}`);
  if (typeof thresholdDbm !== 'number' && thresholdDbm.length !== n) {
    throw new RangeError(`thresholdDbm must be a number or have ${n} cells, got ${thresholdDbm.length}`);
  }
  if (!(costCny > 0) || !Number.isFinite(costCny)) throw new RangeError(`costCny must be > 0, got ${costCny}`);
  const out: number[] = [];
  // Rows then columns ascending keeps cellIndices sorted, as CandidateCoverage requires.
  for (let r = 0; r < window.rows; r++) {
    const row = window.row0 + r;
    if (row < 0 || row >= grid.rows) continue;
    for (let c = 0; c < window.cols; c++) {
      const col = window.col0 + c;
      if (col < 0 || col >= grid.cols) continue;
      const cell = row * grid.cols + col;
      if (alreadyCovered[cell]) continue;
      const t = typeof thresholdDbm === 'number' ? thresholdDbm : thresholdDbm[cell];
      const w = r * window.cols + c;
      for (const sector of rsrpDbm) {
        if (sector[w] >= t) {
          out.push(cell);
          break;
        }
      }
    }
  }
  return { candidateId, costCny, cellIndices: Uint32Array.from(out) };
}
