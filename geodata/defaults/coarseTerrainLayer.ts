import type { MultiPolygon } from 'geojson';
import type { CancelToken, ProgressFn } from '../../core/cancel';
import type { GeoRaster } from '../../core/grid/geoRaster';
import { groundResolutionM } from '../../core/grid/groundResolutionM';
import type { GridSpec } from '../../core/grid/gridSpec';
import { polygonMask } from '../../core/grid/polygonMask';
import type { GridLayer, TerrainDetails } from '../../core/model';
import { demTerrainLayer } from '../../core/terrain/demTerrainLayer';
import { SHIPPED_TERRAIN } from './shippedData';

/**
 * The default terrain of a new county: the shipped SRTM30_PLUS (0.02 deg, about 2 km) resampled bilinearly to
 * the grid (core/terrain demTerrainLayer), labelled as coarse: it shows the county's broad relief, not valleys
 * or ridges narrower than about 2 km, so no shadowing by local hills; a finer DEM should be loaded
 * (geodata/dem loadDemTiles). `centreLatDeg` sets the ground resolution reported.
 * @example project.terrain = coarseTerrainLayer(defaults.terrain!, project.grid, project.boundary, 26.87);
 */
export function coarseTerrainLayer(
  srtm: GeoRaster,
  grid: GridSpec,
  boundary: MultiPolygon,
  centreLatDeg: number,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): GridLayer {
  const layer = demTerrainLayer(srtm, grid, SHIPPED_TERRAIN.fileName, options);
  const mask = polygonMask(grid, boundary);
  let minM = Infinity;
  let maxM = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    const h = layer.values[i];
    if (!mask[i] || Number.isNaN(h)) continue;
    if (h < minM) minM = h;
    if (h > maxM) maxM = h;
  }
  const resolutionM = Math.round(groundResolutionM(srtm, centreLatDeg) / 10) * 10;
  const details: TerrainDetails = {
    kind: 'terrain', method: 'shipped-coarse', resolutionM, citation: `${SHIPPED_TERRAIN.name} (Becker et al. 2009)`,
    minM: Number.isFinite(minM) ? minM : NaN, maxM: Number.isFinite(maxM) ? maxM : NaN,
  };
  return {
    ...layer,
    source:
      `COARSE: ${SHIPPED_TERRAIN.name} (Becker et al. 2009), ${SHIPPED_TERRAIN.resolution} (~${resolutionM} m), bilinear to the ` +
      `${grid.cellSizeM} m grid; shows the broad relief only, no valleys or ridges under ~2 km, so no shadowing by local hills: load a finer DEM`,
    details,
  };
}
