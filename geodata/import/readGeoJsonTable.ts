import type { Feature, Geometry } from 'geojson';
import { fail, ok, type Result } from '../../core/result';
import { decodeText, jsonDepthOver } from '../text';
import { IMPORT_LIMITS } from './importLimits';
import type { RawTable } from './types';

function fieldText(v: unknown): string {
  if (v == null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Raw records from GeoJSON-shaped features (shared by the GeoJSON and KML readers); rows count features from 1.
 * @example featuresToTable('kml', kml(doc).features).records[0].fields.get('name')
 */
export function featuresToTable(format: RawTable['format'], features: readonly Feature<Geometry | null>[]): RawTable {
  const headers = new Set<string>();
  const records = features.map((f, i) => {
    const fields = new Map<string, string>();
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      headers.add(k);
      fields.set(k, fieldText(v).trim());
    }
    if (f.id !== undefined && !fields.has('id')) {
      headers.add('id');
      fields.set('id', String(f.id));
    }
    return { row: i + 1, fields, geometry: f.geometry ?? null };
  });
  return { format, headers: [...headers], records };
}

/** Coordinate positions (arrays of numbers) in a parsed geometry; depth is already bounded by jsonDepthOver. */
function positionCount(x: unknown): number {
  if (!Array.isArray(x)) return 0;
  if (typeof x[0] === 'number') return 1;
  let n = 0;
  for (const y of x) n += positionCount(y);
  return n;
}

function geometryPositions(g: unknown): number {
  if (!g || typeof g !== 'object') return 0;
  const { coordinates, geometries } = g as { coordinates?: unknown; geometries?: unknown };
  if (Array.isArray(geometries)) return geometries.reduce((n: number, c) => n + geometryPositions(c), 0);
  return positionCount(coordinates);
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) into raw records: properties become fields, the
 * geometry rides along. RFC 7946 coordinates (the caller says which datum). Refused as 'too-large': nesting
 * deeper than IMPORT_LIMITS.maxJsonDepth (checked before JSON.parse), more than maxRows features or
 * maxPositions coordinate positions.
 * @example readGeoJsonTable(bytes).value.records[0].geometry // { type: 'Point', ... }
 */
export function readGeoJsonTable(bytes: Uint8Array): Result<RawTable> {
  const { maxJsonDepth, maxRows, maxPositions } = IMPORT_LIMITS;
  const text = decodeText(bytes).text;
  if (jsonDepthOver(text, maxJsonDepth)) return fail('too-large', `the JSON is nested deeper than ${maxJsonDepth} levels; GeoJSON needs at most about 10`, { code: 'jsonTooDeep', params: { max: maxJsonDepth } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail('bad-file', `not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { code: 'notJson' });
  }
  const obj = json as { type?: unknown; features?: unknown };
  let features: unknown[];
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features;
  else if (obj?.type === 'Feature') features = [obj];
  else return fail('bad-file', 'not GeoJSON: expected a FeatureCollection or a Feature', { code: 'notGeoJson' });
  const bad = features.findIndex((f) => !f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature');
  if (bad >= 0) return fail('bad-file', `not GeoJSON: features[${bad}] is not a Feature`, { code: 'notGeoJsonFeature', params: { index: bad + 1 } });
  if (features.length > maxRows) return fail('too-large', `${features.length} features; at most ${maxRows} are imported`, { code: 'tooManyRows', params: { count: features.length, max: maxRows } });
  let positions = 0;
  for (const f of features) positions += geometryPositions((f as { geometry?: unknown }).geometry);
  if (positions > maxPositions) return fail('too-large', `${positions} coordinate positions; at most ${maxPositions} are imported`, { code: 'tooManyPositions', params: { count: positions, max: maxPositions } });
  return ok(featuresToTable('geojson', features as Feature<Geometry | null>[]));
}
