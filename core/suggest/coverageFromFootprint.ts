import { NO_RSRP_CENTI_DBM, type SiteFootprint } from '../coverage';
import type { GridSpec } from '../grid/gridSpec';
import type { CandidateCoverage } from './types';

/**
 * What coverageFromRsrpWindow finds (the grid cells where the candidate's best sector meets the cell's
 * threshold and which `alreadyCovered` does not mark), read straight from the footprint's in-range spans in
 * centi-dBm: no window-sized float array per sector (their allocation and the out-of-range corners were much of
 * a large county's suggestion time). Each value is compared as footprintRsrpDbm decodes it (value / 100 as a
 * 32-bit float), so the cells are the same.
 * @example coverageFromFootprint(fp, thresholdDbm, grid, covered, 'C1', 450_000)
 */
export function coverageFromFootprint(
  fp: SiteFootprint,
  thresholdDbm: Float32Array,
  grid: GridSpec,
  alreadyCovered: Uint8Array,
  candidateId: string,
  costCny: number,
): CandidateCoverage {
  const n = grid.cols * grid.rows;
  if (thresholdDbm.length !== n) throw new RangeError(`thresholdDbm must have ${n} cells, got ${thresholdDbm.length}`);
  if (alreadyCovered.length !== n) throw new RangeError(`alreadyCovered must have ${n} cells, got ${alreadyCovered.length}`);
  if (!(costCny > 0) || !Number.isFinite(costCny)) throw new RangeError(`costCny must be > 0, got ${costCny}`);
  const values = fp.sectors.map((s) => s.rsrpCentiDbm);
  const out: number[] = [];
  for (let r = 0; r < fp.rows; r++) {
    const row = fp.row0 + r;
    if (row < 0 || row >= grid.rows) continue;
    const col0 = fp.col0 + fp.spanCol0[r] - fp.spanStart[r];
    for (let j = fp.spanStart[r]; j < fp.spanStart[r + 1]; j++) {
      const col = col0 + j;
      if (col < 0 || col >= grid.cols) continue;
      const cell = row * grid.cols + col;
      if (alreadyCovered[cell]) continue;
      const t = thresholdDbm[cell];
      for (let k = 0; k < values.length; k++) {
        const v = values[k][j];
        if (v !== NO_RSRP_CENTI_DBM && Math.fround(v / 100) >= t) {
          out.push(cell);
          break;
        }
      }
    }
  }
  return { candidateId, costCny, cellIndices: Uint32Array.from(out) };
}
