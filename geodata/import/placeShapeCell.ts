import type { LineString, Polygon } from 'geojson';
import { z } from 'zod';
import { normaliseLonLat } from './normaliseLonLat';
import { parseNumberText } from './parseNumberText';
import type { ImportCrs } from './types';

/** One coordinate by the importers' number rule (parseNumberText); NaN for anything else (hex, Infinity). */
const coordinate = (s: string) => {
  const r = parseNumberText(s);
  return 'value' in r ? r.value : NaN;
};

/**
 * A zod field for a list of points in one cell, a place's key points (关键点位) or outline (范围 / 边界 /
 * 线路坐标): 'lon lat; lon lat; ...' (pairs separated by ';', '；' or '|', lon and lat by a space or comma);
 * empty -> []. For an outline, at least two pairs (a line) or three (an area), checked by placeShapeGeometry.
 * @example placeShapeCell().parse('106.40 27.80; 106.41 27.80; 106.41 27.81') // [[106.4, 27.8], ...]
 */
export function placeShapeCell() {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw?.normalize('NFKC').trim() ?? '';
    if (!s) return [] as [number, number][];
    const pairs = s.split(/[;；|]/).map((p) => p.trim()).filter(Boolean).map((p) => p.split(/[\s,，]+/).map(coordinate));
    if (pairs.some((p) => p.length !== 2 || !p.every(Number.isFinite))) {
      ctx.addIssue({ code: 'custom', message: `'${raw}' is not a list of 'lon lat' pairs separated by ';'`, params: { code: 'notLonLatPairs', value: String(raw) } });
      return z.NEVER;
    }
    return pairs as [number, number][];
  });
}

/**
 * The WGS-84 geometry of an outline cell's pairs in the file's `crs`: a LineString for a road or rail line
 * (at least 2 points), else a Polygon (at least 3 points, closed here when the file leaves it open). Returns
 * `error` naming the problem otherwise.
 * @example placeShapeGeometry([[106.4, 27.8], [106.41, 27.8], [106.41, 27.81]], false, 'wgs84') // { geometry: Polygon }
 */
export function placeShapeGeometry(
  pairs: readonly [number, number][],
  isLine: boolean,
  crs: ImportCrs,
): { geometry: Polygon | LineString } | { error: string; code: string; params: Record<string, string | number> } {
  const need = isLine ? 2 : 3;
  const distinct = new Set(pairs.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct < need) return { error: `needs at least ${need} different points for ${isLine ? 'a line' : 'an area'}, got ${distinct}`, code: 'tooFewPoints', params: { need, got: distinct, shape: isLine ? 'line' : 'area' } };
  const points: [number, number][] = [];
  for (const [lon, lat] of pairs) {
    const n = normaliseLonLat(lon, lat, crs);
    if ('error' in n) return { error: `point ${n.error}`, code: 'outlinePoint', params: { inner: n.code, ...n.params } };
    points.push([n.lonDeg, n.latDeg]);
  }
  if (isLine) return { geometry: { type: 'LineString', coordinates: points } };
  const [first, last] = [points[0], points[points.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) points.push([first[0], first[1]]);
  return { geometry: { type: 'Polygon', coordinates: [points] } };
}
