import type { CancelToken, ProgressFn } from '../../core/cancel';
import { resampleNearest } from '../../core/grid/resampleNearest';
import type { GridSpec } from '../../core/grid/gridSpec';
import type { GridLayer } from '../../core/model/project';
import { LAND_USE, LAND_USE_DENSITY_THRESHOLDS_PER_KM2, landUseOfDensity } from '../../core/propagation/landUse';
import { fail, ok, type Result } from '../../core/result';
import { readGeoTiffRaster } from '../raster/readGeoTiffRaster';
import { BUILT_UP, LAND_USE_SCHEMES, type LandUseScheme } from './landUseSchemes';

/**
 * A project land-use layer from a land-cover GeoTIFF: band 1 read with readGeoTiffRaster (EPSG 4326 / 4490 /
 * UTM / 3857), resampled to `grid` by nearest neighbour, each code mapped through `scheme` (LAND_USE_SCHEMES);
 * built-up pixels become dense urban, urban or suburban by the population density of the cell when
 * `populationPerCell` is given (persons per grid cell; at least suburban), else urban. Cells the raster does not
 * cover, or whose code the scheme does not list, are NaN (the coverage then takes no clutter there).
 * Provenance 'file'. Failures (Result naming `fileName`): readGeoTiffRaster's, 'bad-values' when no pixel under
 * the grid holds a code of the scheme (the wrong scheme, or a raster of elsewhere).
 * @example const r = await readLandUseLayer(bytes, 'ESA_WorldCover_N27E105.tif', project.grid, { scheme: 'worldcover' })
 */
export async function readLandUseLayer(
  bytes: Uint8Array,
  fileName: string,
  grid: GridSpec,
  options: { scheme: LandUseScheme; populationPerCell?: Float32Array; cancel?: CancelToken; onProgress?: ProgressFn },
): Promise<Result<GridLayer>> {
  const table = LAND_USE_SCHEMES[options.scheme];
  if (!table) throw new RangeError(`options.scheme must be one of ${Object.keys(LAND_USE_SCHEMES).join(', ')}, got ${String(options.scheme)}`);
  const read = await readGeoTiffRaster(bytes, fileName);
  if (!read.ok) return read;
  const codes = resampleNearest(read.value, grid, { cancel: options.cancel, onProgress: options.onProgress });
  const cellKm2 = (grid.cellSizeM / 1000) ** 2;
  const counts = new Map<number, number>();
  let mapped = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    let cls: number | undefined = Number.isNaN(code) ? undefined : table[code];
    if (cls === BUILT_UP) {
      const density = options.populationPerCell ? options.populationPerCell[i] / cellKm2 : NaN;
      cls = Number.isFinite(density) ? Math.max(landUseOfDensity(density), LAND_USE.suburban) : LAND_USE.urban;
    }
    codes[i] = cls ?? NaN;
    if (cls !== undefined) {
      mapped++;
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
    }
  }
  if (mapped === 0) return fail('bad-values', `${fileName}: no pixel under the project grid holds a ${options.scheme} land-cover code`);
  const builtUp = options.populationPerCell
    ? `built-up split by population density (dense urban >= ${LAND_USE_DENSITY_THRESHOLDS_PER_KM2.denseUrban}, urban >= ${LAND_USE_DENSITY_THRESHOLDS_PER_KM2.urban} persons/km2, else suburban)`
    : 'built-up as urban';
  return ok({ values: codes, provenance: 'file', source: `${fileName} (${options.scheme} classes, nearest to the ${grid.cellSizeM} m grid; ${builtUp}; ${mapped} of ${codes.length} cells classed)` });
}
