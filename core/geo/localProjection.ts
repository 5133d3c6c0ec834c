import proj4 from 'proj4';

/**
 * A metric projection for one county: transverse Mercator on the CGCS2000/WGS-84 ellipsoid centred on the
 * county's own meridian, so scale error stays under 0.01 % across a county (< 100 km wide). Planning grids
 * are laid out in these metres (x east, y north).
 */
export interface LocalProjection {
  /** proj4 definition string, stored with projects so a grid can be reprojected by GIS tools. */
  readonly proj4: string;
  readonly centreLonDeg: number;
  readonly centreLatDeg: number;
  /** [lonDeg, latDeg] -> [xM, yM] */
  forward(lonLat: readonly [number, number]): [number, number];
  /** [xM, yM] -> [lonDeg, latDeg] */
  inverse(xy: readonly [number, number]): [number, number];
}

/**
 * Builds the county's local transverse Mercator (k0 = 1, false easting/northing 0 at the centre).
 * @example const p = makeLocalProjection(106.4, 27.8); p.forward([106.4, 27.8]) // [0, 0]
 */
export function makeLocalProjection(centreLonDeg: number, centreLatDeg: number): LocalProjection {
  if (!Number.isFinite(centreLonDeg) || centreLonDeg < -180 || centreLonDeg > 180) {
    throw new RangeError(`centreLonDeg must be in [-180, 180], got ${centreLonDeg}`);
  }
  if (!Number.isFinite(centreLatDeg) || centreLatDeg < -85 || centreLatDeg > 85) {
    throw new RangeError(`centreLatDeg must be in [-85, 85], got ${centreLatDeg}`);
  }
  const def =
    `+proj=tmerc +lat_0=${centreLatDeg} +lon_0=${centreLonDeg} +k=1 +x_0=0 +y_0=0 ` +
    '+ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
  const converter = proj4('WGS84', def);
  return {
    proj4: def,
    centreLonDeg,
    centreLatDeg,
    forward: (lonLat) => converter.forward([lonLat[0], lonLat[1]]) as [number, number],
    inverse: (xy) => converter.inverse([xy[0], xy[1]]) as [number, number],
  };
}
