import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import initSqlJs from 'sql.js';
import { IMPORT_LIMITS } from '../../geodata/import';
import { PROJECT_LIMITS, writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../../test/geodata/project/smallProject';
import { mulberry32 } from '../../core/random';

/**
 * Which reader a corpus file goes through; 'cli' runs a qcplan command (BadInput.cli) in the corpus folder,
 * for what only a path can be (a named pipe, /dev/zero, a link to the project) and for the CLI's own rules.
 */
export type BadInputReader = 'sites' | 'places' | 'olts' | 'dem' | 'gpkg' | 'mbtiles' | 'cli';

/** What a corpus file must get: refused (failed Result), imported with row errors, imported clean, or either. */
export type BadInputExpect = 'refused' | 'row-errors' | 'imported' | 'any';

/** One malformed or hostile input. */
export interface BadInput {
  fileName: string;
  reader: BadInputReader;
  what: string;
  expect: BadInputExpect;
  make(): Uint8Array | Promise<Uint8Array>;
  /** import into 仁怀市 (520382): rows outside it are errors naming the distance */
  inCounty?: boolean;
  /** 'cli' cases: qcplan's arguments, run in the corpus folder after `prepare(dir)` made what they name */
  cli?: { args: string[]; prepare?: (dir: string) => void | Promise<void> };
}

const junk = (n: number, seed: number) => {
  const rand = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
};

const HEADER = '站名,经度,纬度,站高,方位角';
const siteLine = (i: number) => `站${i},${(106 + (i % 997) * 0.0007).toFixed(5)},${(27.5 + (i % 991) * 0.0005).toFixed(5)},30,0/120/240`;

/** A CSV of `rows` good site rows, built in one buffer (the 1,000,000-row file is 40 MB). */
function siteCsv(rows: number): Uint8Array {
  const parts: string[] = [HEADER];
  for (let i = 0; i < rows; i++) parts.push(siteLine(i));
  return strToU8(parts.join('\n') + '\n');
}

/** A CSV of about `bytes` bytes whose few rows carry one giant notes cell each. */
function giantCellCsv(bytes: number): Uint8Array {
  const cell = 'x'.repeat(Math.floor(bytes / 4));
  return strToU8(['站名,经度,纬度,备注', ...[0, 1, 2, 3].map((i) => `站${i},106.5,27.6,${cell}`)].join('\n'));
}

/** Sets the uncompressed size of every entry in a zip's local and central headers (APPNOTE 4.3.7, 4.3.12). */
function declareSizes(zip: Uint8Array, bytes: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, bytes >>> 0, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, bytes >>> 0, true);
  }
  return out;
}

/** A zip with one entry of `bytes` repeated spaces, deflated in 1 MB chunks (a real zip bomb). */
function bombZip(entryName: string, bytes: number, prefix: Record<string, Uint8Array> = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(prefix)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  const bomb = new ZipDeflate(entryName, { level: 9 });
  zip.add(bomb);
  const mb = new Uint8Array(1 << 20).fill(0x20);
  for (let left = bytes; left > 0; left -= mb.length) bomb.push(left > mb.length ? mb : mb.subarray(0, left), left <= mb.length);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const KML = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`;
const placemark = (name: string, lon: number, lat: number) => `<Placemark><name>${name}</name><Point><coordinates>${lon},${lat}</coordinates></Point></Placemark>`;

async function siteXlsx(rows = 20): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('站点');
  ws.addRow(HEADER.split(','));
  for (let i = 0; i < rows; i++) ws.addRow(siteLine(i).split(','));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A 1x1 Float32 GeoTIFF (geotiff.js writer) whose header then claims width x height pixels. */
function giantTiff(width: number, height: number): Uint8Array {
  const tiff = new Uint8Array(writeArrayBuffer(Float32Array.from([500]), {
    width: 1, height: 1, BitsPerSample: [32], SampleFormat: [3],
    ModelPixelScale: [0.001, 0.001, 0], ModelTiepoint: [0, 0, 0, 106, 28, 0], GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326,
  }));
  const view = new DataView(tiff.buffer);
  const le = tiff[0] === 0x49;
  const ifd = view.getUint32(4, le);
  const n = view.getUint16(ifd, le);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + 12 * k;
    const tag = view.getUint16(e, le);
    if (tag !== 256 && tag !== 257) continue;
    const value = tag === 256 ? width : height;
    if (view.getUint16(e + 2, le) === 3) view.setUint16(e + 8, value, le);
    else view.setUint32(e + 8, value, le);
  }
  return tiff;
}

/** The small test project (test/geodata/project/smallProject) after `sql` ran on it, as any SQLite tool could edit it. */
async function projectEdited(sql: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await writeProjectGpkg(smallProject()));
  try {
    db.run(sql);
    return db.export();
  } finally {
    db.close();
  }
}

const ENDLESS = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n';
const SECTOR = { id: '1', azimuthDeg: 0, mechanicalTiltDeg: 0, electricalTiltDeg: 0, antenna: 'sector' };

/** An MBTiles file whose `tiles` is the view `view` over map and images tables. */
async function mbtilesWithView(view: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
    CREATE TABLE images (tile_data BLOB, tile_id TEXT); INSERT INTO map VALUES (2, 1, 3, 'a'); INSERT INTO images VALUES (x'07', 'a'); CREATE VIEW tiles AS ${view}`);
  const out = db.export();
  db.close();
  return out;
}

