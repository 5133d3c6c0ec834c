import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { assertResampleInputs } from './assertResampleInputs';
import type { GeoRaster } from './geoRaster';
import { cellCentreXM, cellCentreYM, type GridSpec } from './gridSpec';

/**
 * Resamples a categorical raster (class codes: land use) to `grid`: each cell takes the value of the raster
 * pixel under its centre (nearest neighbour; classes must not be averaged), with the grid's proj4 CRS converted
 * to the raster's. Cells outside the raster are NaN.
 * Method: nearest-neighbour resampling (e.g. GDAL gdalwarp -r near).
 * @example const codes = resampleNearest(landCover, project.grid)
 */
export function resampleNearest(
  raster: GeoRaster,
  grid: GridSpec,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
  out = new Float32Array(grid.cols * grid.rows),
): Float32Array {
  assertResampleInputs(raster, grid, out);
  const toRaster = proj4(grid.crs, raster.crs);
  const { width, height, values } = raster;
  for (let row = 0; row < grid.rows; row++) {
    throwIfCancelled(options.cancel);
    const yM = cellCentreYM(grid, row);
    for (let col = 0, i = row * grid.cols; col < grid.cols; col++, i++) {
      const [x, y] = toRaster.forward([cellCentreXM(grid, col), yM]);
      const u = Math.floor((x - raster.originX) / raster.pixelSizeX);
      const v = Math.floor((raster.originY - y) / raster.pixelSizeY);
      out[i] = u >= 0 && v >= 0 && u < width && v < height ? values[v * width + u] : NaN;
    }
    options.onProgress?.((row + 1) / grid.rows);
  }
  return out;
}
