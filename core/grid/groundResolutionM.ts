import type { GeoRaster } from './geoRaster';
import { WGS84_LONLAT } from './geoRaster';

/** Metres per degree of latitude (mean, WGS-84); for a resolution label, not for geodesy. */
const M_PER_DEG = 111_320;

/**
 * The ground spacing of a raster's pixels, m: the geometric mean of width and height, geographic pixels
 * measured at `latDeg` (width shrinks by cos(lat)); projected rasters are taken in their own metres.
 * @example groundResolutionM(srtm30plus, 27) // ~2100 (0.02 deg pixels)
 */
export function groundResolutionM(raster: Pick<GeoRaster, 'pixelSizeX' | 'pixelSizeY' | 'crs'>, latDeg: number): number {
  if (raster.crs !== WGS84_LONLAT) return Math.sqrt(raster.pixelSizeX * raster.pixelSizeY);
  const dx = raster.pixelSizeX * M_PER_DEG * Math.cos((latDeg * Math.PI) / 180);
  const dy = raster.pixelSizeY * M_PER_DEG;
  return Math.sqrt(dx * dy);
}
