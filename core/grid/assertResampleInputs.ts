import { assertGridSpec, type GridSpec } from './gridSpec';
import type { GeoRaster } from './geoRaster';

/**
 * Checks a resampler's inputs once at its public entry: a valid grid, a raster whose values fill its
 * width x height, and an output of one value per grid cell; throws RangeError naming the bad argument.
 * @example assertResampleInputs(dem, project.grid, out)
 */
export function assertResampleInputs(raster: GeoRaster, grid: GridSpec, out: Float32Array): void {
  assertGridSpec(grid);
  if (raster.values.length !== raster.width * raster.height) {
    throw new RangeError(`raster.values must have width*height = ${raster.width * raster.height} values, got ${raster.values.length}`);
  }
  if (out.length !== grid.cols * grid.rows) throw new RangeError(`out must have ${grid.cols * grid.rows} cells, got ${out.length}`);
}
