import type { GeoRaster } from '../../core/grid/geoRaster';
import { WGS84_LONLAT } from '../../core/grid/geoRaster';
import { fail, ok, type Result } from '../../core/result';

/** SRTM void marker. */
const HGT_VOID = -32768;

/**
 * Reads an SRTM .hgt tile: 1201x1201 (3 arc-second) or 3601x3601 (1 arc-second) big-endian signed 16-bit
 * heights in metres, row 0 = north, posts on whole-degree lines; the file name ('N27E106.hgt') gives the
 * south-west corner. Voids (-32768) become NaN. Returned as pixel-is-area: each post is the centre of a
 * pixel, so the raster's edges sit half a post outside the whole degrees.
 * Format: NASA SRTM v3 / USGS "SRTM Topography" documentation (SRTM_Topo.pdf).
 * Failures (Result) name the file: 'bad-name' (no N/S..E/W.. tile name), 'bad-size' (not 2*1201^2 or 2*3601^2 bytes).
 * @example readHgt(bytes, 'N27E106.hgt') // ok: 1201x1201 posts over 106-107E, 27-28N
 */
export function readHgt(bytes: Uint8Array, fileName: string): Result<GeoRaster> {
  const m = /([NS])(\d{1,2})([EW])(\d{1,3})(?:\.SRTMGL[13])?\.hgt$/i.exec(fileName);
  if (!m) return fail('bad-name', `${fileName}: an .hgt file name must give its tile, e.g. N27E106.hgt`);
  const latDeg = (m[1].toUpperCase() === 'S' ? -1 : 1) * Number(m[2]);
  const lonDeg = (m[3].toUpperCase() === 'W' ? -1 : 1) * Number(m[4]);
  const size = bytes.length === 2 * 1201 * 1201 ? 1201 : bytes.length === 2 * 3601 * 3601 ? 3601 : 0;
  if (!size) {
    return fail('bad-size', `${fileName}: ${bytes.length} bytes; an SRTM .hgt has ${2 * 1201 * 1201} (3") or ${2 * 3601 * 3601} (1") bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(size * size);
  for (let i = 0; i < values.length; i++) {
    const h = view.getInt16(2 * i, false);
    values[i] = h === HGT_VOID ? NaN : h;
  }
  const stepDeg = 1 / (size - 1);
  return ok({
    width: size,
    height: size,
    values,
    originX: lonDeg - stepDeg / 2,
    originY: latDeg + 1 + stepDeg / 2,
    pixelSizeX: stepDeg,
    pixelSizeY: stepDeg,
    crs: WGS84_LONLAT,
  });
}
