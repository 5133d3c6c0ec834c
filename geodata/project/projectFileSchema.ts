import type { Database } from 'sql.js';
import { addPropagationModelTable } from './propagationModelTable';

/**
 * Layout version of the project GeoPackage (not the Project shape version, which is stored beside it).
 * History: 1 = first layout (rasters stored raw, no edit log); 2 = rasters compressed, codec named in
 * qc_rasters.codec (rasterCodec.ts), edit log in qc_history; 3 = propagation model table qc_propagation_model
 * (propagationModelTable.ts) and an optional 'landUse' raster in qc_rasters.
 */
export const PROJECT_FILE_VERSION = 3;

/** Marks a GeoPackage as a Qiancheng project (qc_meta key 'app'). */
export const PROJECT_FILE_APP = 'qiancheng-planner';

/** One forward migration of an open project database from `from` to `from + 1`, applied in memory. */
export interface ProjectFileMigration {
  from: number;
  description: string;
  up(db: Database): void;
}

/** Every migration, in order; a file at version v gets migrations[v-1..] before it is read. */
export const PROJECT_FILE_MIGRATIONS: readonly ProjectFileMigration[] = [
  {
    from: 1,
    description: 'rasters gain a codec column (old rows are raw Float32); edit log table qc_history',
    up(db) {
      db.run("ALTER TABLE qc_rasters ADD COLUMN codec TEXT NOT NULL DEFAULT 'raw'");
      db.run('CREATE TABLE qc_history (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, at_iso TEXT, action TEXT, detail TEXT)');
      db.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('qc_history', 'attributes', 'qc_history', 'edit log')");
    },
  },
  {
    from: 2,
    description: 'propagation model table qc_propagation_model, empty: the file opens with the default model',
    up: addPropagationModelTable,
  },
];

/**
 * Brings an open project database from `fileVersion` up to PROJECT_FILE_VERSION by running the forward
 * migrations in order and updating qc_meta.file_version; the bytes on disk are untouched (sql.js works on a copy).
 * @example migrateProjectDatabase(db, 1) // runs migration 1 -> 2
 */
export function migrateProjectDatabase(db: Database, fileVersion: number): void {
  if (!Number.isInteger(fileVersion) || fileVersion < 1 || fileVersion > PROJECT_FILE_VERSION) {
    throw new RangeError(`fileVersion must be an integer in [1, ${PROJECT_FILE_VERSION}], got ${fileVersion}`);
  }
  for (const m of PROJECT_FILE_MIGRATIONS) {
    if (m.from < fileVersion) continue;
    db.run('BEGIN');
    m.up(db);
    db.run("UPDATE qc_meta SET value = ? WHERE key = 'file_version'", [String(m.from + 1)]);
    db.run('COMMIT');
  }
}
