import { SITE_LIMITS } from '../../core/model/siteLimits';
import type { BoundedColumn, BoundedTable } from '../gpkg/readBoundedTable';

/**
 * What a project file may claim, checked before anything is allocated for it (issue 21: a grid of 100000 x
 * 100000 cells was accepted and then failed allocating 80 GB; a site with 200,000 sectors passed 4 GB). Chosen
 * so that every county opens at the default 25 m grid (the largest, 威宁, is 19.2 M cells: 11,548 x 10,383 at
 * 10 m would be 120 M) and a project the app can compute on a 16 GB laptop is never refused; the largest
 * measured (largeProject bench: 10,000 sites) took 3.7 GB to score. writeProjectGpkg and newCountyProject refuse
 * to make a project over them, so the app never writes a file it cannot open again.
 */
export const PROJECT_LIMITS = {
  /** grid cells (cols x rows); each costs the coverage engine about 45 bytes */
  maxGridCells: 20_000_000,
  /** grid columns or rows */
  maxGridSide: 50_000,
  maxSites: 20_000,
  maxCandidates: 20_000,
  maxPlaces: 20_000,
  maxOlts: 10_000,
  maxRoads: 200_000,
  maxHistory: 100_000,
  /** sectors of one site (SITE_LIMITS.sectorsPerSite) */
  maxSectorsPerSite: SITE_LIMITS.sectorsPerSite.max,
  maxKeyPointsPerPlace: 1_000,
  /** geometry blobs of all layers together, bytes: about 5,000,000 positions, as imports allow */
  maxGeometryBytes: 100_000_000,
  /** JSON nesting of a JSON cell (settings, sectors, history detail) */
  maxJsonDepth: 64,
  /** reading the whole file, ms: a 48 MB, 10,000-site project reads in 1.3 s */
  maxReadMs: 30_000,
} as const;

/** A table of the project file: its expected columns and limits, and whether the reader reads it. */
export interface ProjectTable extends BoundedTable {
  /** a feature table: its geometry column (always 'geom' in files this app writes) */
  geometry?: 'geom';
  /** the file must have it */
  isRequired: boolean;
}

const text = (maxBytes = 64 * 1024, optional = true): BoundedColumn => ({ maxBytes, optional });
const value: BoundedColumn = { maxBytes: 1024, optional: true };
const geometryBytes = (maxBytes: number): BoundedColumn => ({ maxBytes, maxTotalBytes: PROJECT_LIMITS.maxGeometryBytes });

const SITE_TABLE = (maxRows: number, rowLimitName: string): ProjectTable => ({
  geometry: 'geom', isRequired: true, maxRows, rowLimitName, maxCellBytes: 4096,
  columns: {
    geom: geometryBytes(1024), id: text(1024, false), name: text(4096), kind: value, status: value, build_method: value, height_agl_m: value,
    band: value, cost_cny: value, cost_is_estimate: value, is_illustrative: value, source: text(), notes: text(), outside_county: text(1024),
    // 12 sectors of JSON take about 2.5 KB: a cell of 200,000 sectors is refused by its size before JSON.parse
    sectors: text(64 * 1024, false),
  },
});

/**
 * Every table of a project file the reader knows, with its shape and limits (the allow-list readProjectGpkg
 * checks through sqlite_master and reads with readBoundedTable; anything else in the file is left unread, and
 * views, virtual tables, triggers and unknown tables are reported as ignored).
 * To add a table: write it in writeProjectGpkg, add its entry here (columns with their byte limits, a row
 * limit in PROJECT_LIMITS), add a migration in projectFileSchema.ts if older files lack it (and make it
 * `isRequired` only then), and read it in readProjectGpkg with `readProjectTable(db, '<name>', deadline)`.
 * Tables the app writes for GIS only (sectors, gaps) are listed with `isRead: false` in VIEW_ONLY_TABLES.
 */
export const PROJECT_TABLES = {
  qc_meta: { isRequired: true, maxRows: 1_000, maxCellBytes: 1024, columns: { key: text(1024, false), value: text(1_000_000, false) } },
  boundary: {
    geometry: 'geom', isRequired: true, maxRows: 1, maxCellBytes: 1024,
    columns: { geom: geometryBytes(PROJECT_LIMITS.maxGeometryBytes), county_code: text(), name: text() },
  },
  sites: SITE_TABLE(PROJECT_LIMITS.maxSites, 'PROJECT_LIMITS.maxSites'),
  candidates: SITE_TABLE(PROJECT_LIMITS.maxCandidates, 'PROJECT_LIMITS.maxCandidates'),
  places: {
    geometry: 'geom', isRequired: true, maxRows: PROJECT_LIMITS.maxPlaces, rowLimitName: 'PROJECT_LIMITS.maxPlaces', maxCellBytes: 4096,
    columns: {
      geom: geometryBytes(16_000_000), id: text(1024, false), name: text(4096), category: value, subcategory: text(), radius_m: value,
      key_points: text(PROJECT_LIMITS.maxKeyPointsPerPlace * 64), is_illustrative: value, source: text(), source_crs: text(),
    },
  },
  olts: {
    geometry: 'geom', isRequired: true, maxRows: PROJECT_LIMITS.maxOlts, rowLimitName: 'PROJECT_LIMITS.maxOlts', maxCellBytes: 4096,
    columns: { geom: geometryBytes(1024), id: text(1024, false), name: text(4096), gpon_ports: value, xgs_pon_ports: value, status: value, is_illustrative: value, source: text() },
  },
  roads: {
    geometry: 'geom', isRequired: false, maxRows: PROJECT_LIMITS.maxRoads, rowLimitName: 'PROJECT_LIMITS.maxRoads', maxCellBytes: 4096,
    columns: { geom: geometryBytes(16_000_000), feature_id: text(1024), properties: text() },
  },
  qc_rasters: {
    // a raster's blob is checked again against its grid (cells x 4 bytes) before it is inflated
    isRequired: true, maxRows: 16, maxCellBytes: 1024,
    columns: { name: text(256, false), cols: value, rows: value, dtype: value, codec: value, provenance: value, source: text(), data: { maxBytes: PROJECT_LIMITS.maxGridCells * 4 + 65_536, optional: false } },
  },
  qc_propagation_model: {
    // one row (readPropagationModelTable refuses more); the record's JSON is a few KB
    isRequired: false, maxRows: 16, maxCellBytes: 1024,
    columns: {
      name: text(4096), kind: value, fitted_on: text(4096), held_out_rmse_db: value, mean_error_db: value, sigma_db: value, pcrr: value,
      points: value, fitted_at: text(64), model_json: text(1_000_000, false),
    },
  },
  qc_history: {
    isRequired: false, maxRows: PROJECT_LIMITS.maxHistory, rowLimitName: 'PROJECT_LIMITS.maxHistory', maxCellBytes: 1024,
    columns: { at_iso: text(64), action: text(256), detail: text(16_000_000) },
  },
} satisfies Record<string, ProjectTable>;

/** Tables writeProjectGpkg adds for QGIS users only (sector wedges, coverage gaps): never read back. */
export const VIEW_ONLY_TABLES: readonly string[] = ['sectors', 'gaps'];

export type ProjectTableName = keyof typeof PROJECT_TABLES;
