/**
 * The province batch (qcplan province's scoring) over all 88 counties, both ways of using the cores:
 *   npm run bench -- --only province [--grid 50] [--counties pilot|CODE,...] [--population GPW_DENSITY.tif] [--dem DEM.tif]
 * 'countyPool': 2 worker threads each scoring whole counties (the default of qcplan province);
 * 'sequence': counties one after another, footprints on a 2-thread coverage pool. No sites (reference data
 * only), so the work is grid, population, places and scoring; peak RSS is the process's so far (workers included).
 * Latest, 2026-11-24, 88 counties at 50 m, census-modelled population, flat, 2 cores shared with other engineers
 * (load average ~11, so under heavy contention): countyPool 44.6 s, sequence 201.4 s (each county starts its own
 * coverage pool there), peak RSS 1058 MiB.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scoreCounties } from '../../cli/province/scoreCounties';
import type { CountyRequest, NamedRaster } from '../../cli/province/types';
import { GUIZHOU_COUNTIES, pilotCounties } from '../../geodata/counties';
import { readDemGeoTiff } from '../../geodata/dem';
import { readPopulationGeoTiff } from '../../geodata/population';

export async function run(args: string[]): Promise<object> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const cellSizeM = Number(opt('--grid') ?? 50);
  const countiesArg = opt('--counties') ?? 'all';
  const counties = countiesArg === 'all' ? [...GUIZHOU_COUNTIES] : countiesArg === 'pilot' ? pilotCounties() : GUIZHOU_COUNTIES.filter((c) => countiesArg.split(',').includes(c.code));
  const read = async (file: string | undefined, reader: (b: Uint8Array, n: string) => ReturnType<typeof readDemGeoTiff>): Promise<NamedRaster | undefined> => {
    if (!file) return undefined;
    const r = await reader(new Uint8Array(readFileSync(file)), basename(file));
    if (!r.ok) throw new Error(r.message);
    return { raster: r.value, fileName: basename(file) };
  };
  const population = await read(opt('--population'), (b, n) => readPopulationGeoTiff(b, n, { unit: 'persons-per-km2' }));
  const dem = await read(opt('--dem'), readDemGeoTiff);
  const requests = (coverageWorkers: number): CountyRequest[] =>
    [...counties].sort((a, b) => b.areaKm2 - a.areaKm2).map((c) => ({ code: c.code, cellSizeM, population, dem, inputs: {}, acceptGood: false, coverageWorkers }));
  const modes = { countyPool: { countyWorkers: 2, coverageWorkers: 0 }, sequence: { countyWorkers: 0, coverageWorkers: 2 } };
  const results: Record<string, object> = {};
  for (const [name, m] of Object.entries(modes)) {
    const t0 = performance.now();
    const outcomes = await scoreCounties(requests(m.coverageWorkers), { countyWorkers: m.countyWorkers });
    results[name] = {
      wallMs: Math.round(performance.now() - t0),
      counties: outcomes.filter((o) => o.ok).length,
      failed: outcomes.filter((o) => !o.ok).map((o) => o.code),
      peakRssMiBSoFar: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  }
  return { cellSizeM, counties: counties.length, population: population?.fileName ?? 'census-modelled where sourced', dem: dem?.fileName ?? 'flat', ...results };
}
