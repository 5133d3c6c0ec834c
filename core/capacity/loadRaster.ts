import type { CellWindow } from '../coverage/cellWindow';
import { sectorLoad, type CapacityState } from './capacityState';

/**
 * The load map: per cell of `window` (row-major within it), the busy-hour load of the sector serving the
 * cell (sectorLoad, may exceed 1); NaN where no sector serves it. Reads the state as last updated.
 * @example const load = loadRaster(cap, { col0: 0, row0: 0, cols: grid.cols, rows: grid.rows })
 */
export function loadRaster(state: CapacityState, window: CellWindow, out = new Float32Array(window.cols * window.rows)): Float32Array {
  if (out.length !== window.cols * window.rows) throw new RangeError(`out must have window.cols * window.rows = ${window.cols * window.rows} values, got ${out.length}`);
  const loads = sectorLoads(state);
  const { cols } = state.prep.scoring.grid;
  const { server } = state;
  for (let r = 0; r < window.rows; r++) {
    const from = (window.row0 + r) * cols + window.col0;
    for (let c = 0; c < window.cols; c++) {
      const k = server[from + c];
      out[r * window.cols + c] = k >= 0 ? loads[k] : NaN;
    }
  }
  return out;
}

/**
 * The load of every sector, indexed like the coverage raster's cellIds (0 for a sector serving no demand).
 * @example sectorLoads(cap)[raster.bestServer[i]]
 */
export function sectorLoads(state: CapacityState): Float32Array {
  const out = new Float32Array(state.sectors.count);
  for (let k = 0; k < out.length; k++) out[k] = sectorLoad(state, k);
  return out;
}
