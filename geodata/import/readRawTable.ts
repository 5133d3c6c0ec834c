import { fail, type Result } from '../../core/result';
import { IMPORT_LIMITS } from './importLimits';
import { readCsvTable } from './readCsvTable';
import { readGeoJsonTable } from './readGeoJsonTable';
import { readKmlTable } from './readKmlTable';
import { readKmzTable } from './readKmzTable';
import { readXlsxTable } from './readXlsxTable';
import type { ImportFormat, RawTable } from './types';
import type { TextEncodingChoice } from '../text';

const EXTENSIONS: Record<string, ImportFormat> = { csv: 'csv', txt: 'csv', xlsx: 'xlsx', geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz' };

/**
 * The import format of a file: by extension, else by its first bytes (zip -> xlsx or kmz, '{' -> GeoJSON,
 * '<' -> KML, otherwise CSV).
 * @example guessImportFormat('站点.xlsx', bytes) // 'xlsx'
 */
export function guessImportFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const head = String.fromCharCode(...bytes.subarray(0, 2048));
    return head.includes('[Content_Types].xml') || head.includes('xl/') ? 'xlsx' : 'kmz';
  }
  const start = String.fromCharCode(...bytes.subarray(0, 64)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  if (start.startsWith('{')) return 'geojson';
  if (start.startsWith('<')) return 'kml';
  return 'csv';
}

/**
 * Reads any supported import file into raw records (the dispatch over the format readers). Files larger than
 * IMPORT_LIMITS.maxBytes for their format are refused ('too-large') before any parsing.
 * @example const t = await readRawTable(bytes, 'csv'); if (t.ok) t.value.records.length
 */
export async function readRawTable(bytes: Uint8Array, format: ImportFormat, encoding: TextEncodingChoice = 'auto'): Promise<Result<RawTable>> {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (bytes.length === 0) return fail('bad-file', 'the file is empty', { code: 'emptyFile' });
  const maxBytes = IMPORT_LIMITS.maxBytes[format];
  if (bytes.length > maxBytes) {
    const sizeMb = (bytes.length / 1e6).toFixed(1);
    return fail('too-large', `the ${format.toUpperCase()} file is ${sizeMb} MB; at most ${maxBytes / 1e6} MB are imported`, { code: 'tooLarge', params: { sizeMb, maxMb: maxBytes / 1e6 } });
  }
  switch (format) {
    case 'csv': return readCsvTable(bytes, encoding);
    case 'xlsx': return readXlsxTable(bytes);
    case 'geojson': return readGeoJsonTable(bytes);
    case 'kml': return readKmlTable(bytes);
    case 'kmz': return readKmzTable(bytes);
    default: throw new RangeError(`format must be one of csv, xlsx, geojson, kml, kmz, got ${String(format)}`);
  }
}
