import type { Geometry } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGpkgGeometry, encodeGpkgGeometry, readGpkg, writeGpkg, type GpkgContent } from '../../../geodata/gpkg';
import { hasGpkgValidator, hasOgrinfo, ogrinfo, validateGpkg } from './gdal';

const content: GpkgContent = {
  layers: [
    {
      name: 'pts', geometryType: 'POINT', srsId: 4326, description: 'test points',
      columns: [{ name: 'name', type: 'TEXT' }, { name: 'h', type: 'REAL' }, { name: 'n', type: 'INTEGER' }],
      features: [
        { geometry: { type: 'Point', coordinates: [106.41, 27.81] }, properties: { name: '仁怀宏站1', h: 35.5, n: 3 } },
        { geometry: { type: 'Point', coordinates: [106.45, 27.79] }, properties: { name: 'B', h: null, n: 1 } },
      ],
    },
    {
      name: 'areas', geometryType: 'MULTIPOLYGON', srsId: 4326, columns: [{ name: 'code', type: 'TEXT' }],
      features: [{ geometry: { type: 'MultiPolygon', coordinates: [[[[106, 27], [107, 27], [107, 28], [106, 28], [106, 27]]]] }, properties: { code: '520382' } }],
    },
  ],
  attributes: [{ name: 'meta', columns: [{ name: 'k', type: 'TEXT' }, { name: 'blob', type: 'BLOB' }], rows: [{ k: 'a', blob: new Uint8Array([1, 2, 3]) }] }],
};

describe('GeoPackage writer and reader', () => {
  it('writes application_id GPKG and user_version 10301 and reads back layers, attributes and bounds', async () => {
    const bytes = await writeGpkg(content);
    expect(String.fromCharCode(...bytes.subarray(68, 72))).toBe('GPKG'); // application_id at header offset 68
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(60)).toBe(10301); // user_version at offset 60
    const r = await readGpkg(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.layers.map((l) => l.name)).toEqual(['pts', 'areas']);
    expect(r.value.layers[0].features[0]).toEqual(content.layers[0].features[0]);
    expect(r.value.layers[0].features[1].properties.h).toBeNull();
    expect(r.value.layers[1].features[0].geometry).toEqual(content.layers[1].features[0].geometry);
    expect(Array.from(r.value.attributes[0].rows[0].blob as Uint8Array)).toEqual([1, 2, 3]);
  });

  it('refuses non-SQLite, damaged and non-GeoPackage files with a clear message', async () => {
    const notSqlite = await readGpkg(new TextEncoder().encode('name,lon,lat\nA,1,2\n'));
    expect(notSqlite).toMatchObject({ ok: false, code: 'not-sqlite' });
    const good = await writeGpkg(content);
    const damaged = good.slice(0, 1500);
    const d = await readGpkg(damaged);
    expect(d.ok).toBe(false);
    const initSqlJs = (await import('sql.js')).default;
    const SQL = await initSqlJs();
    const plain = new SQL.Database();
    plain.run('CREATE TABLE t (a INTEGER)');
    const other = await readGpkg(plain.export());
    plain.close();
    expect(other).toMatchObject({ ok: false, code: 'not-gpkg' });
    if (!other.ok) expect(other.message).toContain("not 'GPKG'");
  });

  it('round-trips random geometries through the blob encoder (fast-check)', () => {
    const coord = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    const ring = fc.array(coord, { minLength: 1, maxLength: 8 });
    const geometry: fc.Arbitrary<Geometry> = fc.oneof(
      coord.map((c) => ({ type: 'Point', coordinates: c }) as Geometry),
      ring.map((r) => ({ type: 'LineString', coordinates: r }) as Geometry),
      fc.array(ring, { maxLength: 3 }).map((p) => ({ type: 'Polygon', coordinates: p }) as Geometry),
      fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { maxLength: 3 }).map((m) => ({ type: 'MultiPolygon', coordinates: m }) as Geometry),
      fc.array(ring, { maxLength: 3 }).map((m) => ({ type: 'MultiLineString', coordinates: m }) as Geometry),
    );
    fc.assert(fc.property(geometry, (g) => {
      expect(decodeGpkgGeometry(encodeGpkgGeometry(g, 4326))).toEqual({ geometry: g, srsId: 4326 });
    }), { numRuns: 300 });
  });

  it.skipIf(!hasOgrinfo)('is opened by GDAL (ogrinfo) with the layers, feature counts and EPSG:4326', async () => {
    const r = ogrinfo(await writeGpkg(content), 't.gpkg', ['-so', '-al']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Layer name: pts[\s\S]*Geometry: Point[\s\S]*Feature Count: 2/);
    expect(r.out).toMatch(/Layer name: areas[\s\S]*Geometry: Multi Polygon[\s\S]*Feature Count: 1/);
    expect(r.out).toMatch(/Layer name: meta[\s\S]*Feature Count: 1/);
    expect(r.out).toContain('ID["EPSG",4326]');
    expect(r.out).not.toMatch(/ERROR|Warning/);
  });

  it.skipIf(!hasGpkgValidator)('passes GDAL validate_gpkg.py (OGC 12-128 conformance checks)', async () => {
    expect(validateGpkg(await writeGpkg(content))).toEqual({ status: 0, out: '' });
  });
});
