import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { PLAN_2025_BASE_STATIONS, provinceTotals, ROADMAP_INDEX_FILE, type RoadmapIndex } from '../../core/roadmap';
import { countyByCode } from '../../geodata/counties';
import { readDemGeoTiff } from '../../geodata/dem';
import { readPopulationGeoTiff } from '../../geodata/population';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { writeCliOutput } from '../inputFiles';
import { progressReporter } from '../progress';
import { workerCount } from '../workerCount';
import { findInputs, readNamedRaster, reportCountyProblems, selectCounties } from '../province/countyInputs';
import { roadmapHtml } from '../roadmap/roadmapHtml';
import { roadmapWorkbook } from '../roadmap/roadmapWorkbook';
import { runRoadmaps } from '../roadmap/runRoadmaps';
import type { RoadmapRequest } from '../roadmap/types';

const USAGE = `Usage: qcplan roadmap --out DIR [--counties all|pilot|CODE,CODE...] [--year 2025] [--inputs DIR] [--workers N]
       [--grid 50] [--population GPW.tif] [--dem DEM.tif] [--min-gain 2] [--max-cost-wan N] [--rounds 4]
       [--accept-good] [--quiet]

The 2025 roadmap: for each county, the project qcplan province builds (real-county defaults, plus the operator's
files <code>.sites|places|olts.<ext> from --inputs, checked as qcplan import does), then site suggestion in
rounds (coverage gaps and the capacity of overloaded sectors) until the county meets its targets (outdoor
population coverage, towns, priority places' deep coverage, busy-hour capacity), or the next sites add less than
--min-gain weighted people per 10,000 CNY, or the --max-cost-wan ceiling is reached, or no candidate helps.
Writes to --out (in Chinese, estimates marked 估):
  roadmap.xlsx             one row per county (existing sites, sites to add by kind, estimated cost, KPIs before
                           and after, what stays unmet and why), the province total against the plan's 16万
  roadmap.html             self-contained report: maps by sites needed per 10,000 residents and by cost, the
                           ranking, the province coverage-vs-investment curve, sources
  roadmap.json             the index the app's province view reads
  counties/<code>.gpkg     the county's project with the proposals as proposed sites (the app opens it)
  counties/<code>.json     the county's figures and its proposed sites
Without an operator site list a county is planned "from zero", and every output says so.
Options:
  --counties       all (default), pilot (the 21 智慧黔城 pilots) or GB/T 2260 codes separated by commas
  --year Y         planning year (default 2025): traffic grown to it
  --grid M         grid cell size, m, 10..100 (default 50)
  --population F   population GeoTIFF (persons/km2, e.g. GPW) replacing the default layer
  --dem F          DEM GeoTIFF for terrain
  --inputs DIR     per-county operator files (as qcplan province)
  --min-gain G     least weighted people (capacity relief included) a site must add per 10,000 CNY (default 2 [EST])
  --max-cost-wan N ceiling per county, 万元 (default none)
  --rounds N       suggestion rounds per county (default 4)
  --workers N      county worker threads (default one per core; 0 = one county after another in this thread)
Exit 1 when a county failed or an input file was left out (the outputs are still written).`;

function positive(flag: string, raw: string | undefined, fallback: number, isInteger = false): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!(v >= 0 && Number.isFinite(v)) || (isInteger && !Number.isInteger(v))) throw new UsageError(`${flag} must be a ${isInteger ? 'whole ' : ''}number >= 0, got ${raw}`);
  return v;
}

