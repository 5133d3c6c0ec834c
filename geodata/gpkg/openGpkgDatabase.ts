import type { Database } from 'sql.js';
import { fail, ok, type Result } from '../../core/result';
import { loadSqlJs } from './sqlJs';
import { GPKG_APPLICATION_ID } from './types';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Largest GeoPackage opened, bytes: sql.js copies the file into WebAssembly memory, which stops at 2 GB (wasm32, emscripten's default maximum). */
export const MAX_GPKG_BYTES = 1e9;

/**
 * Opens GeoPackage bytes as a sql.js database after checking, in order: the SQLite header, the database
 * integrity (PRAGMA quick_check), application_id 'GPKG' and the three core tables. Failures are Results
 * with codes 'not-sqlite', 'corrupt', 'not-gpkg', and 'too-large' over MAX_GPKG_BYTES. The caller closes the database.
 * @example const r = await openGpkgDatabase(bytes); if (r.ok) { ...; r.value.close(); }
 */
export async function openGpkgDatabase(bytes: Uint8Array): Promise<Result<Database>> {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (bytes.length > MAX_GPKG_BYTES) return fail('too-large', `the GeoPackage is ${(bytes.length / 1e6).toFixed(0)} MB; at most ${MAX_GPKG_BYTES / 1e6} MB can be opened`);
  const magic = String.fromCharCode(...bytes.subarray(0, 16));
  if (bytes.length < 100 || magic !== SQLITE_MAGIC) return fail('not-sqlite', 'not a GeoPackage: the file is not an SQLite database');
  const SQL = await loadSqlJs();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const check = db.exec('PRAGMA quick_check');
    const verdict = String(check[0]?.values[0]?.[0] ?? '');
    if (verdict !== 'ok') {
      db.close();
      return fail('corrupt', `the file is damaged (SQLite integrity check: ${verdict.slice(0, 200)})`);
    }
    const appId = Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0]);
    const tables = new Set(db.exec("SELECT name FROM sqlite_master WHERE type IN ('table','view')")[0]?.values.map((v) => String(v[0])) ?? []);
    const missing = ['gpkg_spatial_ref_sys', 'gpkg_contents', 'gpkg_geometry_columns'].filter((t) => !tables.has(t));
    if (appId !== GPKG_APPLICATION_ID || missing.length) {
      db.close();
      return fail('not-gpkg', `not a GeoPackage: ${appId !== GPKG_APPLICATION_ID ? `application_id is 0x${(appId >>> 0).toString(16)}, not 'GPKG'` : `missing ${missing.join(', ')}`}`);
    }
    return ok(db);
  } catch (err) {
    db?.close();
    return fail('corrupt', `the file is damaged: ${err instanceof Error ? err.message : String(err)}`);
  }
}
