import type { CancelToken, ProgressFn } from '../cancel';
import type { GeoRaster } from '../grid/geoRaster';
import type { GridSpec } from '../grid/gridSpec';
import { resampleBilinear } from '../grid/resampleBilinear';
import type { GridLayer } from '../model/project';

/**
 * A project terrain layer from a DEM (heights, m; from geodata/dem readDemGeoTiff or readHgt), resampled
 * bilinearly to `grid` (core/grid/resampleBilinear); cells the DEM does not cover are NaN. Provenance 'file'.
 * @example project.terrain = demTerrainLayer(dem, project.grid, 'N27E106.hgt');
 */
export function demTerrainLayer(
  dem: GeoRaster,
  grid: GridSpec,
  fileName: string,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): GridLayer {
  return { values: resampleBilinear(dem, grid, options), provenance: 'file', source: `${fileName} (bilinear to the ${grid.cellSizeM} m grid)` };
}
