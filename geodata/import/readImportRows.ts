import type { Geometry } from 'geojson';
import type { z } from 'zod';
import { distanceOutsideFn } from '../../core/geo/distanceOutsideFn';
import { fail, ok, type Result } from '../../core/result';
import { IMPORT_LIMITS } from './importLimits';
import { FIELD_ALIASES, matchHeaders, type ImportField } from './headerAliases';
import { normaliseLonLat } from './normaliseLonLat';
import { parseDegrees } from './parseDegrees';
import { guessImportFormat, readRawTable } from './readRawTable';
import type { ImportCrs, ImportFormat, ImportOptions, ImportProblem } from './types';

/** One row that passed its schema, with its WGS-84 geometry. */
export interface ParsedRow<T> {
  row: number;
  value: T;
  /** WGS-84; a Point from lon/lat columns, or the file's own geometry (GeoJSON/KML) */
  geometry: Geometry;
  /** with options.county: how far the geometry lies outside the county, m (0 when a tested vertex is inside) */
  outsideCountyM?: number;
}

/** Rows of a file after header matching, schema checks and coordinate normalisation. */
export interface ImportRows<T> {
  file: string;
  format: ImportFormat;
  crs: ImportCrs;
  rows: ParsedRow<T>[];
  problems: ImportProblem[];
  rowsRead: number;
  /** header of each matched field (the best-ranked one), for problems the caller finds later (e.g. duplicate ids) */
  columns: Map<ImportField, string>;
}

function mapGeometry(g: Geometry, f: (p: number[]) => number[]): Geometry {
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint': case 'LineString': return { type: g.type, coordinates: g.coordinates.map(f) } as Geometry;
    case 'Polygon': case 'MultiLineString': return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((c) => mapGeometry(c, f)) };
  }
}

/** Every vertex of a geometry, in order. */
function positions(g: Geometry): number[][] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'Polygon': case 'MultiLineString': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
}

/**
 * How far a geometry lies outside the county, m: 0 when any of up to maxCountyCheckVertices evenly spaced
 * vertices is inside, else the least distance among them.
 */
function outsideM(g: Geometry, outside: (lon: number, lat: number) => number): number {
  const all = positions(g);
  const step = Math.max(1, Math.ceil(all.length / IMPORT_LIMITS.maxCountyCheckVertices));
  let least = Infinity;
  for (let i = 0; i < all.length && least > 0; i += step) least = Math.min(least, outside(all[i][0], all[i][1]));
  return least;
}

/** The code and figures a schema put on its issue (rowSchema's `params`), for the formatter. */
function issueReason(issue: z.core.$ZodIssue): Pick<ImportProblem, 'code' | 'params'> {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (!params || typeof params.code !== 'string') return {};
  const { code, ...rest } = params;
  return Object.keys(rest).length ? { code: String(code), params: rest } : { code: String(code) };
}

function firstPosition(g: Geometry): number[] | undefined {
  switch (g.type) {
    case 'Point': return g.coordinates;
    case 'MultiPoint': case 'LineString': return g.coordinates[0];
    case 'Polygon': case 'MultiLineString': return g.coordinates[0]?.[0];
    case 'MultiPolygon': return g.coordinates[0]?.[0]?.[0];
    case 'GeometryCollection': return g.geometries[0] ? firstPosition(g.geometries[0]) : undefined;
  }
}

/**
 * Reads an import file and checks every row against `schema` (zod, over the row's cells by field), returning
 * the good rows with WGS-84 geometry and every problem at once (file, row, field as the file names it,
 * reason). Whole-file failures (unreadable, no name or coordinate columns) are a failed Result.
 * Coordinates: lon/lat columns, else the row's geometry (GeoJSON/KML); swapped lon/lat are fixed with a warning.
 * With options.county each row carries how far outside the county it lies (outsideCountyM); the importer decides.
 * @example const r = await readImportRows(bytes, { fileName: 'a.csv' }, fields, schema)
 */
