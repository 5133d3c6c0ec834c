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
});
