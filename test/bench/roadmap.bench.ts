/**
 * The 2025 roadmap of every county (qcplan roadmap, the whole command: county projects, suggestion rounds,
 * per-county GeoPackages, workbook, report, index):
 *   npm run bench -- --only roadmap [--counties all|pilot|CODE,...] [--grid 50] [--workers 2] [--population GPW.tif] [--dem DEM.tif] [--defaults]
 * By default the population is the shipped-to-be GPW v4.11 raster and the terrain SRTM30_PLUS from
 * ../shared/data (the real-county defaults every county will have); --defaults uses newCountyProject as it
 * stands instead. Reports wall time, peak RSS of the process (the county workers are threads of it), the load
 * average before and after (the machine is shared: wall times under load are pessimistic), the slowest
 * counties and the province totals, the CPU time (process and worker threads) and the seconds per km² of county
 * area, to scale a run on a few counties to the province's 176,379 km². Target: all 88 counties at 50 m within 15 minutes on 2 cores.
 * Latest: see the README's performance table.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import type { RoadmapIndex } from '../../core/roadmap';
import { countyByCode } from '../../geodata/counties';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const GPW = path.join(SHARED, 'population', 'gpw_v4_11_popdensity_2020_guizhou_1km.tif');
const SRTM30 = path.join(SHARED, 'dem', 'guizhou_srtm30plus_2km.tif');

export async function run(args: string[]): Promise<object> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const isDefaults = args.includes('--defaults');
  const population = opt('--population') ?? (!isDefaults && existsSync(GPW) ? GPW : undefined);
  const dem = opt('--dem') ?? (!isDefaults && existsSync(SRTM30) ? SRTM30 : undefined);
  const counties = opt('--counties') ?? 'all';
  const grid = opt('--grid') ?? '50';
  const workers = opt('--workers') ?? '2';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-roadmap-bench-'));
  const cli = ['roadmap', '--out', dir, '--counties', counties, '--grid', grid, '--workers', workers];
  if (population) cli.push('--population', population);
  if (dem) cli.push('--dem', dem);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const loadBefore = os.loadavg();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const exitCode = await main(cli, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), cwd: process.cwd() });
  if (!existsSync(path.join(dir, 'roadmap.json'))) throw new Error(`qcplan roadmap exited ${exitCode}: ${stderr.join('').slice(-2000)}`);
  const wallMs = performance.now() - t0;
  // CPU time of the process and its county worker threads: what the run costs without the other engineers' load
  const cpu = process.cpuUsage(cpu0);
  const loadAfter = os.loadavg();
  const index = JSON.parse(readFileSync(path.join(dir, 'roadmap.json'), 'utf8')) as RoadmapIndex;
  const durations = index.counties.map((c) => ({ code: c.code, name: c.name, seconds: Math.round(c.durationMs / 100) / 10, sites: c.proposed.total }));
  durations.sort((a, b) => b.seconds - a.seconds);
  const areaKm2 = index.counties.reduce((a, c) => a + (countyByCode(c.code)?.areaKm2 ?? 0), 0);
  const p = index.province;
  rmSync(dir, { recursive: true, force: true });
  return {
    note: 'qcplan roadmap end to end; the machine is shared with other engineers: see the load averages',
    counties: index.counties.length + index.failed.length,
    failed: index.failed.map((f) => `${f.code}: ${f.message}`),
    exitCode,
    cellSizeM: Number(grid),
    countyWorkers: Number(workers),
    population: population ? path.basename(population) : 'newCountyProject default',
    dem: dem ? path.basename(dem) : 'newCountyProject default',
    wallS: Math.round(wallMs / 100) / 10,
    cpuS: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    /** CPU seconds over the cores used: the wall time the run would take on an otherwise idle machine (lower bound) */
    idleWallEstimateS: Math.round((cpu.user + cpu.system) / 1e5 / Math.min(Number(workers), os.cpus().length)) / 10,
    areaKm2: Math.round(areaKm2),
    countySecondsPerKm2: areaKm2 > 0 ? Math.round((1e4 * durations.reduce((a, d) => a + d.seconds, 0)) / areaKm2) / 1e4 : null,
    cpuSecondsPerKm2: areaKm2 > 0 ? Math.round((1e4 * (cpu.user + cpu.system)) / 1e6 / areaKm2) / 1e4 : null,
    targetS: 900,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    loadAverage1mBeforeAfter: [Math.round(loadBefore[0] * 10) / 10, Math.round(loadAfter[0] * 10) / 10],
    loadAverage15mAfter: Math.round(loadAfter[2] * 10) / 10,
    countySecondsSum: Math.round(durations.reduce((a, d) => a + d.seconds, 0)),
    slowest: durations.slice(0, 5),
    province: {
      proposedSites: p.proposed.total,
      byKind: { macro: p.proposed.macro, micro: p.proposed.micro, indoor: p.proposed.indoor },
      costYi: Math.round(p.proposed.costCny / 1e6) / 100,
      sitesAfter: p.sitesAfter,
      planTarget: p.planTargetBaseStations,
      coverageBeforeAfter: p.people > 0 ? [Math.round((1000 * p.peopleCoveredBefore) / p.people) / 10, Math.round((1000 * p.peopleCoveredAfter) / p.people) / 10] : null,
      countiesWithOpenTargets: index.counties.filter((c) => c.targets.some((t) => t.after.isMet === false || t.reason)).length,
    },
    stderrTail: stderr.join('').split('\n').filter(Boolean).slice(-5),
  };
}
