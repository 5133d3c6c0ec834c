import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readMbtiles } from '../../../geodata/import';

async function mbtiles(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
  db.run("INSERT INTO metadata VALUES ('name', 'test'), ('format', 'png'), ('minzoom', '1'), ('maxzoom', '2')");
  // TMS rows: at z=2, XYZ y=0 (north) is TMS row 3.
  db.run('INSERT INTO tiles VALUES (2, 1, 3, ?), (2, 1, 0, ?)', [new Uint8Array([1]), new Uint8Array([2])]);
  const out = db.export();
  db.close();
  return out;
}

describe('readMbtiles', () => {
  it('returns tiles by XYZ z/x/y with the TMS row flip, and the metadata', async () => {
    const r = await readMbtiles(await mbtiles());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.metadata.format).toBe('png');
    expect(Array.from(r.value.getTile(2, 1, 0)!)).toEqual([1]);
    expect(Array.from(r.value.getTile(2, 1, 3)!)).toEqual([2]);
    expect(r.value.getTile(2, 2, 2)).toBeNull();
    expect(r.value.getTile(2, 9, 0)).toBeNull();
    expect(() => r.value.getTile(-1, 0, 0)).toThrow(RangeError);
    r.value.close();
  });

  it('refuses non-SQLite and non-MBTiles files', async () => {
    expect(await readMbtiles(new Uint8Array(200))).toMatchObject({ ok: false, message: expect.stringContaining('not an SQLite') });
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE x (a)');
    expect(await readMbtiles(db.export())).toMatchObject({ ok: false, message: expect.stringContaining('no tiles and metadata') });
  });

  it('takes tiles from the usual map/images view, and refuses views a lookup could never finish, in seconds', async () => {
    const SQL = await initSqlJs();
    const make = (sql: string) => {
      const db = new SQL.Database();
      db.run(`CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE TABLE images (tile_data BLOB, tile_id TEXT); INSERT INTO map VALUES (2, 1, 3, 'a'); INSERT INTO images VALUES (x'07', 'a'); ${sql}`);
      const out = db.export();
      db.close();
      return out;
    };
    const usual = await readMbtiles(make('CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id'));
    expect(usual.ok && Array.from(usual.value.getTile(2, 1, 0)!)).toEqual([7]);
    const t0 = performance.now();
    const endless = await readMbtiles(make('CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS zoom_level, i AS tile_column, i AS tile_row, x\'00\' AS tile_data FROM n'));
    expect(endless).toMatchObject({ ok: false, message: expect.stringContaining("the view 'tiles' holds a WITH query") });
    const multiplying = await readMbtiles(make('CREATE VIEW tiles AS SELECT a.zoom_level, a.tile_column, a.tile_row + b.tile_row + c.tile_row AS tile_row, i.tile_data FROM map a, map b, map c, images i'));
    expect(multiplying).toMatchObject({ ok: false, message: expect.stringContaining('scans 3 tables inside each other') });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
