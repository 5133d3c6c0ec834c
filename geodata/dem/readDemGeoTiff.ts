import type { GeoRaster } from '../../core/grid/geoRaster';
import { fail, type Result } from '../../core/result';
import { readGeoTiffRaster } from '../raster/readGeoTiffRaster';

/** Heights outside this range (m) are not terrain: a wrong band or a scaled product. Dead Sea to Everest, padded. */
const MIN_HEIGHT_M = -500;
const MAX_HEIGHT_M = 9000;

/**
 * Reads a DEM GeoTIFF (heights above sea level in metres, band 1; e.g. SRTM, ASTER GDEM, Copernicus GLO-30)
 * into a GeoRaster. Besides readGeoTiffRaster's failures: 'bad-values' when no cell holds data or heights
 * lie outside -500..9000 m, naming `fileName`.
 * @example const dem = await readDemGeoTiff(bytes, 'guizhou.tif'); if (!dem.ok) showError(dem.message);
 */
export async function readDemGeoTiff(bytes: Uint8Array, fileName: string): Promise<Result<GeoRaster>> {
  const read = await readGeoTiffRaster(bytes, fileName);
  if (!read.ok) return read;
  let count = 0;
  let minM = Infinity;
  let maxM = -Infinity;
  for (const v of read.value.values) {
    if (Number.isNaN(v)) continue;
    count++;
    if (v < minM) minM = v;
    if (v > maxM) maxM = v;
  }
  if (count === 0) return fail('bad-values', `${fileName}: every cell is no-data`);
  if (minM < MIN_HEIGHT_M || maxM > MAX_HEIGHT_M) {
    return fail('bad-values', `${fileName}: heights ${minM}..${maxM} are not metres above sea level (expected ${MIN_HEIGHT_M}..${MAX_HEIGHT_M})`);
  }
  return read;
}
