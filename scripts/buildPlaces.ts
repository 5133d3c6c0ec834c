/**
 * Builds geodata/places/guizhouPlaces.json, the priority-place catalogue, from ../shared/reference/places.csv:
 * category mapped to core/model/place.ts (finer subcategory kept), GB/T 2260 county code, coordinates with
 * their source and source CRS (GCJ-02 converted to WGS-84 with gcoord). Rows without coordinates are
 * 'to-locate'. For located places, the county whose boundary holds the point is recorded when it differs.
 * Run: npm run build:data   (needs ../shared beside the checkout; the output is committed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import { booleanPointInPolygon, point } from '@turf/turf';
import countiesJson from '../geodata/counties/guizhouCounties.json';
import type { County } from '../geodata/counties/county';
import { parseCsv } from '../geodata/text';
import type { CatalogueEntry } from '../geodata/places/catalogueEntry';
import type { PlaceCategory } from '../core/model/place';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = path.resolve(root, '..', 'shared', 'reference', 'places.csv');

const CATEGORY: Record<string, PlaceCategory> = {
  scenic_5a: 'scenic',
  scenic_4a: 'scenic',
  rail_hub: 'transport_hub',
  airport: 'transport_hub',
};

const table = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
const col = (name: string) => {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`places.csv: no column '${name}'`);
  return i;
};
const c = {
  name: col('name'), category: col('category'), prefecture: col('prefecture'), county: col('county'),
  adcode: col('county_adcode'), basis: col('county_basis'), lat: col('lat_wgs84'), lon: col('lon_wgs84'),
  crs: col('coord_source_system'), notes: col('notes'), source: col('source'),
};
// The county table is read directly: geodata/counties/index.ts imports this script's output.
const GUIZHOU_COUNTIES = countiesJson as unknown as County[];
const codes = new Set(GUIZHOU_COUNTIES.map((k) => k.code));
// 1e-6 deg (~0.1 m) keeps every digit the sources give.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

const entries: CatalogueEntry[] = table.rows.map((r, i) => {
  const line = table.lineNumbers[i];
  const category = CATEGORY[r[c.category]];
  if (!category) throw new Error(`places.csv line ${line}: unknown category '${r[c.category]}'`);
  const code = r[c.adcode];
  if (code && !codes.has(code)) throw new Error(`places.csv line ${line}: county_adcode ${code} is not a Guizhou county`);
  const entry: CatalogueEntry = {
    id: `gz-${i + 1}`,
    name: r[c.name],
    category,
    subcategory: r[c.category],
    prefecture: r[c.prefecture],
    ...(code && { countyCode: code }),
    countyText: r[c.county],
    countyBasis: r[c.basis],
    status: 'to-locate',
    ...(r[c.notes] && { notes: r[c.notes] }),
    source: r[c.source],
  };
  if (r[c.lat] && r[c.lon]) {
    const crs = r[c.crs];
    if (!crs) throw new Error(`places.csv line ${line}: coordinates without coord_source_system`);
    let lonLat: [number, number] = [Number(r[c.lon]), Number(r[c.lat])];
    if (!lonLat.every(Number.isFinite)) throw new Error(`places.csv line ${line}: bad coordinates`);
    if (/GCJ-?02/i.test(crs)) lonLat = gcoord.transform(lonLat, gcoord.GCJ02, gcoord.WGS84) as [number, number];
    else if (!/WGS-?84/i.test(crs)) throw new Error(`places.csv line ${line}: unsupported coordinate system '${crs}'`);
    entry.status = 'located';
    entry.lonLat = [round(lonLat[0]), round(lonLat[1])];
    entry.sourceCrs = crs;
    const holder = GUIZHOU_COUNTIES.find((k) => booleanPointInPolygon(point(entry.lonLat!), k.boundary));
    if (holder && holder.code !== code) entry.boundaryCountyCode = holder.code;
  }
  return entry;
});

const out = path.join(root, 'geodata', 'places', 'guizhouPlaces.json');
writeFileSync(out, JSON.stringify(entries, null, 1) + '\n');
const located = entries.filter((e) => e.status === 'located');
console.log(`${entries.length} places (${located.length} located, ${entries.length - located.length} to locate) -> ${path.relative(root, out)}`);
for (const e of located.filter((e) => e.boundaryCountyCode)) {
  console.log(`  ${e.name}: listed under ${e.countyCode ?? '-'} (${e.countyText}), point falls in ${e.boundaryCountyCode}`);
}
