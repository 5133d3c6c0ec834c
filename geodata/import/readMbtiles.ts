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
 * Why a query of the file could run without end, or undefined when it cannot: MBTiles allows `tiles` (and
 * `metadata`) to be views, so a file can make every tile lookup a recursive query or a join of whole tables
 * with each other. Refused: a virtual table, a view with a WITH clause (a recursive CTE never ends), a query
 * plan scanning more than one table (nested scans multiply; the usual map/images view, or a plain table
 * without an index, scans at most one).
 */
function unboundedQuery(db: Database, name: string, query: string): string | undefined {
  const row = db.exec('SELECT type, sql FROM sqlite_master WHERE lower(name) = lower(?) LIMIT 1', [name])[0]?.values[0];
  const [type, sql] = [String(row?.[0] ?? ''), String(row?.[1] ?? '')];
  if (/^\s*create\s+virtual\s/i.test(sql)) return `'${name}' is a virtual table`;
  if (type === 'view' && /\bwith\b/i.test(sql)) return `the view '${name}' holds a WITH query (it could run without end)`;
  const plan = db.exec(`EXPLAIN QUERY PLAN ${query}`)[0]?.values.map((v) => String(v[3])) ?? [];
  const scans = plan.filter((step) => /^SCAN\b/.test(step) && !/CONSTANT ROW/.test(step));
  if (scans.length > 1) return `reading '${name}' scans ${scans.length} tables inside each other (${scans.join('; ')})`;
  return undefined;
}

/**
 * Opens an MBTiles file (MBTiles 1.3 spec: SQLite with `metadata` and a `tiles` table or view) with sql.js.
 * Rows in MBTiles follow TMS (row 0 = south), so getTile flips y: tile_row = 2^z - 1 - y. Not-SQLite and
 * non-MBTiles files are failed Results, and so are files whose tiles or metadata a query could never finish
 * reading (a recursive view, tables scanned inside each other: unboundedQuery); metadata is read up to 1,000
 * rows. The reader holds the whole file in memory; call close() when done.
 * @example const r = await readMbtiles(bytes); if (r.ok) r.value.getTile(12, 3277, 1723)
 */
export async function readMbtiles(bytes: Uint8Array): Promise<Result<MbtilesReader>> {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 15)) !== 'SQLite format 3') return fail('bad-file', 'not an MBTiles file: not an SQLite database', { code: 'notMbtiles' });
  const SQL = await loadSqlJs();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    // A damaged page would otherwise surface only when a tile on it is read, in the middle of drawing the map.
    const verdict = String(db.exec('PRAGMA quick_check')[0]?.values[0]?.[0] ?? '');
    if (verdict !== 'ok') {
      db.close();
      return fail('bad-file', `the MBTiles file is damaged (SQLite integrity check: ${verdict.slice(0, 200)})`, { code: 'mbtilesDamaged' });
    }
    const names = new Set(db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")[0]?.values.map((v) => String(v[0])) ?? []);
    if (!names.has('tiles') || !names.has('metadata')) {
      db.close();
      return fail('bad-file', 'not an MBTiles file: no tiles and metadata tables', { code: 'notMbtiles' });
    }
    const TILE = 'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?';
    const META = 'SELECT name, value FROM metadata LIMIT 1000';
    const unbounded = unboundedQuery(db, 'metadata', META) ?? unboundedQuery(db, 'tiles', TILE);
    if (unbounded) {
      db.close();
      return fail('bad-file', `the MBTiles file is refused: ${unbounded}`, { code: 'mbtilesRefused' });
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of db.exec(META)[0]?.values ?? []) metadata[String(k)] = String(v).slice(0, 10_000);
    const stmt = db.prepare(TILE);
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
    return fail('bad-file', `the MBTiles file is damaged: ${err instanceof Error ? err.message : String(err)}`, { code: 'mbtilesDamaged' });
  }
}
