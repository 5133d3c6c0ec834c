import { fromArrayBuffer } from 'geotiff';
import type { GeoRaster } from '../../core/grid/geoRaster';
import { WGS84_LONLAT } from '../../core/grid/geoRaster';
import { fail, ok, type Result } from '../../core/result';

/** GeoTIFF model types (GeoTIFF 1.1, OGC 19-008r4, GTModelTypeGeoKey). */
const MODEL_PROJECTED = 1;
const MODEL_GEOGRAPHIC = 2;
const RASTER_PIXEL_IS_POINT = 2;

/**
 * Largest raster decoded, in cells: band 1 plus the Float32 copy take about 8 bytes a cell, so 1.6 GB at most.
 * Guizhou (about 176,000 km2) at 30 m is about 196 million cells.
 */
export const MAX_RASTER_CELLS = 200_000_000;

/**
 * proj4 definition for an EPSG code we accept, or undefined. Geographic WGS-84 (4326) and CGCS2000 (4490,
 * within centimetres of WGS-84), WGS-84 UTM zones (326zz north, 327zz south) and Web Mercator (3857).
 */
function proj4ForEpsg(model: number, code: number): string | undefined {
  if (model === MODEL_GEOGRAPHIC && (code === 4326 || code === 4490)) return WGS84_LONLAT;
  if (model !== MODEL_PROJECTED) return undefined;
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code >= 32701 && code <= 32760) return `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m +no_defs`;
  if (code === 3857) return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
  return undefined;
}

/**
 * Reads band 1 of a GeoTIFF (geotiff.js) into a GeoRaster: north-up, Float32, GDAL nodata -> NaN. Expected
 * failures are Results naming `fileName`: 'bad-file' (not a readable TIFF), 'no-georeference' (no tie point /
 * pixel scale / transformation), 'rotated' (a sheared or rotated transformation), 'unsupported-crs' (a CRS
 * other than EPSG 4326/4490, UTM 326zz/327zz or 3857), 'too-large' (width x height over MAX_RASTER_CELLS or
 * a bad sample size, checked from the header before any pixel is decoded).
 * Tags: GeoTIFF 1.1 (OGC 19-008r4); GDAL_NODATA is TIFF tag 42113.
 * @example const r = await readGeoTiffRaster(bytes, 'dem.tif'); if (r.ok) console.log(r.value.width);
 */
export async function readGeoTiffRaster(bytes: Uint8Array, fileName: string): Promise<Result<GeoRaster>> {
  let image;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    image = await (await fromArrayBuffer(buffer)).getImage(0);
  } catch (err) {
    return fail('bad-file', `${fileName}: not a readable TIFF (${(err as Error).message})`);
  }
  // The affine transform from the tags (GeoTIFF 1.1 section 7.2): x = x0 + col * dx, y = y0 + row * dy.
  // Read directly: geotiff.js getResolution() flips the sign of dy for ModelTransformation only.
  const dir = image.fileDirectory;
  const transform = dir.getValue('ModelTransformation') as number[] | undefined;
  const scale = dir.getValue('ModelPixelScale') as number[] | undefined;
  const tie = dir.getValue('ModelTiepoint') as number[] | undefined;
  let x0: number, y0: number, dx: number, dy: number;
  if (transform) {
    if (transform[1] !== 0 || transform[4] !== 0) return fail('rotated', `${fileName}: rotated or sheared rasters are not supported`);
    [dx, x0, dy, y0] = [transform[0], transform[3], transform[5], transform[7]];
  } else if (scale && tie && tie.length >= 6) {
    [dx, dy] = [scale[0], -scale[1]];
    [x0, y0] = [tie[3] - tie[0] * dx, tie[4] - tie[1] * dy];
  } else {
    return fail('no-georeference', `${fileName}: the GeoTIFF has no georeferencing (no tie point and pixel scale, or transformation)`);
  }
  if (!(dx > 0) || !(dy !== 0) || ![x0, y0].every(Number.isFinite)) {
    return fail('no-georeference', `${fileName}: the GeoTIFF's transform is degenerate (pixel size ${dx} x ${dy})`);
  }
  const keys = image.getGeoKeys() ?? {};
  const model = Number(keys.GTModelTypeGeoKey);
  const code = Number(model === MODEL_GEOGRAPHIC ? keys.GeographicTypeGeoKey : keys.ProjectedCSTypeGeoKey);
  const crs = proj4ForEpsg(model, code);
  if (!crs) {
    const what = Number.isFinite(code) ? `EPSG:${code}` : 'a CRS without an EPSG code';
    return fail('unsupported-crs', `${fileName}: unsupported coordinate system ${what}; use geographic WGS-84 (EPSG:4326), CGCS2000 (4490), WGS-84 UTM or Web Mercator`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  let sampleBytes = NaN;
  try {
    sampleBytes = image.getSampleByteSize(0);
  } catch {
    // no BitsPerSample: refused below with the sizes we know
  }
  if (!(width * height <= MAX_RASTER_CELLS) || !(sampleBytes >= 1 && sampleBytes <= 8)) {
    return fail('too-large', `${fileName}: ${width} x ${height} pixels of ${sampleBytes} bytes; at most ${MAX_RASTER_CELLS} pixels are read (crop the raster to the area)`);
  }
  let band;
  try {
    band = (await image.readRasters({ samples: [0] }))[0] as ArrayLike<number>;
  } catch (err) {
    return fail('bad-file', `${fileName}: the pixel data cannot be decoded (${(err as Error).message})`);
  }
  const nodata = image.getGDALNoData();
  // GDAL writes Float32 nodata as decimal text (e.g. -3.4028230607370965e+38): compare at Float32 precision too.
  const nodataF32 = nodata === null ? NaN : Math.fround(nodata);
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) {
    const v = band[i];
    values[i] = v === nodata || v === nodataF32 ? NaN : v;
  }
  // dy < 0 is the usual north-up layout; dy > 0 means row 0 is south: flip to north-up.
  if (dy > 0) {
    for (let r = 0; r < height >> 1; r++) {
      const a = values.subarray(r * width, (r + 1) * width);
      const b = values.subarray((height - 1 - r) * width, (height - r) * width);
      const tmp = a.slice();
      a.set(b);
      b.set(tmp);
    }
  }
  const pixelSizeX = dx;
  const pixelSizeY = Math.abs(dy);
  // PixelIsPoint (GTRasterTypeGeoKey 2, e.g. USGS SRTM GeoTIFFs): the tie point is a pixel centre; shift to
  // the corner as GDAL does.
  const isPoint = Number(keys.GTRasterTypeGeoKey) === RASTER_PIXEL_IS_POINT;
  const originX = x0 - (isPoint ? pixelSizeX / 2 : 0);
  const northY = dy > 0 ? y0 + height * pixelSizeY : y0;
  const originY = northY + (isPoint ? pixelSizeY / 2 : 0);
  return ok({ width, height, values, originX, originY, pixelSizeX, pixelSizeY, crs });
}
