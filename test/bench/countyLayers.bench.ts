/**
 * County layer timings on 仁怀市 (2350 x 2727 cells at 25 m):
 *   npm run bench -- --only countyLayers [--dem FILE.tif|.hgt] [--population GPW_DENSITY.tif]
 * newCountyProject (grid, mask, modelled population), syntheticKarstTerrain, buildRenhuaiSample, and with
 * real files: DEM read + bilinear resampling, population read + areal weighting + clipping.
 * Latest, 2026-11-24, 2 cores shared with other engineers' jobs (under contention), SRTM30+ 2 km and GPW 1 km:
 *   newCountyProject 893 ms, syntheticKarstTerrain 1842 ms, buildRenhuaiSample 2647 ms,
 *   DEM read 180 ms + resample 909 ms, GPW read 155 ms + areal weighting 379 ms (county total 523,701).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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
  return result;
}
