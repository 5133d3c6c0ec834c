/**
 * Hand-run check of the default population of new county projects (reads geodata/defaults; not npm test):
 *   npx tsx scripts/validatePopulation.ts [--grid 50] [--counties 520526,520103,...] [--out results.json]
 * For each county: newCountyProject with the shipped defaults at --grid metres; checks that the grid total
 * equals the 2020 census figure to 0.1 %; aggregates the layer back to GPW's 30" pixels and reports the
 * Pearson correlation with GPW v4.11 aggregated the same way (GPW areal-weighted onto the same grid and clipped
 * to the county, so only the census scaling and the dense-core reshaping can lower it), plain and of log(1 + x);
 * and the share of people within 5 km of the seat (GPW-shaped vs the settlement model without a raster), the
 * "blob" measure. Prints one JSON object: per county and a summary. Exit 1 when any county misses 0.1 %.
 */
import { writeFileSync } from 'node:fs';
import { cellCentreXM, cellCentreYM, polygonMask, resampleMassPreserving, type GridSpec } from '../core/grid';
import { WGS84_LONLAT } from '../core/grid/geoRaster';
import type { PopulationDetails } from '../core/model';
import proj4 from 'proj4';
import { shippedDefaults } from '../cli/project/shippedDefaults';
import { GUIZHOU_COUNTIES, countyByCode, newCountyProject, type County } from '../geodata/counties';
import { pearsonCorrelation } from '../core/stats';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const cellSizeM = Number(opt('--grid') ?? 50);
const counties: County[] = opt('--counties')
  ? opt('--counties')!.split(',').map((c) => countyByCode(c.trim()) ?? (console.error(`unknown county ${c}`), process.exit(2)))
  : [...GUIZHOU_COUNTIES];

const defaults = await shippedDefaults();
const gpw = defaults.population!;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Per grid cell, the index of the GPW pixel holding its centre (-1 outside the raster): centres projected every 16 cells along a row, linear between. */
function pixelOfCells(grid: GridSpec): Int32Array {
  const toLonLat = proj4(grid.crs, WGS84_LONLAT);
  const out = new Int32Array(grid.cols * grid.rows);
  const step = 16;
  for (let row = 0; row < grid.rows; row++) {
    const y = cellCentreYM(grid, row);
    for (let c0 = 0; c0 < grid.cols; c0 += step) {
      const c1 = Math.min(c0 + step, grid.cols - 1);
      const [lon0, lat0] = toLonLat.forward([cellCentreXM(grid, c0), y]);
      const [lon1, lat1] = toLonLat.forward([cellCentreXM(grid, c1), y]);
      for (let col = c0; col < Math.min(c0 + step, grid.cols); col++) {
        const f = c1 === c0 ? 0 : (col - c0) / (c1 - c0);
        const u = Math.floor((lon0 + f * (lon1 - lon0) - gpw.originX) / gpw.pixelSizeX);
        const v = Math.floor((gpw.originY - (lat0 + f * (lat1 - lat0))) / gpw.pixelSizeY);
        out[row * grid.cols + col] = u >= 0 && v >= 0 && u < gpw.width && v < gpw.height ? v * gpw.width + u : -1;
      }
    }
  }
  return out;
}

function within5kmShare(grid: GridSpec, values: Float32Array, seatXY: [number, number]): number {
  let near = 0, all = 0;
  for (let row = 0; row < grid.rows; row++) {
    const dy = cellCentreYM(grid, row) - seatXY[1];
    for (let col = 0; col < grid.cols; col++) {
      const v = values[row * grid.cols + col];
      all += v;
      if (Math.hypot(cellCentreXM(grid, col) - seatXY[0], dy) < 5000) near += v;
    }
  }
  return near / all;
}

