import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { writeGpkg } from '../../../geodata/gpkg';
import { migrateProjectDatabase, PROJECT_FILE_MIGRATIONS, PROJECT_FILE_VERSION, readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { hasGpkgValidator, hasOgrinfo, ogr2ogrCopy, ogrinfo, validateGpkg } from '../gpkg/gdal';
import { smallProject } from './smallProject';

async function edit(bytes: Uint8Array, sql: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}

describe('project GeoPackage', () => {
  it('round-trips every part of a project (sites, sectors, places, OLTs, roads, rasters, settings, history)', async () => {
    const project = smallProject();
    const r = await readProjectGpkg(await writeProjectGpkg(project));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(project);
    expect(Number.isNaN(r.value.terrain!.values[2])).toBe(true);
  });

  it('stores rasters compressed: a 1000x1000 constant raster takes far less than its 4 MB', async () => {
    const project = smallProject();
    project.grid = { ...project.grid, cols: 1000, rows: 1000 };
    project.terrain = { values: new Float32Array(1e6).fill(900), provenance: 'synthetic', source: 'constant' };
    delete project.population;
    delete project.landUse;
    const bytes = await writeProjectGpkg(project);
    expect(bytes.length).toBeLessThan(200_000);
    const r = await readProjectGpkg(bytes);
    expect(r.ok && r.value.terrain!.values[999_999]).toBe(900);
  });

  it.skipIf(!hasOgrinfo)('opens in GDAL with every vector layer and its feature count', async () => {
    const gaps = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { people: 120, fix: 'micro', 'area km2': 0.3 }, geometry: { type: 'Polygon' as const, coordinates: [[[106.41, 27.81], [106.42, 27.81], [106.42, 27.82], [106.41, 27.81]]] } }] };
    const r = ogrinfo(await writeProjectGpkg(smallProject(), { gaps }), 'p.gpkg', ['-so', '-al']);
    expect(r.status).toBe(0);
    const counts = Object.fromEntries([...r.out.matchAll(/Layer name: (\w+)[\s\S]*?Feature Count: (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(counts).toMatchObject({ boundary: 1, sites: 3, candidates: 1, sectors: 3 + 1 + 3, places: 3, olts: 2, roads: 1, gaps: 1, qc_meta: 8, qc_rasters: 3, qc_history: 1, qc_propagation_model: 1 });
    expect(r.out).toMatch(/Layer name: sectors\s[^]*?Geometry: Polygon/);
    expect(r.out).toContain('area_km2: Real');
    expect(r.out).not.toMatch(/ERROR|Warning/);
  });

  it.skipIf(!hasOgrinfo)('reads back a project GDAL rewrote (ogr2ogr copy: GDAL blobs, spatial indexes), unchanged', async () => {
    const project = smallProject();
    const r = ogr2ogrCopy(await writeProjectGpkg(project));
    expect(r.status, r.out).toBe(0);
    const back = await readProjectGpkg(r.copy!);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value).toEqual(project);
  });

  it.skipIf(!hasGpkgValidator)('passes GDAL validate_gpkg.py', async () => {
    expect(validateGpkg(await writeProjectGpkg(smallProject()))).toEqual({ status: 0, out: '' });
  });

  it('refuses a file from a newer version with a message that says so', async () => {
    const bytes = await edit(await writeProjectGpkg(smallProject()), `UPDATE qc_meta SET value = '${PROJECT_FILE_VERSION + 1}' WHERE key = 'file_version'`);
    const r = await readProjectGpkg(bytes);
    expect(r).toMatchObject({ ok: false, code: 'newer-version' });
    if (!r.ok) expect(r.message).toContain('newer version');
    const shape = await edit(await writeProjectGpkg(smallProject()), "UPDATE qc_meta SET value = '99' WHERE key = 'project_schema_version'");
    expect(await readProjectGpkg(shape)).toMatchObject({ ok: false, code: 'newer-version' });
  });

  it('refuses corrupted files, plain GeoPackages and non-SQLite files', async () => {
    const good = await writeProjectGpkg(smallProject());
    const truncated = await readProjectGpkg(good.slice(0, good.length >> 1));
    expect(truncated.ok).toBe(false);
    const scribbled = good.slice();
    for (let i = 4096; i < scribbled.length; i += 7) scribbled[i] ^= 0x5a;
    expect((await readProjectGpkg(scribbled)).ok).toBe(false);
    const badJson = await readProjectGpkg(await edit(good, "UPDATE qc_meta SET value = '{' WHERE key = 'grid'"));
    expect(badJson).toMatchObject({ ok: false, code: 'corrupt' });
    const badKind = await readProjectGpkg(await edit(good, "UPDATE sites SET kind = 'tower' WHERE id = 'S1'"));
    expect(badKind).toMatchObject({ ok: false, code: 'corrupt' });
    if (!badKind.ok) expect(badKind.message).toContain('sites row 1 (S1) kind');
    const noHeight = await readProjectGpkg(await edit(good, "UPDATE sites SET height_agl_m = NULL WHERE id = 'S2'"));
    expect(noHeight).toMatchObject({ ok: false, message: expect.stringContaining('sites row 2 (S2) height_agl_m is not a finite number') });
    const plain = await readProjectGpkg(await writeGpkg({ layers: [], attributes: [] }));
    expect(plain).toMatchObject({ ok: false, code: 'not-project' });
    const csv = await readProjectGpkg(new TextEncoder().encode('站名,经度,纬度\n'));
    expect(csv).toMatchObject({ ok: false, code: 'not-project' });
  });

  describe('migrations', () => {
    it('has one migration per version step up to the current version', () => {
      expect(PROJECT_FILE_MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: PROJECT_FILE_VERSION - 1 }, (_, i) => i + 1));
      expect(() => migrateProjectDatabase({} as never, PROJECT_FILE_VERSION + 1)).toThrow(RangeError);
    });

    it('1 -> 2: reads a version-1 file (raw rasters, no qc_history table)', async () => {
      const project = smallProject();
      const v2 = await writeProjectGpkg(project);
      const SQL = await initSqlJs();
      const db = new SQL.Database(v2);
      // Rebuild the version-1 layout: qc_rasters without codec and with raw Float32 bytes, no qc_history.
      db.run(`CREATE TABLE r1 (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT, cols INTEGER, rows INTEGER, dtype TEXT, provenance TEXT, source TEXT, data BLOB);
        DROP TABLE qc_rasters; ALTER TABLE r1 RENAME TO qc_rasters; DROP TABLE qc_history; DELETE FROM gpkg_contents WHERE table_name = 'qc_history';
        DROP TABLE qc_propagation_model; DELETE FROM gpkg_contents WHERE table_name = 'qc_propagation_model';
        UPDATE qc_meta SET value = '1' WHERE key = 'file_version';`);
      for (const name of ['terrain', 'population'] as const) {
        const v = project[name]!.values;
        db.run('INSERT INTO qc_rasters (name, cols, rows, dtype, provenance, source, data) VALUES (?, 3, 2, ?, ?, ?, ?)',
          [name, 'float32le', project[name]!.provenance, project[name]!.source, new Uint8Array(v.buffer.slice(0))]);
      }
      const v1 = db.export();
      db.close();
      const r = await readProjectGpkg(v1);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const { history: _dropped, landUse: _none, propagationModel: _default, ...expected } = project;
      expect(r.value).toEqual(expected);
    });

    it('2 -> 3: a version-2 file opens with the default model, its old model choice dropped', async () => {
      const { propagationModel: _stored, ...project } = smallProject();
      const SQL = await initSqlJs();
      const db = new SQL.Database(await writeProjectGpkg(project));
      const settings = JSON.stringify({ ...project.settings, radio: { ...project.settings.radio, model: 'auto' } });
      db.run(`DROP TABLE qc_propagation_model; DELETE FROM gpkg_contents WHERE table_name = 'qc_propagation_model';
        UPDATE qc_meta SET value = '2' WHERE key = 'file_version';`);
      db.run("UPDATE qc_meta SET value = ? WHERE key = 'settings'", [settings]);
      const v2 = db.export();
      db.close();
      const r = await readProjectGpkg(v2);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value).toEqual(project);
      expect(r.value.propagationModel).toBeUndefined();
      expect('model' in r.value.settings.radio).toBe(false);
      // saved again, the file is version 3 with an empty model table
      const again = await readProjectGpkg(await writeProjectGpkg(r.value));
      expect(again.ok && again.value.propagationModel).toBeUndefined();
    });

    it('refuses a damaged model record, naming the table', async () => {
      const bytes = await edit(await writeProjectGpkg(smallProject()), `UPDATE qc_propagation_model SET model_json = '{"format":"qcplan-propagation-model","version":1}'`);
      const r = await readProjectGpkg(bytes);
      expect(r).toMatchObject({ ok: false, code: 'corrupt' });
      if (!r.ok) expect(r.message).toContain('qc_propagation_model');
    });
  });
});
