import ExcelJS from 'exceljs';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import { IMPORT_LIMITS } from '../../geodata/import';

/** Which reader a corpus file goes through. */
export type BadInputReader = 'sites' | 'places' | 'olts' | 'dem' | 'gpkg' | 'mbtiles';

/** What a corpus file must get: refused (failed Result), imported with row errors, imported clean, or either. */
export type BadInputExpect = 'refused' | 'row-errors' | 'imported' | 'any';

/** One malformed or hostile input. */
export interface BadInput {
  fileName: string;
  reader: BadInputReader;
  what: string;
  expect: BadInputExpect;
  make(): Uint8Array | Promise<Uint8Array>;
}

/** Seeded PRNG (mulberry32): the corpus is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

/**
 * The malformed-input corpus (issue 11): truncated, wrong encoding, giant values, 100 MB files, 1,000,000-row
 * CSV, deeply nested GeoJSON, zip bombs (KMZ, XLSX), billion laughs, empty files and binary junk with the
 * right extension, for every importer and the raster/GeoPackage readers. 'small' keeps every case but shrinks
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
  ];
}
