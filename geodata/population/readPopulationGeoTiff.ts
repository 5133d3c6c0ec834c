import type { GeoRaster } from '../../core/grid/geoRaster';
import { WGS84_LONLAT } from '../../core/grid/geoRaster';
import { geographicPixelAreaKm2 } from '../../core/grid/pixelAreaKm2';
import { fail, ok, type Result } from '../../core/result';
import { readGeoTiffRaster } from '../raster/readGeoTiffRaster';

/** What a population raster's pixels hold: WorldPop 'ppp' files hold persons per pixel, GPW 'popdensity' persons/km2. */
export type PopulationUnit = 'persons-per-cell' | 'persons-per-km2';

/**
 * Reads a population GeoTIFF in geographic WGS-84 / CGCS2000 (WorldPop, GPW) and returns persons per
 * pixel. `unit` says what the file holds (the file cannot say it): densities (persons/km2) are multiplied
 * by each pixel's area on the authalic sphere, A = R^2 * dLon * (sin(latN) - sin(latS)) (Snyder 1987).
 * Failures (Result, naming `fileName`): readGeoTiffRaster's, 'unsupported-crs' for a projected raster
 * (resample it to EPSG:4326 first), 'bad-values' for negative counts or no data at all.
 * @example const pop = await readPopulationGeoTiff(bytes, 'gpw_popdensity.tif', { unit: 'persons-per-km2' });
 */
export async function readPopulationGeoTiff(
  bytes: Uint8Array,
  fileName: string,
  options: { unit: PopulationUnit },
): Promise<Result<GeoRaster>> {
  if (options.unit !== 'persons-per-cell' && options.unit !== 'persons-per-km2') {
    throw new RangeError(`options.unit must be 'persons-per-cell' or 'persons-per-km2', got ${String(options.unit)}`);
  }
  const read = await readGeoTiffRaster(bytes, fileName);
  if (!read.ok) return read;
  const r = read.value;
  if (r.crs !== WGS84_LONLAT) {
    return fail('unsupported-crs', `${fileName}: population rasters must be in geographic WGS-84 (EPSG:4326) or CGCS2000; this one is projected (${r.crs})`);
  }
  const values = r.values;
  let valid = 0;
  for (const v of values) {
    if (v < 0) return fail('bad-values', `${fileName}: negative population value ${v}`);
    if (!Number.isNaN(v)) valid++;
  }
  if (valid === 0) return fail('bad-values', `${fileName}: every cell is no-data`);
  if (options.unit === 'persons-per-cell') return read;
  const out = new Float32Array(values.length);
  for (let row = 0; row < r.height; row++) {
    const areaKm2 = geographicPixelAreaKm2(r.originY - row * r.pixelSizeY, r.pixelSizeX, r.pixelSizeY);
    for (let col = 0, i = row * r.width; col < r.width; col++, i++) out[i] = values[i] * areaKm2;
  }
  return ok({ ...r, values: out });
}
