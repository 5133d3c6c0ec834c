import { z } from 'zod';
import type { Place } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
import { normaliseLonLat } from './normaliseLonLat';
import { readImportRows } from './readImportRows';
import { numberCell, textCell, wordCell } from './rowSchema';
import type { ImportOptions, ImportResult } from './types';
import { placeCategoryOf } from './vocabulary';

const FIELDS: ImportField[] = ['id', 'name', 'category', 'subcategory', 'radius', 'keyPoints'];

const placeRow = z.object({
  id: textCell(false),
  name: textCell(true).pipe(z.string()),
  category: wordCell(placeCategoryOf, '商圈/商务楼宇/交通枢纽/医院/学校/政务中心/社区/开发区/景区/乡镇/道路铁路 (or the English category)', 'placeCategory')
    .refine((c) => c !== undefined, { message: 'is required', params: { code: 'required' } }),
  subcategory: textCell(false),
  radius: numberCell(0, 50_000),
  keyPoints: z.string().optional().transform((raw, ctx) => {
    const s = raw?.normalize('NFKC').trim() ?? '';
    if (!s) return [] as [number, number][];
    const pairs = s.split(/[;；|]/).map((p) => p.trim()).filter(Boolean).map((p) => p.split(/[\s,]+/).map(Number));
    if (pairs.some((p) => p.length !== 2 || !p.every(Number.isFinite))) {
      ctx.addIssue({ code: 'custom', message: `'${raw}' is not a list of 'lon lat' pairs separated by ';'`, params: { code: 'notLonLatPairs', value: String(raw) } });
      return z.NEVER;
    }
    return pairs as [number, number][];
  }),
});

const CRS_LABEL = { wgs84: 'WGS-84', cgcs2000: 'CGCS2000', gcj02: 'GCJ-02' } as const;

/**
 * Imports priority places from CSV, XLSX, GeoJSON, KML or KMZ: 名称, 场景类别 (Chinese words such as 医院,
 * 学校, 景区, 园区 or the English category), 经度/纬度 or the file's own point, polygon or line, 半径 (m).
 * 关键点位 (key points for deep coverage) as 'lon lat; lon lat', in the file's coordinate system.
 * Ids come from the file or are made as 'P-<row>'; a repeated id is an error on the later row.
 * @example const r = await importPlaces(bytes, { fileName: '重点场所.kml' })
 */
export async function importPlaces(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult<Place>>> {
  const read = await readImportRows(bytes, options, FIELDS, placeRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns, crs } = read.value;
  const seen = new Map<string, number>();
  const places: Place[] = [];
  for (const { row, value: v, geometry } of rows) {
    if (geometry.type === 'MultiPoint' || geometry.type === 'GeometryCollection') {
      problems.push({ file, row, field: 'geometry', reason: `a place must be a point, polygon or line, got ${geometry.type}`, code: 'wrongGeometry', params: { expected: 'pointPolygonLine', got: geometry.type }, severity: 'error' });
      continue;
    }
    const keyPoints: [number, number][] = [];
    for (const [lon, lat] of v.keyPoints) {
      const n = normaliseLonLat(lon, lat, crs);
      if ('error' in n) problems.push({ file, row, field: columns.get('keyPoints') ?? null, reason: `key point ${n.error}`, code: 'keyPoint', params: { inner: n.code, ...n.params }, severity: 'error' });
      else keyPoints.push([n.lonDeg, n.latDeg]);
    }
    if (keyPoints.length !== v.keyPoints.length) continue;
    const id = v.id ?? `P-${row}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ file, row, field: columns.get('id') ?? null, reason: `duplicate id '${id}' (first on row ${first})`, code: 'duplicateId', params: { id, firstRow: first }, severity: 'error' });
      continue;
    }
    seen.set(id, row);
    const place: Place = { id, name: v.name, category: v.category!, geometry, source: `${file} row ${row}`, sourceCrs: CRS_LABEL[crs] };
    if (v.subcategory) place.subcategory = v.subcategory;
    if (v.radius !== undefined) place.radiusM = v.radius;
    if (keyPoints.length) place.keyPoints = keyPoints;
    places.push(place);
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok({ file, format: read.value.format, records: places, problems, rowsRead: read.value.rowsRead });
}
