/**
 * Samples a terrain raster along a straight line (the site→cell profile for terrainProfile.ts).
 */
import type { GridSpec } from '../grid/gridSpec';

/**
 * Bilinear samples of `terrainM` (row-major over `grid`, row 0 = north) at `count` equally spaced points from
 * (fromXM, fromYM) to (toXM, toYM) inclusive, m. Points outside the grid or next to NaN cells are NaN.
 * Never throws; `count` < 2 gives the two end points.
 * @example sampleProfileM(grid, dem, 0, 0, 1000, 0, 41) // 41 heights every 25 m
 */
export function sampleProfileM(
  grid: GridSpec,
  terrainM: Float32Array | Float64Array,
  fromXM: number,
  fromYM: number,
  toXM: number,
  toYM: number,
  count: number,
  out: Float32Array | Float64Array = new Float64Array(Math.max(2, count)),
): Float32Array | Float64Array {
  const n = Math.max(2, Math.floor(count));
  const { cols, rows, cellSizeM, originXM, originYM } = grid;
  for (let k = 0; k < n; k++) {
    const t = k / (n - 1);
    // fractional column/row of the point relative to cell centres
    const fx = (fromXM + (toXM - fromXM) * t - originXM) / cellSizeM - 0.5;
    const fy = (originYM - (fromYM + (toYM - fromYM) * t)) / cellSizeM - 0.5;
    const c0 = Math.floor(fx);
    const r0 = Math.floor(fy);
    const c0c = Math.min(Math.max(c0, 0), cols - 1);
    const c1c = Math.min(Math.max(c0 + 1, 0), cols - 1);
    const r0c = Math.min(Math.max(r0, 0), rows - 1);
    const r1c = Math.min(Math.max(r0 + 1, 0), rows - 1);
    if (fx < -0.5 || fy < -0.5 || fx > cols - 0.5 || fy > rows - 0.5) {
      out[k] = NaN;
      continue;
    }
    const ax = Math.min(Math.max(fx - c0, 0), 1);
    const ay = Math.min(Math.max(fy - r0, 0), 1);
    const h00 = terrainM[r0c * cols + c0c];
    const h01 = terrainM[r0c * cols + c1c];
    const h10 = terrainM[r1c * cols + c0c];
    const h11 = terrainM[r1c * cols + c1c];
    out[k] = (h00 * (1 - ax) + h01 * ax) * (1 - ay) + (h10 * (1 - ax) + h11 * ax) * ay;
  }
  return out;
}