/** A KMZ whose doc.kml entry is a symbolic link (unix mode 0120777 in the external attributes) to `target`. */
function kmzWithLink(target: string): Uint8Array {
  return zipSync({ 'doc.kml': [strToU8(target), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
}

const GB = (hex: string) => hex.match(/../g)!.map((h) => parseInt(h, 16));
// 站名,经度,纬度,状态 in GBK, then a row named 𠀀站 (U+20000: GB18030 four-byte 95 32 82 36)
const GB18030_SITES = Uint8Array.from([
  ...GB('d5bec3fb'), 0x2c, ...GB('beadb6c8'), 0x2c, ...GB('ceb3b6c8'), 0x2c, ...GB('d7b4ccac'), 0x0a,
  0x95, 0x32, 0x82, 0x36, ...GB('d5be'), ...strToU8(',106.40,27.80,'), ...GB('cfd6cdf8'), 0x0a,
]);

/** `name` in `dir`, removed first when an earlier run left it (a pipe or a link cannot be made over it). */
function fresh(dir: string, name: string): string {
  const file = path.join(dir, name);
  rmSync(file, { force: true });
  return file;
}

/** Cases issue 21 named, and their neighbours: hostile project files, numbers as typed, paths that are not files. */
function hostileCases(): BadInput[] {
  const project = () => writeProjectGpkg(smallProject());
  const withProject = (dir: string, name = 'p.gpkg') => project().then((b) => writeFileSync(path.join(dir, name), b));
  return [
    // a project file must not hang, exhaust or rewrite anything
    { fileName: 'view-endless.gpkg', reader: 'gpkg', what: 'a view yielding rows without end in place of the sites layer', expect: 'refused', make: () => projectEdited(`ALTER TABLE sites RENAME TO s0; CREATE VIEW sites AS SELECT s.* FROM s0 s, (${ENDLESS})`) },
    { fileName: 'view-multiply.gpkg', reader: 'gpkg', what: 'qc_meta as a view joining the table to itself 7 times', expect: 'refused', make: () => projectEdited('ALTER TABLE qc_meta RENAME TO m; CREATE VIEW qc_meta AS SELECT a.key, a.value FROM m a, m b, m c, m d, m e, m f, m g') },
    { fileName: 'virtual-places.gpkg', reader: 'gpkg', what: 'an FTS4 virtual table in place of the places layer', expect: 'refused', make: () => projectEdited('DROP TABLE places; CREATE VIRTUAL TABLE places USING fts4(id, name)') },
    {
      fileName: 'trigger-loop-v1.gpkg', reader: 'gpkg', what: 'version-1 file with endless triggers on gpkg_contents and qc_meta (fired by the migration)', expect: 'imported',
      make: () => projectEdited(`UPDATE qc_meta SET value = '1' WHERE key = 'file_version'; DROP TABLE qc_history; DELETE FROM gpkg_contents WHERE table_name = 'qc_history';
        CREATE TABLE r2 AS SELECT name, cols, rows, dtype, provenance, source, data FROM qc_rasters WHERE 0; DROP TABLE qc_rasters; ALTER TABLE r2 RENAME TO qc_rasters;
        CREATE TABLE spin (i INTEGER); CREATE TRIGGER t1 AFTER INSERT ON gpkg_contents BEGIN INSERT INTO spin ${ENDLESS}; END;
        CREATE TRIGGER t2 BEFORE UPDATE ON qc_meta BEGIN INSERT INTO spin ${ENDLESS}; END;`),
    },
    { fileName: 'extra-objects.gpkg', reader: 'gpkg', what: 'an endless view, an unknown table and an expression index beside the layers', expect: 'imported', make: () => projectEdited(`CREATE VIEW everything AS ${ENDLESS}; CREATE TABLE loot (x TEXT); CREATE INDEX odd ON sites (abs(height_agl_m) * 2)`) },
    { fileName: 'generated-column.gpkg', reader: 'gpkg', what: 'sites.notes GENERATED as a 100 MB string on every read', expect: 'refused', make: () => projectEdited("ALTER TABLE sites DROP COLUMN notes; ALTER TABLE sites ADD COLUMN notes TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL") },
    { fileName: 'grid-100000.gpkg', reader: 'gpkg', what: 'grid claiming 100000 x 100000 cells (80 GB of rasters)', expect: 'refused', make: () => projectEdited(`UPDATE qc_meta SET value = replace(replace(value, '"cols":3', '"cols":100000'), '"rows":2', '"rows":100000') WHERE key = 'grid'`) },
    { fileName: 'grid-over-cells.gpkg', reader: 'gpkg', what: `grid of 20000 x 20000 (each side allowed, the cells ${PROJECT_LIMITS.maxGridCells / 1e6} M over)`, expect: 'refused', make: () => projectEdited(`UPDATE qc_meta SET value = replace(replace(value, '"cols":3', '"cols":20000'), '"rows":2', '"rows":20000') WHERE key = 'grid'`) },
    { fileName: 'grid-negative.gpkg', reader: 'gpkg', what: 'grid of -5 columns (a negative size)', expect: 'refused', make: () => projectEdited(`UPDATE qc_meta SET value = replace(value, '"cols":3', '"cols":-5') WHERE key = 'grid'`) },
    { fileName: 'grid-infinite.gpkg', reader: 'gpkg', what: 'cellSizeM 1e999 (Infinity) in the grid JSON', expect: 'refused', make: () => projectEdited(`UPDATE qc_meta SET value = replace(value, '"cellSizeM":50', '"cellSizeM":1e999') WHERE key = 'grid'`) },
    { fileName: 'range-far.gpkg', reader: 'gpkg', what: 'macro range 1e9 m in the settings (footprints of the whole grid)', expect: 'refused', make: () => projectEdited(`UPDATE qc_meta SET value = replace(value, '"macro":5000', '"macro":1e9') WHERE key = 'settings'`) },
    { fileName: 'height-infinite.gpkg', reader: 'gpkg', what: 'a site 9e999 m high (REAL Infinity)', expect: 'refused', make: () => projectEdited("UPDATE sites SET height_agl_m = 9e999 WHERE id = 'S1'") },
    { fileName: 'sectors-200000.gpkg', reader: 'gpkg', what: 'a site with 200,000 sectors in its JSON (20 MB)', expect: 'refused', make: () => projectEdited(`UPDATE sites SET sectors = '${JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ ...SECTOR, id: String(i) })))}' WHERE id = 'S1'`) },
    { fileName: 'sectors-13.gpkg', reader: 'gpkg', what: 'a site with 13 sectors', expect: 'refused', make: () => projectEdited(`UPDATE sites SET sectors = '${JSON.stringify(Array.from({ length: 13 }, () => SECTOR))}' WHERE id = 'S2'`) },
    { fileName: 'raster-blob.gpkg', reader: 'gpkg', what: 'a 50 MB blob in the raster table for a 6-cell grid', expect: 'refused', make: () => projectEdited("UPDATE qc_rasters SET data = zeroblob(50000000) WHERE name = 'terrain'") },
    { fileName: 'olts-over.gpkg', reader: 'gpkg', what: `${(PROJECT_LIMITS.maxOlts + 1).toLocaleString('en')} OLT rows`, expect: 'refused', make: () => projectEdited(`INSERT INTO olts (geom, id, name, status) SELECT (SELECT geom FROM olts LIMIT 1), 'X' || i, 'x', 'existing' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT ${PROJECT_LIMITS.maxOlts + 1}) SELECT i FROM n)`) },
    { fileName: 'json-deep.gpkg', reader: 'gpkg', what: 'edit-log JSON nested 100,000 deep', expect: 'refused', make: () => projectEdited(`UPDATE qc_history SET detail = '${'['.repeat(100_000)}${']'.repeat(100_000)}'`) },
    { fileName: 'view-recursive.mbtiles', reader: 'mbtiles', what: 'tiles as a recursive view', expect: 'refused', make: () => mbtilesWithView(`${ENDLESS.replace('SELECT i FROM n', "SELECT i AS zoom_level, i AS tile_column, i AS tile_row, x'00' AS tile_data FROM n")}`) },
    { fileName: 'view-cross.mbtiles', reader: 'mbtiles', what: 'tiles as a view scanning three tables inside each other', expect: 'refused', make: () => mbtilesWithView('SELECT a.zoom_level, a.tile_column, a.tile_row + b.tile_row + c.tile_row AS tile_row, i.tile_data FROM map a, map b, map c, images i') },
    // what a user typed must arrive as they meant it, or be refused
    { fileName: 'decimal-comma.csv', reader: 'sites', what: "heights '12,5', '1,5' and '２５，５' (decimal commas, full width)", expect: 'row-errors', make: () => strToU8('站名,经度,纬度,挂高,类型\nA,106.4,27.8,"12,5",微站\nB,106.41,27.8,"1,5",微站\nC,106.42,27.8,"２５，５",微站\nD,106.43,27.8,１２．５,微站\n') },
    { fileName: 'bom-decimal-comma.csv', reader: 'sites', what: 'UTF-8 BOM and a decimal comma in 挂高', expect: 'row-errors', make: () => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('站名,经度,纬度,挂高\nA,106.4,27.8,"30,5"\n')]) },
    { fileName: 'thousands.csv', reader: 'sites', what: "grouped thousands ('1,250,000' in 投资) and full-width digits", expect: 'imported', make: () => strToU8('站名,经度,纬度,挂高,投资\nA,１０６.４,27.8,35,"1,250,000"\n') },
    { fileName: 'tilt-comma.csv', reader: 'sites', what: "tilt '1,5' on a one-azimuth site (read as two values)", expect: 'row-errors', make: () => strToU8('站名,经度,纬度,方位角,下倾角\nA,106.4,27.8,90,"1,5"\n') },
    { fileName: 'dup-conflict.csv', reader: 'sites', what: 'two rows with one id and different heights and statuses', expect: 'row-errors', make: () => strToU8('站号,站名,经度,纬度,挂高,状态\nS1,甲,106.4,27.8,30,现网\nS1,甲,106.4,27.8,35,规划\n') },
    { fileName: 'dup-identical.csv', reader: 'sites', what: 'the same row twice (a warning)', expect: 'imported', make: () => strToU8('站号,站名,经度,纬度,挂高\nS1,甲,106.4,27.8,30\nS1,甲,106.4,27.8,30\n') },
    { fileName: 'separator-rows.csv', reader: 'sites', what: 'rows of nothing but commas, as Excel leaves them', expect: 'imported', make: () => strToU8('站名,经度,纬度\n,,\nA,106.4,27.8\n , ,\n,,\n') },
    { fileName: 'gb18030-4byte.csv', reader: 'sites', what: 'GB18030 with a four-byte character (U+20000) in a name', expect: 'imported', make: () => GB18030_SITES },
    { fileName: 'far-site.csv', reader: 'sites', what: 'a site 1,593 km outside the county (Beijing)', expect: 'row-errors', inCounty: true, make: () => strToU8('站名,经度,纬度\n县城,106.41,27.79\n远站,116.40,39.90\n') },
    { fileName: 'sectors-50000.csv', reader: 'sites', what: 'one row with 50,000 azimuths', expect: 'row-errors', make: () => strToU8(`站名,经度,纬度,方位角\nA,106.4,27.8,${Array.from({ length: 50_000 }, (_, i) => i % 360).join('/')}\n`) },
    { fileName: 'height-kind.csv', reader: 'sites', what: 'a macro site 5 m high, a micro site 60 m (outside the model for their kind)', expect: 'row-errors', make: () => strToU8('站名,经度,纬度,挂高,类型\nA,106.4,27.8,5,宏站\nB,106.41,27.8,60,微站\n') },
    { fileName: 'infinite.geojson', reader: 'places', what: 'coordinates 1e999 (Infinity once parsed) in GeoJSON', expect: 'row-errors', make: () => strToU8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"a","类别":"学校"},"geometry":{"type":"Point","coordinates":[1e999,27.8]}},{"type":"Feature","properties":{"名称":"b","类别":"学校"},"geometry":{"type":"Point","coordinates":[106.4,27.8]}}]}') },
    { fileName: 'negative-sizes.csv', reader: 'olts', what: 'negative port counts', expect: 'row-errors', make: () => strToU8('名称,经度,纬度,GPON端口数\nO1,106.4,27.8,-16\nO2,106.41,27.8,8\n') },
    { fileName: 'zip-link.kmz', reader: 'sites', what: 'doc.kml stored as a symbolic link to /etc/passwd', expect: 'refused', make: () => kmzWithLink('/etc/passwd') },
    { fileName: 'zip-traversal.kmz', reader: 'sites', what: "a KML entry named '../../doc.kml' (never used as a path)", expect: 'imported', make: () => zipSync({ '../../doc.kml': strToU8(KML(placemark('站1', 106.5, 27.6))) }) },
    // paths that are not what they claim, and the CLI's own rules
    { fileName: 'pipe.gpkg', reader: 'cli', what: 'a named pipe as the project (qcplan score)', expect: 'refused', make: () => new Uint8Array(0), cli: { args: ['score', 'pipe-real.gpkg'], prepare: (dir) => { fresh(dir, 'pipe-real.gpkg'); execFileSync('mkfifo', [path.join(dir, 'pipe-real.gpkg')]); } } },
    { fileName: 'zero.csv', reader: 'cli', what: '/dev/zero as the import file (qcplan import)', expect: 'refused', make: () => new Uint8Array(0), cli: { args: ['import', 'zero.gpkg', 'sites', 'zero-link.csv', '--default-status', 'existing'], prepare: async (dir) => { await withProject(dir, 'zero.gpkg'); symlinkSync('/dev/zero', fresh(dir, 'zero-link.csv')); } } },
    { fileName: 'out-is-input.gpkg', reader: 'cli', what: 'qcplan export P.gpkg --out P.gpkg', expect: 'refused', make: project, cli: { args: ['export', 'out-is-input.gpkg', '--format', 'csv', '--out', 'out-is-input.gpkg'] } },
    { fileName: 'out-link.gpkg', reader: 'cli', what: 'qcplan export --out a link to the project', expect: 'refused', make: project, cli: { args: ['export', 'out-link.gpkg', '--format', 'csv', '--out', 'out-link-alias.csv'], prepare: (dir) => symlinkSync('out-link.gpkg', fresh(dir, 'out-link-alias.csv')) } },
    { fileName: 'workers.gpkg', reader: 'cli', what: 'qcplan score --workers 1000 (capped at the cores)', expect: 'imported', make: project, cli: { args: ['score', 'workers.gpkg', '--workers', '1000', '--top', '1'] } },
  ];
}

