import type { Database } from 'sql.js';
import { fail, ok, type Result } from '../../core/result';
import { loadSqlJs } from '../gpkg/sqlJs';

/** An open MBTiles base map. Tiles are addressed like Leaflet and OSM (XYZ, y = 0 at the north). */
export interface MbtilesReader {
  /** the metadata table (name, format 'png'/'jpg'/'webp'/'pbf', bounds, minzoom, maxzoom, ...) */
  metadata: Record<string, string>;
  /** the tile image bytes at z/x/y, or null when the file has none there */
  getTile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

/**
 * Opens an MBTiles file (MBTiles 1.3 spec: SQLite with `metadata` and a `tiles` table or view) with sql.js.
 * Rows in MBTiles follow TMS (row 0 = south), so getTile flips y: tile_row = 2^z - 1 - y. Not-SQLite and
 * non-MBTiles files are failed Results. The reader holds the whole file in memory; call close() when done.
 * @example const r = await readMbtiles(bytes); if (r.ok) r.value.getTile(12, 3277, 1723)
 */
export async function readMbtiles(bytes: Uint8Array): Promise<Result<MbtilesReader>> {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 15)) !== 'SQLite format 3') return fail('bad-file', 'not an MBTiles file: not an SQLite database');
  const SQL = await loadSqlJs();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    // A damaged page would otherwise surface only when a tile on it is read, in the middle of drawing the map.
    const verdict = String(db.exec('PRAGMA quick_check')[0]?.values[0]?.[0] ?? '');
    if (verdict !== 'ok') {
      db.close();
      return fail('bad-file', `the MBTiles file is damaged (SQLite integrity check: ${verdict.slice(0, 200)})`);
    }
    const names = new Set(db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")[0]?.values.map((v) => String(v[0])) ?? []);
    if (!names.has('tiles') || !names.has('metadata')) {
      db.close();
      return fail('bad-file', 'not an MBTiles file: no tiles and metadata tables');
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of db.exec('SELECT name, value FROM metadata')[0]?.values ?? []) metadata[String(k)] = String(v);
    const stmt = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    const open = db;
    return ok({
      metadata,
      getTile(z, x, y) {
        if (!Number.isInteger(z) || z < 0 || z > 30) throw new RangeError(`z must be an integer in 0..30, got ${z}`);
        const n = 2 ** z;
        if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) return null;
        stmt.bind([z, x, n - 1 - y]);
        try {
          if (!stmt.step()) return null;
          const data = stmt.get()[0];
          return data instanceof Uint8Array ? data : null;
        } finally {
          stmt.reset();
        }
      },
      close() {
        stmt.free();
        open.close();
      },
    });
  } catch (err) {
    db?.close();
    return fail('bad-file', `the MBTiles file is damaged: ${err instanceof Error ? err.message : String(err)}`);
  }
}
