/** Authalic radius of the WGS-84 ellipsoid, m (sphere of equal surface area; Snyder 1987, Map Projections, eq. 3-13). */
export const AUTHALIC_RADIUS_M = 6_371_007.2;

/**
 * Area of one pixel of a geographic (lon/lat) raster row, km2, on the authalic sphere:
 * A = R^2 * dLon * (sin(latN) - sin(latS)) (Snyder 1987, Map Projections: A Working Manual, USGS PP 1395).
 * `northLatDeg` is the row's north edge, `pixelSizeXDeg` / `pixelSizeYDeg` the pixel's width and height.
 * @example geographicPixelAreaKm2(27.0, 1 / 120, 1 / 120) // ~0.826 (a 30" pixel at 27N)
 */
export function geographicPixelAreaKm2(northLatDeg: number, pixelSizeXDeg: number, pixelSizeYDeg: number): number {
  const latN = (northLatDeg * Math.PI) / 180;
  const latS = ((northLatDeg - pixelSizeYDeg) * Math.PI) / 180;
  return (AUTHALIC_RADIUS_M ** 2 * ((pixelSizeXDeg * Math.PI) / 180) * (Math.sin(latN) - Math.sin(latS))) / 1e6;
}
