import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { countyByCode, newCountyProject } from '../../../geodata/counties';
import { PROJECT_LIMITS, readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { smallProject } from './smallProject';

/** The project file after `sql` ran on it (as an attacker would edit it with any SQLite tool). */
async function edited(sql: string, base?: Uint8Array): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(base ?? (await writeProjectGpkg(smallProject())));
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}

/** Reads `bytes` and says how long it took: every hostile file must be answered in seconds. */
async function read(bytes: Uint8Array, notices: string[] = []) {
  const t0 = performance.now();
  const r = await readProjectGpkg(bytes, { onNotice: (m) => notices.push(m) });
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(10_000);
  return r;
}

const ENDLESS = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n';

describe('a hostile project file is refused or disarmed, in seconds', () => {
  it('a view that never stops producing rows, in place of a layer table, is refused unread', async () => {
    const bytes = await edited(`ALTER TABLE sites RENAME TO sites_real; CREATE VIEW sites AS SELECT s.* FROM sites_real s, (${ENDLESS})`);
    expect(await read(bytes)).toMatchObject({ ok: false, code: 'corrupt', message: expect.stringContaining("'sites' is a view, not a table: refused") });
  });

  it('a view that multiplies rows in place of qc_meta is refused', async () => {
    const bytes = await edited('ALTER TABLE qc_meta RENAME TO m; CREATE VIEW qc_meta AS SELECT a.key, a.value FROM m a, m b, m c, m d, m e, m f, m g');
    expect(await read(bytes)).toMatchObject({ ok: false, message: expect.stringContaining("'qc_meta' is a view") });
  });

  it('a version-1 file with a looping trigger on an internal table: the trigger is removed before the migration, which then runs', async () => {
    const v1 = await edited(`
      UPDATE qc_meta SET value = '1' WHERE key = 'file_version';
      DROP TABLE qc_history; DELETE FROM gpkg_contents WHERE table_name = 'qc_history';
      CREATE TABLE r2 AS SELECT name, cols, rows, dtype, provenance, source, data FROM qc_rasters WHERE 0;
      DROP TABLE qc_rasters; ALTER TABLE r2 RENAME TO qc_rasters;
      CREATE TABLE spin (i INTEGER);
      CREATE TRIGGER spin_on_contents AFTER INSERT ON gpkg_contents BEGIN INSERT INTO spin ${ENDLESS}; END;
      CREATE TRIGGER touch_meta BEFORE UPDATE ON qc_meta BEGIN INSERT INTO spin ${ENDLESS}; END;`);
    const notices: string[] = [];
    const r = await read(v1, notices);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.sites.map((s) => s.id)).toEqual(['S1', 'S2', 'S3']);
    expect(notices).toEqual(expect.arrayContaining([
      "trigger 'spin_on_contents' removed: a project file runs no code of its own",
      "trigger 'touch_meta' removed: a project file runs no code of its own",
      "table 'spin' ignored: not part of a project",
    ]));
  });

  it('a column computed on every read (GENERATED) is refused; extra views and tables are ignored with a message', async () => {
    const generated = await edited("ALTER TABLE sites DROP COLUMN notes; ALTER TABLE sites ADD COLUMN notes TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL");
    expect(await read(generated)).toMatchObject({ ok: false, message: expect.stringContaining("column 'sites.notes' is computed (GENERATED), not stored: refused") });
    const notices: string[] = [];
    const extra = await read(await edited(`CREATE VIEW everything AS ${ENDLESS}; CREATE TABLE loot (x TEXT)`), notices);
    expect(extra.ok).toBe(true);
    expect(notices).toEqual(["view 'everything' ignored: a project is read from its tables only", "table 'loot' ignored: not part of a project"]);
  });

  it('declared sizes are claims: a 100000 x 100000 grid, negative or infinite sizes are refused before anything is allocated', async () => {
    const grid = (g: object) => edited(`UPDATE qc_meta SET value = '${JSON.stringify({ ...smallProject().grid, ...g }).replace(/'/g, "''")}' WHERE key = 'grid'`);
    expect(await read(await grid({ cols: 100000, rows: 100000 }))).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('maxGridSide') });
    expect(await read(await grid({ cols: 20000, rows: 20000 }))).toMatchObject({
      ok: false, code: 'too-large', message: expect.stringContaining('the grid is 20000 x 20000 = 400,000,000 cells; at most 20,000,000 are opened (PROJECT_LIMITS.maxGridCells)'),
    });
    expect(await read(await grid({ cols: -5 }))).toMatchObject({ ok: false, code: 'corrupt' });
    const infinite = await edited("UPDATE qc_meta SET value = replace(value, '\"cellSizeM\":50', '\"cellSizeM\":1e999') WHERE key = 'grid'");
    expect(await read(infinite)).toMatchObject({ ok: false, message: expect.stringContaining('grid: cellSizeM') });
    const nanHeight = await edited("UPDATE sites SET height_agl_m = 9e999 WHERE id = 'S1'");
    expect(await read(nanHeight)).toMatchObject({ ok: false, message: expect.stringContaining('height_agl_m is not a finite number') });
    const farRange = await edited("UPDATE qc_meta SET value = replace(value, '\"macro\":5000', '\"macro\":1e9') WHERE key = 'settings'");
    expect(await read(farRange)).toMatchObject({ ok: false, message: expect.stringContaining('settings: radio.maxRangeM.macro') });
  });

  it('a site with 200,000 sectors is refused by its size before JSON.parse, one with 13 by the count', async () => {
    const sector = { id: '1', azimuthDeg: 0, mechanicalTiltDeg: 0, electricalTiltDeg: 0, antenna: 'sector' };
    const huge = await edited(`UPDATE sites SET sectors = '${JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ ...sector, id: String(i) })))}' WHERE id = 'S1'`);
    expect(await read(huge)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringMatching(/a value of 'sites.sectors' is [\d.]+ MB; at most 66 KB are read/) });
    const thirteen = await edited(`UPDATE sites SET sectors = '${JSON.stringify(Array.from({ length: 13 }, () => sector))}' WHERE id = 'S2'`);
    expect(await read(thirteen)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('13 sectors; a site has at most 12') });
  });

  it('row counts, raster blobs, geometry bytes and JSON nesting are bounded', async () => {
    const many = await edited(`INSERT INTO olts (geom, id, name, status) SELECT (SELECT geom FROM olts LIMIT 1), 'X' || i, 'x', 'existing' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT ${PROJECT_LIMITS.maxOlts + 1}) SELECT i FROM n)`);
    expect(await read(many)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining("table 'olts' holds more than 10,000 rows; at most 10,000 are read (PROJECT_LIMITS.maxOlts)") });
    const blob = await edited("UPDATE qc_rasters SET data = zeroblob(50000000) WHERE name = 'terrain'");
    expect(await read(blob)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('raster terrain holds 50000000 bytes for 6 cells') });
    const bigGeometry = await edited('UPDATE roads SET geom = zeroblob(20000000)');
    expect(await read(bigGeometry)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining("roads.geom' is 20.0 MB") });
    const deep = await edited(`UPDATE qc_history SET detail = '${'['.repeat(100_000)}${']'.repeat(100_000)}'`);
    expect(await read(deep)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('JSON nested deeper than 64 levels') });
  });

  it('a read past its deadline stops with a message naming the limit', async () => {
    const rows = await edited(`INSERT INTO olts (geom, id, name, status) SELECT (SELECT geom FROM olts LIMIT 1), 'X' || i, 'x', 'existing' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000) SELECT i FROM n)`);
    // the clock jumps a minute after the read starts: the next check refuses
    let calls = 0;
    const r = await readProjectGpkg(rows, { now: () => (calls++ < 5 ? 0 : 60_000) });
    expect(r).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('took past the limit of 30 s for the whole file') });
  });
});

describe('the app never writes a project it could not open again', () => {
  it('writeProjectGpkg and newCountyProject refuse what PROJECT_LIMITS refuses, naming the limit', async () => {
    const project = smallProject();
    const crowded = { ...project, olts: Array.from({ length: PROJECT_LIMITS.maxOlts + 1 }, (_, i) => ({ ...project.olts[0], id: `O${i}` })) };
    await expect(writeProjectGpkg(crowded)).rejects.toThrow('the project has 10,001 OLTs; a project file holds at most 10,000 (PROJECT_LIMITS)');
    const sector = project.sites[0].sectors[0];
    const many = { ...project, sites: [{ ...project.sites[0], sectors: Array.from({ length: 13 }, (_, i) => ({ ...sector, id: String(i) })) }] };
    await expect(writeProjectGpkg(many)).rejects.toThrow('site S1 has 13 sectors; a site has at most 12');
    expect(() => newCountyProject(countyByCode('520526')!, { cellSizeM: 10 })).toThrow(/a 10 m grid over 威宁.* is 11548 x 10383 cells; a project holds at most 20,000,000 \(PROJECT_LIMITS.maxGridCells\): choose 25 m or coarser/);
  });
});
