import gcoord from 'gcoord';
import type { ImportCrs } from './types';

/** Mainland China's extent, degrees (a loose box: 73-136 E, 3-54 N); planning data outside it is a mistake. */
export const CHINA_BOX = { minLonDeg: 73, maxLonDeg: 136, minLatDeg: 3, maxLatDeg: 54 } as const;

const inChina = (lon: number, lat: number) =>
  lon >= CHINA_BOX.minLonDeg && lon <= CHINA_BOX.maxLonDeg && lat >= CHINA_BOX.minLatDeg && lat <= CHINA_BOX.maxLatDeg;

/**
 * A file's lon/lat as WGS-84: swapped columns are detected (the pair only falls in China the other way round)
 * and fixed, GCJ-02 is converted with gcoord (GCJ02 -> WGS84), CGCS2000 is used as is (it matches WGS-84 to a
 * few centimetres, below any planning grid). Returns `error` (with its code and figures) when the pair is not in
 * China either way.
 * @example normaliseLonLat(27.8, 106.4, 'wgs84') // { lonDeg: 106.4, latDeg: 27.8, isSwapped: true }
 */
export function normaliseLonLat(
  lon: number,
  lat: number,
  crs: ImportCrs,
): { lonDeg: number; latDeg: number; isSwapped: boolean } | { error: string; code: string; params: Record<string, number> } {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { error: 'longitude and latitude must be numbers', code: 'lonLatNotNumbers', params: {} };
  let [x, y, isSwapped] = [lon, lat, false];
  if (!inChina(x, y)) {
    if (!inChina(y, x)) {
      const error = `(${lon}, ${lat}) is outside China (${CHINA_BOX.minLonDeg}-${CHINA_BOX.maxLonDeg} E, ${CHINA_BOX.minLatDeg}-${CHINA_BOX.maxLatDeg} N)`;
      return { error, code: 'outsideChina', params: { lon, lat } };
    }
    [x, y, isSwapped] = [lat, lon, true];
  }
  if (crs === 'gcj02') [x, y] = gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lonDeg: x, latDeg: y, isSwapped };
}
