import type { ImportFormat } from './types';

/**
 * What the importers read at most, so a malformed or hostile file is refused with a clear message instead of
 * exhausting memory or time. Sizes in bytes. Measured before the limits (shared 2-core machine, Node 20, under
 * contention): importSites on a 100,000-row CSV took 3.7 s and RSS grew 371 MB; 1,000,000 rows took 100 s and
 * 2.8 GB peak RSS, so rows are capped at 200,000 (3.8-9.1 s, +467-593 MiB peak over two runs; well above a
 * county's site or place list).
 * @example if (bytes.length > IMPORT_LIMITS.maxBytes.csv) refuse()
 */
export const IMPORT_LIMITS = {
  /** largest file per format (KMZ and XLSX: the zip itself) */
  maxBytes: { csv: 200e6, geojson: 200e6, kml: 100e6, kmz: 50e6, xlsx: 50e6 } satisfies Record<ImportFormat, number>,
  /** data rows (CSV lines, sheet rows, features, placemarks) */
  maxRows: 200_000,
  /** longest CSV line: a 100 MB file of four 25 MB cells took 23 s and +3.3 GB RSS to import, rows of a site table are under 1 KB */
  maxCsvLineBytes: 1e6,
  /** JSON nesting of [ and { (a FeatureCollection of MultiPolygons needs 8) */
  maxJsonDepth: 64,
  /** coordinate positions over all GeoJSON geometries */
  maxPositions: 5_000_000,
  /** entries in a KMZ or XLSX zip directory */
  maxZipEntries: 10_000,
  /** uncompressed bytes of all inflated zip entries together, as the zip directory declares them */
  maxUnzippedBytes: 200e6,
  /**
   * how far outside the county boundary a row may stand and still count as inside, m: the shipped boundaries
   * come quantised to 1/1024 degree (about 100 m) from their source (README, Data and sources)
   */
  countyEdgeToleranceM: 200,
  /** county-boundary checks per place geometry: vertices tested, evenly spaced (a 5,000,000-position line would take minutes) */
  maxCountyCheckVertices: 256,
} as const;
