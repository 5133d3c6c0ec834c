/**
 * County layer timings on 仁怀市 (2350 x 2727 cells at 25 m):
 *   npm run bench -- --only countyLayers [--dem FILE.tif|.hgt] [--population GPW_DENSITY.tif] [--no-weining]
 * newCountyProject (grid, mask, modelled population), syntheticKarstTerrain, buildRenhuaiSample, and with
 * real files: DEM read + bilinear resampling, population read + areal weighting + clipping.
 * Then 威宁 at 25 m (about 19 M grid cells), as a new county opens: the shipped defaults decoded, newCountyProject
 * with them (census by GPW, coarse SRTM30_PLUS), and loadDemTiles on four generated 1" SRTM tiles (synthetic
 * relief with a void, labelled so) filling the void from the coarse relief; wall and CPU times, peak RSS.
 * Latest, 2026-11-24, 2 cores shared with other engineers' jobs (under contention), SRTM30+ 2 km and GPW 1 km:
 *   newCountyProject 893 ms, syntheticKarstTerrain 1842 ms, buildRenhuaiSample 2647 ms,
 *   DEM read 180 ms + resample 909 ms, GPW read 155 ms + areal weighting 379 ms (county total 523,701).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { shippedDefaults } from '../../cli/project/shippedDefaults';
import { loadDemTiles, type DemFile } from '../../geodata/dem';
import { rasterPopulationLayer } from '../../core/population';
import { demTerrainLayer, syntheticKarstTerrain } from '../../core/terrain';
import { countyByCode, newCountyProject } from '../../geodata/counties';
import { readDemGeoTiff, readHgt } from '../../geodata/dem';
import { readPopulationGeoTiff } from '../../geodata/population';
import { buildRenhuaiSample } from '../../scripts/sample/renhuai';

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t0) };
}

export async function run(args: string[]): Promise<object> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const county = countyByCode('520382')!;
  const project = await timed(() => newCountyProject(county));
  const { grid } = project.value;
  const terrain = await timed(() => syntheticKarstTerrain(grid, 520382));
  const sample = await timed(() => buildRenhuaiSample());
  const result: Record<string, unknown> = {
    cells: grid.cols * grid.rows,
    newCountyProjectMs: project.ms,
    syntheticKarstTerrainMs: terrain.ms,
    buildRenhuaiSampleMs: sample.ms,
  };
  const demFile = opt('--dem');
  if (demFile) {
    const bytes = new Uint8Array(readFileSync(demFile));
    const read = await timed(() => (/\.hgt$/i.test(demFile) ? readHgt(bytes, basename(demFile)) : readDemGeoTiff(bytes, basename(demFile))));
    if (!read.value.ok) throw new Error(read.value.message);
    const dem = read.value.value;
    const layer = await timed(() => demTerrainLayer(dem, grid, basename(demFile)));
    const covered = layer.value.values.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0);
    result.dem = { file: demFile, readMs: read.ms, resampleMs: layer.ms, coveredShare: Math.round((covered / grid.cols / grid.rows) * 1000) / 1000 };
  }
  const popFile = opt('--population');
  if (popFile) {
    const bytes = new Uint8Array(readFileSync(popFile));
    const read = await timed(() => readPopulationGeoTiff(bytes, basename(popFile), { unit: 'persons-per-km2' }));
    if (!read.value.ok) throw new Error(read.value.message);
    const raster = read.value.value;
    const layer = await timed(() => rasterPopulationLayer(raster, grid, project.value.boundary, basename(popFile)));
    result.population = { file: popFile, readMs: read.ms, resampleMs: layer.ms, countyTotal: Math.round(layer.value.values.reduce((a, b) => a + b, 0)) };
  }
  if (!args.includes('--no-weining')) result.weining25m = await weining();
  return result;
}

/** A synthetic 1" SRTM tile (smooth relief 1,500-2,700 m, a 3 x 3 km void in its middle): bench input, not data. */
function syntheticHgt(lat: number, lon: number): Uint8Array {
  const size = 3601;
  const bytes = new Uint8Array(2 * size * size);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < size; r++) {
    const la = lat + 1 - r / 3600;
    for (let c = 0; c < size; c++) {
      const lo = lon + c / 3600;
      const isVoid = Math.abs(la - lat - 0.5) < 0.014 && Math.abs(lo - lon - 0.5) < 0.015;
      view.setInt16(2 * (r * size + c), isVoid ? -32768 : Math.round(2100 + 400 * Math.sin(lo * 40) * Math.cos(la * 35) + 200 * Math.sin(la * 90)), false);
    }
  }
  return bytes;
}

async function weining(): Promise<object> {
  const cpu = (c: NodeJS.CpuUsage) => Math.round((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
  const county = countyByCode('520526')!;
  let c0 = process.cpuUsage();
  const defaults = await timed(() => shippedDefaults());
  const defaultsCpuMs = cpu(c0);
  c0 = process.cpuUsage();
  const project = await timed(() => newCountyProject(county, { defaults: defaults.value }));
  const newCpuMs = cpu(c0);
  const rssAfterNewMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  const tiles: DemFile[] = [[26, 103], [26, 104], [27, 103], [27, 104]].map(([lat, lon]) => ({ name: `N${lat}E${lon}.hgt`, bytes: syntheticHgt(lat, lon) }));
  c0 = process.cpuUsage();
  const dem = await timed(() => loadDemTiles(tiles, project.value.grid, {
    boundary: county.boundary, fallback: { values: project.value.terrain!.values, label: 'SRTM30_PLUS (~2 km)' },
  }));
  const demCpuMs = cpu(c0);
  if (!dem.value.ok) throw new Error(dem.value.message);
  const d = dem.value.value.details as { voids?: { cellsInCounty: number } };
  return {
    note: 'DEM tiles are generated (synthetic relief), to time the loader on a real county grid; times on a shared 2-core machine',
    cells: project.value.grid.cols * project.value.grid.rows,
    readDefaultsMs: defaults.ms, readDefaultsCpuMs: defaultsCpuMs,
    newCountyProjectMs: project.ms, newCountyProjectCpuMs: newCpuMs, rssAfterNewMiB,
    loadDemTilesMs: dem.ms, loadDemTilesCpuMs: demCpuMs, demVoidCellsInCounty: d.voids?.cellsInCounty ?? 0,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
