import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../core/result';
import { exportBuildList } from '../../../geodata/export';
import { buildListRows } from '../../../core/buildList';
import { decodeGpkgGeometry, encodeGpkgGeometry, readGpkg } from '../../../geodata/gpkg';
import { CHINA_BOX, importOlts, importPlaces, importSites, readMbtiles, type ImportFormat, type ImportResult } from '../../../geodata/import';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { smallProject } from '../project/smallProject';

/** Malformed inputs tried and what they got, per reader: written to test-output/fuzz-summary.json for the report. */
const tally: Record<string, Record<string, number>> = {};
function count(reader: string, outcome: string): void {
  tally[reader] ??= {};
  tally[reader][outcome] = (tally[reader][outcome] ?? 0) + 1;
}
afterAll(() => {
  mkdirSync('test-output', { recursive: true });
  const total = Object.values(tally).reduce((a, t) => a + Object.values(t).reduce((b, n) => b + n, 0), 0);
  writeFileSync('test-output/fuzz-summary.json', JSON.stringify({ total, tally }, null, 1));
});

const FORMATS: ImportFormat[] = ['csv', 'xlsx', 'geojson', 'kml', 'kmz'];
const importers = { sites: importSites, places: importPlaces, olts: importOlts } as const;

/** Checks an import Result: a failure has a message; a success holds only records with WGS-84 points in China. */
function checkImport(name: string, r: Result<ImportResult<{ id: string; lonDeg?: number; latDeg?: number }>>): void {
  if (!r.ok) {
    expect(r.message.length).toBeGreaterThan(0);
    count(name, `refused:${r.code}`);
    return;
  }
  for (const rec of r.value.records) {
    if (rec.lonDeg !== undefined) {
      expect(rec.lonDeg).toBeGreaterThanOrEqual(CHINA_BOX.minLonDeg - 1);
      expect(rec.lonDeg).toBeLessThanOrEqual(CHINA_BOX.maxLonDeg + 1);
      expect(rec.latDeg).toBeGreaterThanOrEqual(CHINA_BOX.minLatDeg - 1);
    }
  }
  for (const p of r.value.problems) {
    expect(p.reason.length).toBeGreaterThan(0);
    expect(p.file).toBeTruthy();
  }
  expect(new Set(r.value.records.map((x) => x.id)).size).toBe(r.value.records.length);
  count(name, r.value.problems.some((p) => p.severity === 'error') ? 'read-with-row-errors' : 'read-clean');
}

/** Byte-level damage: truncation, bit flips, inserted and deleted runs. */
const damage = (base: Uint8Array) =>
  fc.oneof(
    fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
    fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => {
      const b = base.slice();
      for (const [i, x] of flips) b[i] ^= x;
      return b;
    }),
    fc.tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([i, ins]) => new Uint8Array([...base.subarray(0, i), ...ins, ...base.subarray(i)])),
    fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 512 })).map(([i, n]) => new Uint8Array([...base.subarray(0, i), ...base.subarray(i + n)])),
  );

