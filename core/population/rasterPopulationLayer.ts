import type { MultiPolygon } from 'geojson';
import type { CancelToken, ProgressFn } from '../cancel';
import type { GeoRaster } from '../grid/geoRaster';
import type { GridSpec } from '../grid/gridSpec';
import { polygonMask } from '../grid/polygonMask';
import { resampleMassPreserving } from '../grid/resampleMassPreserving';
import type { GridLayer } from '../model/project';

/**
 * A project population layer from a real raster (persons per pixel, e.g. from
 * geodata/population/readPopulationGeoTiff): mass-preserving resampling to `grid`
 * (core/grid/resampleMassPreserving, areal weighting), then clipped to `boundary` (0 outside). Replaces the
 * modelled layer; provenance 'file'. The result's sum is the raster's count inside the county.
 * @example project.population = rasterPopulationLayer(worldPop, project.grid, project.boundary, 'chn_ppp_2020.tif');
 */
export function rasterPopulationLayer(
  raster: GeoRaster,
  grid: GridSpec,
  boundary: MultiPolygon,
  fileName: string,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): GridLayer {
  const values = resampleMassPreserving(raster, grid, options);
  const mask = polygonMask(grid, boundary);
  let totalPersons = 0;
  for (let i = 0; i < values.length; i++) {
    if (!mask[i]) values[i] = 0;
    else totalPersons += values[i];
  }
  return {
    values, provenance: 'file', source: `${fileName} (areal-weighted to the ${grid.cellSizeM} m grid, clipped to the county)`,
    details: { kind: 'population', method: 'raster-file', totalPersons, raster: { name: fileName } },
  };
}
