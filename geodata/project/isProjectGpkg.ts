import { GPKG_APPLICATION_ID, loadSqlJs } from '../gpkg';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Whether bytes may be a Qiancheng project, for the guard that keeps exports from replacing one: a GeoPackage
 * (SQLite header, application_id 'GPKG') holding a qc_meta table. A GeoPackage that cannot be opened counts as
 * a project (it may be a damaged one: better to ask for another name than to destroy it). Only sqlite_master
 * is read; nothing in the file runs.
 * @example await isProjectGpkg(readFileSync('renhuai.gpkg')) // true
 */
export async function isProjectGpkg(bytes: Uint8Array): Promise<boolean> {
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 16)) !== SQLITE_MAGIC) return false;
  const appId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(68, false);
  if (appId !== GPKG_APPLICATION_ID) return false;
  const SQL = await loadSqlJs();
  try {
    const db = new SQL.Database(bytes);
    try {
      return db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qc_meta'").length > 0;
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}