export async function readImportRows<S extends z.ZodType>(
  bytes: Uint8Array,
  options: ImportOptions,
  fields: readonly ImportField[],
  schema: S,
): Promise<Result<ImportRows<z.output<S>>>> {
  if (!options || typeof options.fileName !== 'string') throw new RangeError('options.fileName must be a string');
  const crs = options.crs ?? 'wgs84';
  if (!['wgs84', 'cgcs2000', 'gcj02'].includes(crs)) throw new RangeError(`options.crs must be wgs84, cgcs2000 or gcj02, got ${String(crs)}`);
  const file = options.fileName;
  const format = options.format ?? guessImportFormat(file, bytes);
  const table = await readRawTable(bytes, format, options.encoding);
  if (!table.ok) return fail(table.code, `${file}: ${table.message}`, table.reason);
  const matched = matchHeaders(table.value.headers, [...fields, 'lon', 'lat']);
  const columns = new Map([...matched].map(([f, hs]) => [f, hs[0]]));
  const cellOf = (fields: Map<string, string>, f: ImportField) => {
    const hs = matched.get(f);
    if (!hs) return { header: undefined, text: '' };
    const h = hs.find((x) => fields.get(x)) ?? hs[0];
    return { header: h, text: fields.get(h) ?? '' };
  };
  const hasGeometry = table.value.records.some((r) => r.geometry);
  const found = table.value.headers.join(', ');
  if (!columns.has('name')) {
    return fail('bad-file', `${file}: no name column (expected one of ${FIELD_ALIASES.name.join(', ')}); found ${found || 'no headers'}`, { code: 'noNameColumn', params: { found } });
  }
  if (!hasGeometry && (!columns.has('lon') || !columns.has('lat'))) {
    return fail('bad-file', `${file}: no longitude/latitude columns (expected 经度/lon and 纬度/lat); found ${found}`, { code: 'noLonLatColumns', params: { found } });
  }
  const problems: ImportProblem[] = [];
  const rows: ParsedRow<z.output<S>>[] = [];
  const records = table.value.records;
  const outside = options.county ? distanceOutsideFn(options.county.boundary) : undefined;
  const progressStep = Math.max(1, Math.ceil(records.length / 100));
  for (const [i, rec] of records.entries()) {
    if (options.onProgress && i % progressStep === 0) options.onProgress(i / records.length);
    const cells: Record<string, string | undefined> = {};
    const headerOf = new Map<ImportField, string>();
    for (const f of matched.keys()) {
      const c = cellOf(rec.fields, f);
      cells[f] = c.text;
      if (c.header) headerOf.set(f, c.header);
    }
    const parsed = schema.safeParse(cells);
    const rowProblems: ImportProblem[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as ImportField | undefined;
        const coded = issueReason(issue);
        rowProblems.push({ file, row: rec.row, field: (f && headerOf.get(f)) ?? f ?? null, reason: issue.message, ...coded, severity: 'error' });
      }
    }
    let geometry: Geometry | undefined;
    const lonText = cells.lon ?? '';
    const latText = cells.lat ?? '';
    if (lonText || latText || !rec.geometry) {
      const lonHeader = headerOf.get('lon') ?? 'lon';
      const latHeader = headerOf.get('lat') ?? 'lat';
      const lon = parseDegrees(lonText);
      const lat = parseDegrees(latText);
      const before = rowProblems.length;
      for (const [text, value, header] of [[lonText, lon, lonHeader], [latText, lat, latHeader]] as const) {
        if (!text) rowProblems.push({ file, row: rec.row, field: header, reason: 'is required', code: 'required', severity: 'error' });
        else if (!Number.isFinite(value)) rowProblems.push({ file, row: rec.row, field: header, reason: `'${text}' is not a number`, code: 'notNumber', params: { value: text }, severity: 'error' });
      }
      if (rowProblems.length === before) {
        const n = normaliseLonLat(lon, lat, crs);
        if ('error' in n) rowProblems.push({ file, row: rec.row, field: lonHeader, reason: n.error, code: n.code, params: n.params, severity: 'error' });
        else {
          if (n.isSwapped) {
            rowProblems.push({
              file, row: rec.row, field: lonHeader, reason: `longitude and latitude look swapped (${lonText}, ${latText}); used as (${latText}, ${lonText})`,
              code: 'lonLatSwapped', params: { lon: lonText, lat: latText }, severity: 'warning',
            });
          }
          geometry = { type: 'Point', coordinates: [n.lonDeg, n.latDeg] };
        }
      }
    } else {
      const p0 = firstPosition(rec.geometry);
      const n = p0 ? normaliseLonLat(p0[0], p0[1], crs) : { error: 'the geometry has no coordinates', code: 'noCoordinates', params: {} };
      if ('error' in n) rowProblems.push({ file, row: rec.row, field: 'geometry', reason: n.error, code: n.code, params: n.params, severity: 'error' });
      else {
        if (n.isSwapped) rowProblems.push({ file, row: rec.row, field: 'geometry', reason: 'longitude and latitude look swapped; swapped back', code: 'geometrySwapped', severity: 'warning' });
        let badVertex: Pick<ImportProblem, 'reason' | 'code' | 'params'> | undefined;
        const mapped = mapGeometry(rec.geometry, (p) => {
          const q = n.isSwapped ? [p[1], p[0]] : [p[0], p[1]];
          const w = normaliseLonLat(q[0], q[1], crs);
          // Every vertex must be in China in the same axis order as the first.
          if ('error' in w || w.isSwapped) {
            badVertex ??= 'error' in w
              ? { reason: w.error, code: w.code, params: w.params }
              : { reason: `vertex (${p[0]}, ${p[1]}) has its axes the other way round`, code: 'vertexAxesSwapped', params: { lon: p[0], lat: p[1] } };
          }
          return 'error' in w ? [NaN, NaN] : [w.lonDeg, w.latDeg];
        });
        if (badVertex) rowProblems.push({ file, row: rec.row, field: 'geometry', ...badVertex, severity: 'error' });
        else geometry = mapped;
      }
    }
    problems.push(...rowProblems);
    if (parsed.success && geometry && !rowProblems.some((p) => p.severity === 'error')) {
      rows.push({ row: rec.row, value: parsed.data, geometry, ...(outside ? { outsideCountyM: outsideM(geometry, outside) } : {}) });
    }
  }
  options.onProgress?.(1);
  return ok({ file, format, crs, rows, problems, rowsRead: records.length, columns });
}