const nasty = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', ',', '\n', 'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e-320', '0x1F', '--5', '１０６.４', '106,4', 'null', 'undefined', '[]', '{}', '宏站', '东经106°', '27°48′', '\u0000', '\uFFFD', '𠀀', '<x/>'),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('fuzz: import readers never crash or hang and always say what is wrong', () => {
  it('random bytes in every format and every importer', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...FORMATS), fc.constantFrom('sites', 'places', 'olts') as fc.Arbitrary<keyof typeof importers>, async (bytes, format, kind) => {
      checkImport(`${kind}:${format}:random-bytes`, await importers[kind](bytes, { fileName: `f.${format}`, format }) as never);
    }), { numRuns: 600 });
  });

  it('CSV tables of wrong types, huge values, odd quoting and duplicate ids', async () => {
    const header = fc.shuffledSubarray(['站名', '名称', 'id', '经度', '纬度', '挂高', '方位角', '下倾角', '机械下倾', '电下倾', '频段', '类型', '场景类别', '半径', 'GPON端口数', '10G-PON端口数', '状态', '建设方式'], { minLength: 1 });
    await fc.assert(fc.asyncProperty(header, fc.array(fc.array(nasty, { maxLength: 20 }), { maxLength: 30 }), fc.boolean(), fc.constantFrom('sites', 'places', 'olts') as fc.Arbitrary<keyof typeof importers>, async (h, rows, bom, kind) => {
      const text = [h.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]);
      const bytes = strToU8(text);
      checkImport(`${kind}:csv:generated-table`, await importers[kind](bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes, { fileName: 't.csv' }) as never);
    }), { numRuns: 400 });
  });

  it('GeoJSON of wrong shapes and values', async () => {
    const geometry = fc.oneof(
      fc.constant(null), fc.constant({ type: 'Point', coordinates: [] }), fc.constant({ type: 'Point' }),
      fc.tuple(fc.double(), fc.double()).map((c) => ({ type: 'Point', coordinates: c })),
      fc.tuple(fc.double({ min: 100, max: 110 }), fc.double({ min: 24, max: 30 })).map((c) => ({ type: 'Point', coordinates: c })),
      fc.constant({ type: 'Polygon', coordinates: [[]] }), fc.constant({ type: 'GeometryCollection', geometries: [] }), fc.anything(),
    );
    const feature = fc.record({ type: fc.constantFrom('Feature', 'Feature', 'feature'), id: fc.oneof(fc.constant('dup'), fc.string(), fc.integer()), properties: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('name', '名称', 'category', '类别', '经度', '纬度', 'lon', 'lat', '挂高'), nasty)), geometry });
    await fc.assert(fc.asyncProperty(fc.array(feature, { maxLength: 15 }), fc.constantFrom('sites', 'places', 'olts') as fc.Arbitrary<keyof typeof importers>, async (features, kind) => {
      checkImport(`${kind}:geojson:generated`, await importers[kind](strToU8(JSON.stringify({ type: 'FeatureCollection', features })), { fileName: 'g.geojson' }) as never);
    }), { numRuns: 300 });
  });

  it('damaged XLSX, KMZ, KML and GBK CSV files', async () => {
    const rows = buildListRows(smallProject());
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRows([['站名', '经度', '纬度', '挂高'], ['A', 106.4, 27.8, 30], ['B', 'x', 27.8, 1e300]]);
    const bases: [string, ImportFormat, Uint8Array][] = [
      ['xlsx', 'xlsx', new Uint8Array(await wb.xlsx.writeBuffer())],
      ['kmz', 'kmz', await exportBuildList(rows, 'kmz')],
      ['kml', 'kml', await exportBuildList(rows, 'kml')],
      ['gbk-csv', 'csv', new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures/import/sites-gbk.csv')))],
      ['bom-csv', 'csv', await exportBuildList(rows, 'csv')],
    ];
    for (const [name, format, base] of bases) {
      await fc.assert(fc.asyncProperty(damage(base), async (bytes) => {
        checkImport(`sites:${name}:damaged`, await importSites(bytes, { fileName: `d.${format}`, format }) as never);
      }), { numRuns: 120 });
    }
  });

  it('a zip bomb-like KMZ and a KMZ without KML are refused', async () => {
    const noKml = zipSync({ 'a.txt': strToU8('x') });
    const r = await importSites(noKml, { fileName: 'x.kmz' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('no .kml') });
    count('sites:kmz:no-kml', 'refused:bad-file');
    const big = zipSync({ 'doc.kml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const b = await importSites(big, { fileName: 'big.kmz' });
    expect(b.ok).toBe(false);
    count('sites:kmz:8MB-of-zeros', `refused:${b.ok ? '' : b.code}`);
  });

  it('100,000 CSV rows (every 10th bad, duplicate names) import with all problems reported', async () => {
    const lines = ['站名,经度,纬度,挂高,方位角,频段'];
    for (let i = 0; i < 100_000; i++) {
      const bad = i % 10 === 9;
      lines.push(`站${i % 50_000},${(106 + (i % 1000) / 1000).toFixed(4)},${bad ? 'abc' : (27 + Math.floor(i / 1000) / 1000).toFixed(4)},30,0/120/240,n78`);
    }
    const r = await importSites(strToU8(lines.join('\n')), { fileName: 'big.csv', defaultStatus: 'existing' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rowsRead).toBe(100_000);
    const errors = r.value.problems.filter((p) => p.severity === 'error');
    // 10,000 bad latitudes; each of the 45,000 names whose second row is good and far from the first is a duplicate.
    expect(errors.filter((p) => p.field === '纬度')).toHaveLength(10_000);
    expect(errors.filter((p) => /duplicate site/.test(p.reason)).length + r.value.records.length + 10_000).toBe(100_000);
    count('sites:csv:100k-rows', 'read-with-row-errors');
  }, 120_000);
});

describe('fuzz: GeoPackage, project and MBTiles readers refuse damaged files cleanly', () => {
  it('damaged project files: a Result every time, never a throw', async () => {
    const base = await writeProjectGpkg(smallProject());
    await fc.assert(fc.asyncProperty(damage(base), async (bytes) => {
      const r = await readProjectGpkg(bytes);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      count('readProjectGpkg:damaged', r.ok ? 'read' : `refused:${r.code}`);
      const g = await readGpkg(bytes);
      count('readGpkg:damaged', g.ok ? 'read' : `refused:${g.code}`);
    }), { numRuns: 250 });
  });

  it('random and damaged geometry blobs: decoded or a RangeError, never another error or a hang', () => {
    const base = encodeGpkgGeometry({ type: 'MultiPolygon', coordinates: [[[[106, 27], [107, 27], [107, 28], [106, 27]]], [[[106.2, 27.2], [106.3, 27.2], [106.3, 27.3], [106.2, 27.2]]]] }, 4326);
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x47, 0x50, 0, 1, ...b])), damage(base)), (blob) => {
      try {
        decodeGpkgGeometry(blob);
        count('decodeGpkgGeometry', 'decoded');
      } catch (err) {
        expect(err).toBeInstanceOf(RangeError);
        count('decodeGpkgGeometry', 'RangeError');
      }
    }), { numRuns: 2000 });
  });

  it('damaged MBTiles: a Result; what opens serves tiles or null', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
    for (let x = 0; x < 4; x++) db.run('INSERT INTO tiles VALUES (2, ?, 1, ?)', [x, new Uint8Array(300).fill(x)]);
    const base = db.export();
    db.close();
    await fc.assert(fc.asyncProperty(damage(base), async (bytes) => {
      const r = await readMbtiles(bytes);
      if (r.ok) {
        const tile = r.value.getTile(2, 1, 2);
        expect(tile === null || tile instanceof Uint8Array).toBe(true);
        count('readMbtiles:damaged', 'read');
        r.value.close();
      } else count('readMbtiles:damaged', `refused:${r.code}`);
    }), { numRuns: 200 });
  });
});
