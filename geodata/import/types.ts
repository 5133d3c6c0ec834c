import type { Geometry, MultiPolygon } from 'geojson';
import type { ProgressFn } from '../../core/cancel';
import type { TextEncodingChoice } from '../text';

/** Coordinate system the caller says an import file uses. CGCS2000 is taken as WGS-84 (they differ by centimetres). */
export type ImportCrs = 'wgs84' | 'cgcs2000' | 'gcj02';
/** Every import coordinate system, as the CLI's --crs takes them. */
export const IMPORT_CRSES: readonly ImportCrs[] = ['wgs84', 'cgcs2000', 'gcj02'];

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'kmz';
/** Every import format. */
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'geojson', 'kml', 'kmz'];

/** One problem found in an import file. Errors drop the row; warnings keep it (e.g. swapped lon/lat fixed). */
export interface ImportProblem {
  file: string;
  /** row in the file's own numbering: CSV line, sheet row, GeoJSON feature or KML placemark (1-based); null for the whole file */
  row: number | null;
  /** the field as the file names it (its header), null when the row as a whole is at fault */
  field: string | null;
  /** in English; `code` and `params` say the same for the formatter (core/text), which words it in the UI's language */
  reason: string;
  /** what is wrong, as a stable code (core/text catalogues: importProblems.reason); absent for a reason not yet coded */
  code?: string;
  params?: Record<string, string | number>;
  severity: 'error' | 'warning';
}

/** Good records and every problem, so the caller can import the good rows or cancel. */
export interface ImportResult<T> {
  file: string;
  format: ImportFormat;
  records: T[];
  problems: ImportProblem[];
  /** data rows (or features) read from the file */
  rowsRead: number;
  /** sites and OLTs: rows without a status that took the caller's defaultStatus */
  defaultStatusRows?: number;
}

/** A row of any input format before it is interpreted: header -> text, plus a geometry for GeoJSON/KML. */
export interface RawRecord {
  row: number;
  fields: Map<string, string>;
  geometry?: Geometry | null;
}

/** A file read into raw records; `headers` are as the file spells them. */
export interface RawTable {
  format: ImportFormat;
  headers: string[];
  records: RawRecord[];
  /** text encoding found for CSV ('utf-8' or 'gb18030') */
  encoding?: string;
}

/** Options common to importSites, importPlaces and importOlts. */
export interface ImportOptions {
  /** file name, used in problems and to pick the format by extension */
  fileName: string;
  /** the coordinate system of the file (default WGS-84) */
  crs?: ImportCrs;
  /** overrides the format the file name suggests */
  format?: ImportFormat;
  /** CSV text encoding; 'auto' (default) takes UTF-8 (with or without BOM), else GB18030 */
  encoding?: TextEncodingChoice;
  /** fraction of the file's rows checked so far, at most once per 1 % (an import in a worker reports to the task bar) */
  onProgress?: ProgressFn;
  /**
   * the county the file goes into: a row further than IMPORT_LIMITS.countyEdgeToleranceM outside its boundary
   * is a row error naming the distance (sites may instead be kept flagged: ImportSitesOptions.outsideCounty)
   */
  county?: { name: string; boundary: MultiPolygon };
}
