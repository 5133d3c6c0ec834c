import { z } from 'zod';
import type { Place } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
import { normaliseLonLat } from './normaliseLonLat';
import { isOutsideCounty, outsideCountyCode, outsideCountyReason } from './outsideCounty';
import { readImportRows } from './readImportRows';
import { placeShapeCell, placeShapeGeometry } from './placeShapeCell';
import { numberCell, textCell, wordCell } from './rowSchema';
import type { ImportOptions, ImportResult } from './types';
import { placeCategoryOf } from './vocabulary';

const FIELDS: ImportField[] = ['id', 'name', 'category', 'subcategory', 'radius', 'keyPoints', 'outline'];

const placeRow = z.object({
  id: textCell(false),
  name: textCell(true).pipe(z.string()),
  category: wordCell(placeCategoryOf, '商圈/商务楼宇/交通枢纽/医院/学校/政务中心/社区/开发区/景区/乡镇/道路铁路 (or the English category)', 'placeCategory')
    .refine((c) => c !== undefined, { message: 'is required', params: { code: 'required' } }),
  subcategory: textCell(false),
  radius: numberCell(0, 50_000),
  keyPoints: placeShapeCell(),
  outline: placeShapeCell(),
});

const CRS_LABEL = { wgs84: 'WGS-84', cgcs2000: 'CGCS2000', gcj02: 'GCJ-02' } as const;

/**
 * Imports priority places from CSV, XLSX, GeoJSON, KML or KMZ: 名称, 场景类别 (Chinese words such as 医院,
 * 学校, 景区, 园区 or the English category), 经度/纬度 or the file's own point, polygon or line, 半径 (m).
 * 关键点位 (key points for deep coverage) as 'lon lat; lon lat', in the file's coordinate system.
 * Ids come from the file or are made as 'P-<row>'; a repeated id is an error naming both rows, or a warning
 * when the rows are the same. With options.county a place wholly outside it is an error naming the distance.
 * @example const r = await importPlaces(bytes, { fileName: '重点场所.kml' })
 */
export async function importPlaces(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult<Place>>> {
  const read = await readImportRows(bytes, options, FIELDS, placeRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns, crs } = read.value;
  const seen = new Map<string, { row: number; text: string }>();
  const places: Place[] = [];
  for (const { row, value: v, geometry, outsideCountyM } of rows) {
    if (options.county && isOutsideCounty(outsideCountyM)) {
      problems.push({
        file, row, field: columns.get('lon') ?? 'geometry', reason: outsideCountyReason('place', v.name, outsideCountyM, options.county.name),
        ...outsideCountyCode('place', v.name, outsideCountyM, options.county.name, false), severity: 'error',
      });
      continue;
    }
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
    // an outline cell (范围: the places template's area or line) replaces the point of the lon/lat columns
    let shape: Place['geometry'] = geometry as Place['geometry'];
    if (v.outline.length) {
      const made = placeShapeGeometry(v.outline, v.category === 'line', crs);
      if ('error' in made) {
        problems.push({ file, row, field: columns.get('outline') ?? null, reason: made.error, code: made.code, params: made.params, severity: 'error' });
        continue;
      }
      shape = made.geometry;
    }
    const id = v.id ?? `P-${row}`;
    const text = JSON.stringify([v, geometry]);
    const first = seen.get(id);
    if (first !== undefined) {
      const isSame = first.text === text;
      problems.push({
        file, row, field: columns.get('id') ?? null, severity: isSame ? 'warning' : 'error',
        reason: isSame ? `repeats place '${id}' of row ${first.row} exactly; skipped` : `rows ${first.row} and ${row} both give place '${id}' but differ`,
        code: isSame ? 'exactRepeat' : 'conflictingDuplicate', params: { what: 'place', key: id, firstRow: first.row, row },
      });
      continue;
    }
    seen.set(id, { row, text });
    const place: Place = { id, name: v.name, category: v.category!, geometry: shape, source: `${file} row ${row}`, sourceCrs: CRS_LABEL[crs] };
    if (v.subcategory) place.subcategory = v.subcategory;
    if (v.radius !== undefined) place.radiusM = v.radius;
    if (keyPoints.length) place.keyPoints = keyPoints;
    places.push(place);
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok({ file, format: read.value.format, records: places, problems, rowsRead: read.value.rowsRead });
}