/**
 * The malformed-input corpus (issues 11 and 21): truncated, wrong encoding, giant values, 100 MB files, 1,000,000-row
 * CSV, deeply nested GeoJSON, zip bombs (KMZ, XLSX), billion laughs, empty files and binary junk with the
 * right extension, for every importer and the raster/GeoPackage readers; hostile project files (views, virtual
 * tables, triggers, generated columns, size claims), numbers as typed (decimal commas, full width, duplicates,
 * a site outside the county), zip links, and paths that are no files (a pipe, /dev/zero, the input as output). 'small' keeps every case but shrinks
 * the costly ones (limits are crossed by declared sizes or just past the row limit) so a unit test runs it in
 * seconds; 'full' builds the real 100 MB files, 1,000,000 rows and real bombs.
 * @example for (const c of badInputCorpus('small')) await readBadInput(c, await c.make())
 */
export function badInputCorpus(scale: 'small' | 'full'): BadInput[] {
  const full = scale === 'full';
  const good = siteCsv(50);
  const rowsOver = full ? 1_000_000 : IMPORT_LIMITS.maxRows + 1;
  const bombBytes = full ? 2e9 : 0;
  return [
    { fileName: 'empty.csv', reader: 'sites', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.xlsx', reader: 'sites', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.geojson', reader: 'places', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.kml', reader: 'olts', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.kmz', reader: 'sites', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.tif', reader: 'dem', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'empty.gpkg', reader: 'gpkg', what: 'empty file', expect: 'refused', make: () => new Uint8Array(0) },
    { fileName: 'header-only.csv', reader: 'sites', what: 'header, no rows', expect: 'any', make: () => strToU8(HEADER) },
    { fileName: 'truncated.csv', reader: 'sites', what: 'cut inside a quoted field', expect: 'any', make: () => strToU8(`${HEADER}\n站1,106.5,27.6,30,0\n"站2,106.`) },
    { fileName: 'truncated.xlsx', reader: 'sites', what: 'first half of a workbook', expect: 'refused', make: async () => { const x = await siteXlsx(); return x.slice(0, x.length >> 1); } },
    { fileName: 'truncated.kmz', reader: 'sites', what: 'first half of a KMZ', expect: 'refused', make: () => { const z = zipSync({ 'doc.kml': strToU8(KML(placemark('站1', 106.5, 27.6))) }); return z.slice(0, z.length >> 1); } },
    { fileName: 'truncated.geojson', reader: 'places', what: 'cut mid-feature', expect: 'refused', make: () => strToU8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"a"},"geometry":{"type":"Point","coordinates":[106.5,') },
    { fileName: 'truncated.kml', reader: 'olts', what: 'cut mid-placemark', expect: 'refused', make: () => strToU8(KML(placemark('OLT1', 106.5, 27.6)).slice(0, 150)) },
    { fileName: 'truncated.tif', reader: 'dem', what: 'first 100 bytes of a GeoTIFF', expect: 'refused', make: () => giantTiff(1, 1).slice(0, 100) },
    { fileName: 'truncated.gpkg', reader: 'gpkg', what: 'SQLite header then nothing', expect: 'refused', make: () => { const b = new Uint8Array(4096); b.set(strToU8('SQLite format 3\u0000')); return b; } },
    { fileName: 'gbk.csv', reader: 'sites', what: 'GBK-encoded (detected)', expect: 'imported', make: () => Uint8Array.from([...strToU8('name,lon,lat\n'), 0xd5, 0xbe, 0x31, ...strToU8(',106.5,27.6\n')]) },
    { fileName: 'utf16.csv', reader: 'sites', what: 'UTF-16LE (wrong encoding)', expect: 'refused', make: () => { const s = `${HEADER}\n${siteLine(1)}`; const b = new Uint8Array(2 * s.length); for (let i = 0; i < s.length; i++) { b[2 * i] = s.charCodeAt(i) & 255; b[2 * i + 1] = s.charCodeAt(i) >> 8; } return b; } },
    { fileName: 'gbk-in-utf8.kml', reader: 'sites', what: 'GBK bytes in a KML declared UTF-8', expect: 'any', make: () => Uint8Array.from([...strToU8(KML('<Placemark><name>')).slice(0, -'</Document></kml>'.length), 0xd5, 0xbe, ...strToU8('</name><Point><coordinates>106.5,27.6</coordinates></Point></Placemark></Document></kml>')]) },
    { fileName: 'giant-values.csv', reader: 'sites', what: '1e308, -1e308, NaN, 300 KB name, 300-digit numbers', expect: 'row-errors', make: () => strToU8(`${HEADER}\n站1,1e308,27.6,30,0\n站2,106.5,-1e308,30,0\n站3,NaN,Infinity,30,0\n${'名'.repeat(100_000)},106.5,27.6,30,0\n站5,106.5,27.6,${'9'.repeat(300)},0\n站6,106.5,27.6,30,${'1/'.repeat(5000)}1`) },
    { fileName: 'giant-values.geojson', reader: 'places', what: 'coordinates 1e308 and strings as numbers', expect: 'row-errors', make: () => strToU8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: 'a', 类别: 'school' }, geometry: { type: 'Point', coordinates: [1e308, 1e308] } }, { type: 'Feature', properties: { 名称: 'b', 类别: 'school' }, geometry: { type: 'Point', coordinates: ['106', null] } }, { type: 'Feature', properties: { 名称: 'c', 类别: 'school' }, geometry: { type: 'Point', coordinates: [106.5, 27.6] } }] })) },
    { fileName: 'giant-cell.csv', reader: 'sites', what: `${full ? 100 : 8} MB in four notes cells`, expect: 'refused', make: () => giantCellCsv(full ? 100e6 : 8e6) },
    { fileName: 'over-size.csv', reader: 'sites', what: `${full ? 250 : 201} MB CSV (over the 200 MB limit)`, expect: 'refused', make: () => { const b = new Uint8Array(full ? 250e6 : 201e6).fill(0x2c); b.set(strToU8(HEADER + '\n')); return b; } },
    ...(full ? [{ fileName: 'rows-100mb.csv', reader: 'sites' as const, what: '100 MB of good rows (2.5 M rows)', expect: 'refused' as const, make: () => siteCsv(2_500_000) }] : []),
    { fileName: `rows-${rowsOver}.csv`, reader: 'sites', what: `${rowsOver.toLocaleString('en')}-row CSV`, expect: 'refused', make: () => siteCsv(rowsOver) },
    ...(full ? [{ fileName: 'rows-250000.xlsx', reader: 'sites' as const, what: '250,000-row workbook', expect: 'refused' as const, make: () => siteXlsx(250_000) }] : []),
    ...(full ? [{ fileName: 'rows-200000.csv', reader: 'sites' as const, what: '200,000-row CSV (at the limit)', expect: 'imported' as const, make: () => siteCsv(IMPORT_LIMITS.maxRows) }] : []),
    { fileName: 'deep.geojson', reader: 'places', what: `coordinates nested ${full ? '1,000,000' : '10,000'} deep`, expect: 'refused', make: () => { const d = full ? 1e6 : 1e4; return strToU8(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"a"},"geometry":{"type":"Point","coordinates":${'['.repeat(d)}1${']'.repeat(d)}}}]}`); } },
    { fileName: 'deep-properties.geojson', reader: 'places', what: 'properties nested 5,000 deep', expect: 'refused', make: () => strToU8(`{"type":"Feature","properties":{"名称":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}},"geometry":{"type":"Point","coordinates":[106.5,27.6]}}`) },
    { fileName: 'many-positions.geojson', reader: 'places', what: `LineString of ${full ? '6,000,000' : '10,000'} positions`, expect: full ? 'refused' : 'any', make: () => { const n = full ? 6e6 : 1e4; const pos = '[106.5,27.6],'.repeat(n - 1) + '[106.5,27.6]'; return strToU8(`{"type":"Feature","properties":{"名称":"a","类别":"line"},"geometry":{"type":"LineString","coordinates":[${pos}]}}`); } },
    { fileName: 'billion-laughs.kml', reader: 'sites', what: 'nested entities (10^9 expansions)', expect: 'refused', make: () => { const ents = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`)]; return strToU8(`<?xml version="1.0"?><!DOCTYPE kml [${ents.join('')}]><kml><Document><Placemark><name>&l9;</name><Point><coordinates>106.5,27.6</coordinates></Point></Placemark></Document></kml>`); } },
    { fileName: 'external-entity.kml', reader: 'sites', what: 'SYSTEM entity to /etc/passwd', expect: 'refused', make: () => strToU8(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Document>${placemark('&x;', 106.5, 27.6)}</Document></kml>`) },
    { fileName: 'bomb-declared.kmz', reader: 'sites', what: 'doc.kml declaring 4 GB in the zip directory', expect: 'refused', make: () => declareSizes(zipSync({ 'doc.kml': strToU8(KML(placemark('站1', 106.5, 27.6))) }), 0xffffffff) },
    { fileName: 'bomb-lying.kmz', reader: 'sites', what: 'doc.kml declaring 10 bytes, inflating to more', expect: 'refused', make: () => declareSizes(zipSync({ 'doc.kml': strToU8(KML(placemark('站1', 106.5, 27.6).repeat(50))) }), 10) },
    { fileName: 'bomb-declared.xlsx', reader: 'sites', what: 'workbook entries declaring 4 GB each', expect: 'refused', make: async () => declareSizes(await siteXlsx(), 0xffffffff) },
    { fileName: 'bomb-lying.xlsx', reader: 'sites', what: 'workbook entries declaring 10 bytes each', expect: 'refused', make: async () => declareSizes(await siteXlsx(), 10) },
    ...(full
      ? [
          { fileName: 'bomb-2gb.kmz', reader: 'sites' as const, what: 'real zip bomb: 2 GB doc.kml', expect: 'refused' as const, make: () => bombZip('doc.kml', bombBytes) },
          { fileName: 'bomb-2gb.xlsx', reader: 'sites' as const, what: 'real zip bomb: a workbook plus a 2 GB sheet', expect: 'refused' as const, make: async () => bombZip('xl/worksheets/sheet2.xml', bombBytes, unzipSync(await siteXlsx())) },
        ]
      : []),
    { fileName: 'junk.csv', reader: 'sites', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 1) },
    { fileName: 'junk.xlsx', reader: 'sites', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 2) },
    { fileName: 'junk-pk.xlsx', reader: 'sites', what: "'PK\\3\\4' then random bytes", expect: 'refused', make: () => { const b = junk(65536, 3); b.set([0x50, 0x4b, 3, 4]); return b; } },
    { fileName: 'junk.geojson', reader: 'places', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 4) },
    { fileName: 'junk.kml', reader: 'olts', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 5) },
    { fileName: 'junk.kmz', reader: 'sites', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 6) },
    { fileName: 'junk.tif', reader: 'dem', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 7) },
    { fileName: 'junk-ii.tif', reader: 'dem', what: "'II*' TIFF magic then random bytes", expect: 'refused', make: () => { const b = junk(65536, 8); b.set([0x49, 0x49, 42, 0, 8, 0, 0, 0]); return b; } },
    { fileName: 'giant-header.tif', reader: 'dem', what: '1x1 GeoTIFF claiming 60000 x 60000 pixels', expect: 'refused', make: () => giantTiff(60000, 60000) },
    { fileName: 'junk.gpkg', reader: 'gpkg', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 9) },
    { fileName: 'junk.mbtiles', reader: 'mbtiles', what: '64 KB random bytes', expect: 'refused', make: () => junk(65536, 10) },
    { fileName: 'good.csv', reader: 'sites', what: 'control: 50 good rows', expect: 'imported', make: () => good },
    ...hostileCases(),
  ];
}
