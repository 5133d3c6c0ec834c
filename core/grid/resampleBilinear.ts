import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { assertResampleInputs } from './assertResampleInputs';
import type { GeoRaster } from './geoRaster';
import { cellCentreXM, cellCentreYM, type GridSpec } from './gridSpec';

/** Cells between exactly projected points along a grid row; tmerc is smooth enough that linear steps err < 1 mm. */
const LATTICE_STEP = 16;

/**
 * Resamples a continuous raster (terrain heights, m) to `grid` by bilinear interpolation between the four
 * nearest pixel centres, with the grid's proj4 CRS converted to the raster's. Within the raster's outer
 * half pixel the edge values hold; cells outside the raster or next to a no-data pixel are NaN.
 * Cell centres are projected exactly on a lattice of every 16th row and column and bilinearly in between
 * (the transverse Mercator is smooth enough that this errs by millimetres).
 * Method: bilinear interpolation (e.g. GDAL gdalwarp -r bilinear).
 * @example const terrainM = resampleBilinear(dem, project.grid, { onProgress: (f) => bar.set(f) });
 */
export function resampleBilinear(
  raster: GeoRaster,
  grid: GridSpec,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
  out = new Float32Array(grid.cols * grid.rows),
): Float32Array {
  assertResampleInputs(raster, grid, out);
  const toRaster = proj4(grid.crs, raster.crs);
  const { width, height, values } = raster;
  const nodes = Math.ceil((grid.cols - 1) / LATTICE_STEP) + 1;
  const nodeRows = Math.ceil((grid.rows - 1) / LATTICE_STEP) + 1;
  // (u, v): position in pixel-centre units, 0 at the centre of pixel (0, 0); lattice rows `top` and `bottom`
  const lattice = (nodeRow: number, u: Float64Array, v: Float64Array) => {
    const yM = cellCentreYM(grid, Math.min(nodeRow * LATTICE_STEP, grid.rows - 1));
    for (let n = 0; n < nodes; n++) {
      const [x, y] = toRaster.forward([cellCentreXM(grid, Math.min(n * LATTICE_STEP, grid.cols - 1)), yM]);
      u[n] = (x - raster.originX) / raster.pixelSizeX - 0.5;
      v[n] = (raster.originY - y) / raster.pixelSizeY - 0.5;
    }
  };
  let topU = new Float64Array(nodes), topV = new Float64Array(nodes), botU = new Float64Array(nodes), botV = new Float64Array(nodes);
  let top = -1;
  const nodeU = new Float64Array(nodes);
  const nodeV = new Float64Array(nodes);
  for (let row = 0; row < grid.rows; row++) {
    throwIfCancelled(options.cancel);
    const nr = nodeRows < 2 ? 0 : Math.min(Math.floor(row / LATTICE_STEP), nodeRows - 2);
    if (nr !== top) {
      if (nr === top + 1 && top >= 0) {
        [topU, botU] = [botU, topU];
        [topV, botV] = [botV, topV];
      } else {
        lattice(nr, topU, topV);
      }
      if (nodeRows >= 2) lattice(nr + 1, botU, botV);
      top = nr;
    }
    const r0 = nr * LATTICE_STEP;
    const r1 = Math.min(r0 + LATTICE_STEP, grid.rows - 1);
    const g = nodeRows < 2 || r1 === r0 ? 0 : (row - r0) / (r1 - r0);
    for (let n = 0; n < nodes; n++) {
      nodeU[n] = g === 0 ? topU[n] : topU[n] + g * (botU[n] - topU[n]);
      nodeV[n] = g === 0 ? topV[n] : topV[n] + g * (botV[n] - topV[n]);
    }
    for (let col = 0, i = row * grid.cols; col < grid.cols; col++, i++) {
      const n = Math.min(Math.floor(col / LATTICE_STEP), nodes - 2);
      const c0 = n * LATTICE_STEP;
      const c1 = Math.min(c0 + LATTICE_STEP, grid.cols - 1);
      const f = nodes < 2 || c1 === c0 ? 0 : (col - c0) / (c1 - c0);
      let u = nodes < 2 ? nodeU[0] : nodeU[n] + f * (nodeU[n + 1] - nodeU[n]);
      let v = nodes < 2 ? nodeV[0] : nodeV[n] + f * (nodeV[n + 1] - nodeV[n]);
      if (!(u >= -0.5 && v >= -0.5 && u <= width - 0.5 && v <= height - 0.5)) {
        out[i] = NaN;
        continue;
      }
      // Within the outer half pixel the edge pixels' values hold (clamped, as GDAL does); positions within
      // 1e-6 pixel of a centre snap to it, so projection round-off does not pull in a no-data neighbour.
      u = snap(Math.min(Math.max(u, 0), width - 1));
      v = snap(Math.min(Math.max(v, 0), height - 1));
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const u1 = Math.min(u0 + 1, width - 1);
      const v1 = Math.min(v0 + 1, height - 1);
      const fu = u - u0;
      const fv = v - v0;
      const top = lerp(values[v0 * width + u0], values[v0 * width + u1], fu);
      out[i] = fv === 0 ? top : lerp(top, lerp(values[v1 * width + u0], values[v1 * width + u1], fu), fv);
    }
    options.onProgress?.((row + 1) / grid.rows);
  }
  return out;
}

/** Linear interpolation that ignores the end with zero weight, so a no-data neighbour there does not spread. */
function lerp(a: number, b: number, f: number): number {
  return f === 0 ? a : a + (b - a) * f;
}

function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : x;
}
