import gcoord from 'gcoord';
import type { BuildListRow } from '../../core/buildList';

/** Coordinate system of an export: WGS-84 (default, GIS and GPS) or GCJ-02 (AMap, Tencent, 奥维 in China). */
export type ExportCrs = 'wgs84' | 'gcj02';
/** Every export coordinate system, and its label as written into files. */
export const EXPORT_CRSES: readonly ExportCrs[] = ['wgs84', 'gcj02'];
export const EXPORT_CRS_LABEL: Record<ExportCrs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02' };

/**
 * Build-list rows with coordinates in `crs` (rows hold WGS-84; GCJ-02 through gcoord WGS84 -> GCJ02).
 * @example rowsInCrs(rows, 'gcj02')[0].lonDeg // shifted by a few hundred metres inside China
 */
export function rowsInCrs(rows: readonly BuildListRow[], crs: ExportCrs): BuildListRow[] {
  if (!EXPORT_CRSES.includes(crs)) throw new RangeError(`crs must be wgs84 or gcj02, got ${String(crs)}`);
  if (crs === 'wgs84') return rows.map((r) => ({ ...r }));
  return rows.map((r) => {
    const [lonDeg, latDeg] = gcoord.transform([r.lonDeg, r.latDeg], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    return { ...r, lonDeg, latDeg };
  });
}