/** `qcplan roadmap`: every (or the chosen) county's 2025 roadmap in a worker pool; workbook, report, index and per-county projects. */
export const roadmapCommand: CliCommand = {
  name: 'roadmap',
  summary: 'the 2025 roadmap: sites, cost and KPIs each county needs for coverage and capacity (XLSX, HTML, per-county projects)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCliArgs({
      args,
      options: {
        out: { type: 'string' },
        counties: { type: 'string', default: 'all' },
        year: { type: 'string', default: '2025' },
        inputs: { type: 'string' },
        workers: { type: 'string' },
        grid: { type: 'string', default: '50' },
        population: { type: 'string' },
        dem: { type: 'string' },
        'min-gain': { type: 'string' },
        'max-cost-wan': { type: 'string' },
        rounds: { type: 'string' },
        'accept-good': { type: 'boolean', default: false },
      },
    });
    if (!values.out) throw new UsageError('give --out DIR');
    const year = Number(values.year);
    if (!(Number.isInteger(year) && year >= 2020 && year <= 2035)) throw new UsageError(`--year must be a year 2020..2035, got ${values.year}`);
    const cellSizeM = Number(values.grid);
    if (!(cellSizeM >= 10 && cellSizeM <= 100)) throw new UsageError(`--grid must be 10..100 m, got ${values.grid}`);
    const workers = workerCount(values.workers, io) ?? availableParallelism();
    const minGainPer10kCny = positive('--min-gain', values['min-gain'], 2);
    const maxCostWan = values['max-cost-wan'] === undefined ? null : positive('--max-cost-wan', values['max-cost-wan'], 0);
    if (maxCostWan === 0) throw new UsageError('--max-cost-wan must be > 0');
    const maxRounds = positive('--rounds', values.rounds, 4, true);
    if (maxRounds < 1) throw new UsageError('--rounds must be at least 1');
    const counties = selectCounties(values.counties);

    const startMs = performance.now();
    const population = values.population ? await readNamedRaster(values.population, io.cwd, (b, n) => readPopulationGeoTiff(b, n, { unit: 'persons-per-km2' })) : undefined;
    const dem = values.dem ? await readNamedRaster(values.dem, io.cwd, readDemGeoTiff) : undefined;
    const inputs = values.inputs ? await findInputs(path.resolve(io.cwd, values.inputs)) : new Map();
    const chosen = new Set(counties.map((c) => c.code));
    for (const code of inputs.keys()) if (!chosen.has(code)) io.stderr(`${values.inputs}: files for ${code} ignored (${countyByCode(code) ? 'county not chosen' : 'not a Guizhou county code'})\n`);
    const outDir = path.resolve(io.cwd, values.out);
    await mkdir(path.join(outDir, 'counties'), { recursive: true });

    const requests: RoadmapRequest[] = [];
    // largest first, so both workers stay busy to the end
    for (const c of [...counties].sort((a, b) => b.areaKm2 - a.areaKm2)) {
      const files = inputs.get(c.code) ?? {};
      const inputModifiedMs: RoadmapRequest['inputModifiedMs'] = {};
      for (const [kind, file] of Object.entries(files) as [keyof RoadmapRequest['inputModifiedMs'], string][]) inputModifiedMs[kind] = (await stat(file)).mtimeMs;
      requests.push({
        code: c.code, cellSizeM, population, dem, inputs: files, acceptGood: values['accept-good'], year, minGainPer10kCny,
        maxCostCny: maxCostWan === null ? null : maxCostWan * 1e4, maxRounds, outDir, inputModifiedMs,
      });
    }
    const progress = progressReporter(io, `roadmap (${counties.length} counties)`);
    const outcomes = await runRoadmaps(requests, { countyWorkers: Math.min(workers, requests.length), onDone: (_o, n) => progress.update(n / requests.length) });
    progress.done();

    const failed = reportCountyProblems(outcomes, (o) => o.inputs, io.stderr);
    const entries = outcomes.flatMap((o) => (o.ok ? [o.value.entry] : [])).sort((a, b) => a.code.localeCompare(b.code));
    const index: RoadmapIndex = {
      format: 'qiancheng-roadmap',
      version: 1,
      generatedAtMs: Date.now(),
      year,
      cellSizeM,
      band: outcomes.find((o) => o.ok)?.value.band ?? 'n78',
      settings: {
        minGainPer10kCny,
        maxCostCny: maxCostWan === null ? null : maxCostWan * 1e4,
        maxRounds,
        population: population ? 'population raster given with --population' : 'real-county default (newCountyProject)',
        dem: dem ? 'DEM given with --dem' : null,
      },
      counties: entries,
      failed: outcomes.flatMap((o) => (o.ok ? [] : [{ code: o.code, name: countyByCode(o.code)?.name ?? o.code, message: o.message }])),
      province: provinceTotals(entries),
      files: { workbook: 'roadmap.xlsx', report: 'roadmap.html' },
    };
    // no output replaces an input (a raster or an input file, through links neither) or a project
    const read = [values.population, values.dem, ...[...inputs.values()].flatMap((e) => Object.values(e) as string[])].filter((f): f is string => !!f);
    const write = (name: string, bytes: Uint8Array) => writeCliOutput(path.join(outDir, name), io.cwd, bytes, { inputs: read });
    await write('roadmap.xlsx', new Uint8Array(await roadmapWorkbook(index).xlsx.writeBuffer()));
    await write('roadmap.html', new TextEncoder().encode(roadmapHtml(index)));
    await write(ROADMAP_INDEX_FILE, new TextEncoder().encode(JSON.stringify(index) + '\n'));
    const p = index.province;
    io.stdout(
      `roadmap ${year}: ${entries.length} of ${counties.length} counties at ${cellSizeM} m in ${((performance.now() - startMs) / 1000).toFixed(1)} s ` +
        `(${Math.min(workers, requests.length) || 'no'} county workers); ${p.proposed.total} sites to add (${p.proposed.macro} macro, ${p.proposed.micro} micro, ` +
        `${p.proposed.indoor} indoor), ${(p.proposed.costCny / 1e8).toFixed(2)} 亿元 estimated; ${p.sitesAfter} sites after against the plan's ${PLAN_2025_BASE_STATIONS}; ` +
        `${p.fromZeroCounties} counties from zero (no operator site list); wrote roadmap.xlsx, roadmap.html, roadmap.json, counties/*.gpkg and *.json to ${values.out}\n`,
    );
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