const rows = [];
for (const county of counties) {
  const t0 = performance.now();
  const project = newCountyProject(county, { cellSizeM, defaults });
  const buildMs = Math.round(performance.now() - t0);
  const { grid } = project;
  const layer = project.population!;
  const mask = polygonMask(grid, project.boundary);
  let total = 0;
  for (const v of layer.values) total += v;
  // GPW on the same grid, clipped to the county, aggregated to its pixels like the layer
  const gpwOnGrid = resampleMassPreserving(gpw, grid);
  const pixel = pixelOfCells(grid);
  const byPixelLayer = new Map<number, number>();
  const byPixelGpw = new Map<number, number>();
  for (let i = 0; i < pixel.length; i++) {
    if (!mask[i] || pixel[i] < 0) continue;
    byPixelLayer.set(pixel[i], (byPixelLayer.get(pixel[i]) ?? 0) + layer.values[i]);
    byPixelGpw.set(pixel[i], (byPixelGpw.get(pixel[i]) ?? 0) + gpwOnGrid[i]);
  }
  const keys = [...byPixelLayer.keys()];
  const a = Float64Array.from(keys, (k) => byPixelLayer.get(k)!);
  const b = Float64Array.from(keys, (k) => byPixelGpw.get(k)!);
  const modelled = newCountyProject(county, { cellSizeM: Math.max(cellSizeM, 100) });
  const seat = proj4(WGS84_LONLAT, grid.crs).forward(county.seatLonLat) as [number, number];
  const seatModelled = proj4(WGS84_LONLAT, modelled.grid.crs).forward(county.seatLonLat) as [number, number];
  const d = layer.details as PopulationDetails;
  rows.push({
    code: county.code,
    name: county.name,
    census: county.pop2020,
    gridTotal: Math.round(total * 100) / 100,
    relativeError: Math.abs(total - county.pop2020!) / county.pop2020!,
    gpwInCounty: Math.round(d.rasterPersonsInCounty ?? 0),
    gpwOverCensus: r3((d.rasterPersonsInCounty ?? 0) / county.pop2020!),
    method: d.core ? 'cores take the census remainder' : 'scaled',
    scale: d.scale !== undefined ? r3(d.scale) : null,
    coreKm2: d.core ? Math.round(d.core.areaKm2 * 10) / 10 : 0,
    coreRemainder: d.core ? Math.round(d.core.remainderPersons) : 0,
    ceilingReached: d.core?.isCeilingReached ?? false,
    pixels1km: keys.length,
    correlationWithGpw1km: r3(pearsonCorrelation(a, b)),
    correlationLog1p: r3(pearsonCorrelation(a.map(Math.log1p), b.map(Math.log1p))),
    within5kmOfSeat: r3(within5kmShare(grid, layer.values, seat)),
    within5kmOfSeatSettlementModel: r3(within5kmShare(modelled.grid, modelled.population!.values, seatModelled)),
    cells: grid.cols * grid.rows,
    newCountyProjectMs: buildMs,
  });
  process.stderr.write(`${county.code} ${county.name}: r ${rows.at(-1)!.correlationWithGpw1km}, error ${rows.at(-1)!.relativeError.toExponential(1)}, ${buildMs} ms\n`);
}
const rs = rows.map((r) => r.correlationWithGpw1km).sort((x, y) => x - y);
const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
const summary = {
  counties: rows.length,
  cellSizeM,
  allWithin0_1Percent: rows.every((r) => r.relativeError <= 0.001),
  worstRelativeError: Math.max(...rows.map((r) => r.relativeError)),
  correlation: { min: rs[0], median: median(rs), max: rs[rs.length - 1], below09: rows.filter((r) => r.correlationWithGpw1km < 0.9).map((r) => `${r.name} ${r.correlationWithGpw1km}`) },
  coresReshaped: rows.filter((r) => r.coreRemainder > 0).length,
  ceilingReached: rows.filter((r) => r.ceilingReached).map((r) => r.name),
};
const result = { note: 'census totals: shared/reference/guizhou_counties.csv; GPW v4.11 2020 as shipped in geodata/defaults (densities cut at 4,096/km2)', summary, counties: rows };
if (opt('--out')) writeFileSync(opt('--out')!, JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
process.exitCode = summary.allWithin0_1Percent ? 0 : 1;
