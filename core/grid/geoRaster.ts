/**
 * A north-up raster in its own CRS, as read from a GeoTIFF or SRTM .hgt file, before resampling to a
 * planning grid. Pixel-is-area: (originX, originY) is the north-west corner of pixel (0, 0), in the units of
 * `crs` (degrees for geographic CRSs, metres for projected ones).
 */
export interface GeoRaster {
  readonly width: number;
  readonly height: number;
  /** row-major, row 0 = north, `width * height` values; NaN = no data */
  readonly values: Float32Array;
  readonly originX: number;
  readonly originY: number;
  /** pixel width and height in CRS units, both > 0 (rows grow southwards) */
  readonly pixelSizeX: number;
  readonly pixelSizeY: number;
  /** proj4 definition of the raster's CRS */
  readonly crs: string;
}

/** proj4 definition of geographic WGS-84 (also used for CGCS2000, which differs by centimetres). */
export const WGS84_LONLAT = '+proj=longlat +datum=WGS84 +no_defs';
