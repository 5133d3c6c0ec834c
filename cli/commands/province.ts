import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_SCORING_SETTINGS, type KpiId } from '../../core/scoring';
import { countyByCode } from '../../geodata/counties';
import { readDemGeoTiff } from '../../geodata/dem';
import { IMPORT_FORMATS } from '../../geodata/import';
import { readPopulationGeoTiff, type PopulationUnit } from '../../geodata/population';
import { SITE_STATUSES, type SiteStatus } from '../../core/model';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { workerCount } from '../workerCount';
import { problemLine } from '../format/problemLine';
import { progressReporter } from '../progress';
import { findInputs, readNamedRaster, reportCountyProblems, selectCounties } from '../province/countyInputs';
import { provinceMapSvg } from '../province/provinceMapSvg';
import { PROVINCE_SHEETS, provinceWorkbook } from '../province/provinceWorkbook';
import { COMPOSITE_METHOD, rankCounties } from '../province/rankCounties';
import { scoreCounties } from '../province/scoreCounties';
import type { CountyRequest } from '../province/types';

const USAGE = `Usage: qcplan province --out DIR [--counties all|pilot|CODE,CODE...] [--grid 50] [--population GPW.tif]
       [--population-unit km2|cell] [--dem DEM.tif] [--inputs DIR] [--default-status S] [--accept-good]
       [--workers N] [--map-kpi ID] [--quiet]

Builds a project for each county as qcplan new makes it (boundary, catalogue places, the 2020 census total
distributed by the shipped GPW v4.11 raster, the coarse SRTM30_PLUS relief) and scores it with the app's
evaluator, then writes to --out:
  province.xlsx         sheet ${PROVINCE_SHEETS.counties}: one row per county, ranked; sheet ${PROVINCE_SHEETS.targets}: targets and sources
  province.csv          the ${PROVINCE_SHEETS.counties} sheet as CSV (UTF-8 with BOM)
  counties/<code>.json  each county's KPIs, place scores and worst gaps
  province-map.svg      choropleth of --map-kpi's status, self-contained
Options:
  --counties       all (default), pilot (the 21 智慧黔城 pilots) or GB/T 2260 codes separated by commas
  --grid M         grid cell size, m, 10..100 (default 50)
  --population F   population GeoTIFF (WGS-84) replacing the default layer with its own counts; --population-unit
                   says what it holds: km2 = persons/km2 (GPW popdensity, default), cell = persons per pixel (WorldPop)
  --dem F          DEM GeoTIFF for terrain (default the shipped SRTM30_PLUS, about 2 km: coarse)
  --inputs DIR     per-county files <code>.sites.<ext>, <code>.places.<ext>, <code>.olts.<ext>
                   (ext: ${IMPORT_FORMATS.join(', ')}), imported with qcplan import's validation: a file with
                   row errors is left out unless --accept-good; every problem is reported; rows outside
                   their county are errors
  --default-status S  what input sites and OLTs without a status are: existing, planned or proposed (no
                   default: without it such rows are errors)
  --workers N      county worker threads (default one per core, at most one per core); 0 = counties one after another in this
                   thread with the site footprints on a coverage pool of one thread per core
  --map-kpi ID     KPI the map shows (default popCoverageOutdoor): ${Object.keys(DEFAULT_SCORING_SETTINGS.kpis).join(', ')}
  --quiet          no progress on stderr
Rank: ${COMPOSITE_METHOD}
Exit 1 when a county failed or an input file was left out (the outputs are still written).`;

/** `qcplan province`: every (or the chosen) county scored in a worker pool; ranked summary, per-county JSON and a map. */
export const provinceCommand: CliCommand = {
  name: 'province',
  summary: 'score every county from the reference data: ranked XLSX/CSV summary, per-county JSON, map',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs({
        args,
        options: {
          counties: { type: 'string', default: 'all' },
          grid: { type: 'string', default: '50' },
          population: { type: 'string' },
          'population-unit': { type: 'string', default: 'km2' },
          dem: { type: 'string' },
          inputs: { type: 'string' },
          'accept-good': { type: 'boolean', default: false },
          'default-status': { type: 'string' },
          workers: { type: 'string' },
          'map-kpi': { type: 'string', default: 'popCoverageOutdoor' },
          out: { type: 'string' },
        },
      });
    const { values } = parsed;
    if (!values.out) throw new UsageError('give --out DIR');
    const cellSizeM = Number(values.grid);
    if (!(cellSizeM >= 10 && cellSizeM <= 100)) throw new UsageError(`--grid must be 10..100 m, got ${values.grid}`);
    const units: Record<string, PopulationUnit> = { km2: 'persons-per-km2', cell: 'persons-per-cell' };
    const unit = units[values['population-unit']];
    if (!unit) throw new UsageError(`--population-unit must be km2 or cell, got ${values['population-unit']}`);
    const workers = workerCount(values.workers, io) ?? availableParallelism();
    const defaultStatus = values['default-status'];
    if (defaultStatus !== undefined && !SITE_STATUSES.includes(defaultStatus as SiteStatus)) throw new UsageError(`--default-status must be existing, planned or proposed, got '${defaultStatus}'`);
    const mapKpi = values['map-kpi'] as KpiId;
    if (!(mapKpi in DEFAULT_SCORING_SETTINGS.kpis)) throw new UsageError(`--map-kpi must be one of ${Object.keys(DEFAULT_SCORING_SETTINGS.kpis).join(', ')}`);
    const counties = selectCounties(values.counties);

    const startMs = performance.now();
    const population = values.population ? await readNamedRaster(values.population, io.cwd, (b, n) => readPopulationGeoTiff(b, n, { unit })) : undefined;
    const dem = values.dem ? await readNamedRaster(values.dem, io.cwd, readDemGeoTiff) : undefined;
    const inputs = values.inputs ? await findInputs(path.resolve(io.cwd, values.inputs)) : new Map();
    const chosen = new Set(counties.map((c) => c.code));
    for (const code of inputs.keys()) if (!chosen.has(code)) io.stderr(`${values.inputs}: files for ${code} ignored (${countyByCode(code) ? 'county not chosen' : 'not a Guizhou county code'})\n`);

    // Largest first, so the last county to finish is a small one and both workers stay busy to the end.
    const requests: CountyRequest[] = [...counties]
      .sort((a, b) => b.areaKm2 - a.areaKm2)
      .map((c) => ({
        code: c.code, cellSizeM, population, dem, inputs: inputs.get(c.code) ?? {}, acceptGood: values['accept-good'],
        ...(defaultStatus ? { defaultStatus: defaultStatus as SiteStatus } : {}),
        coverageWorkers: workers === 0 ? availableParallelism() : 0,
      }));
    const progress = progressReporter(io, `province (${counties.length} counties)`);
    const outcomes = await scoreCounties(requests, { countyWorkers: workers, onDone: (_o, n) => progress.update(n / requests.length) });
    progress.done();
    const wallMs = performance.now() - startMs;

    const failed = reportCountyProblems(outcomes, (o) => o.inputs, io.stderr);
    const results = outcomes.flatMap((o) => (o.ok ? [o.value] : [])).sort((a, b) => a.code.localeCompare(b.code));
    const ranks = rankCounties(results);
    const outDir = path.resolve(io.cwd, values.out);
    await mkdir(path.join(outDir, 'counties'), { recursive: true });
    // No output replaces an input (a raster or an input file, through links neither) or a project.
    const read = [values.population, values.dem, ...[...inputs.values()].flatMap((e) => Object.values(e))].filter((f): f is string => !!f);
    const write = (name: string, bytes: Uint8Array) => writeCliOutput(path.join(outDir, name), io.cwd, bytes, { inputs: read });
    const utf8 = (text: string) => new TextEncoder().encode(text);
    for (const r of results) await write(path.join('counties', `${r.code}.json`), utf8(JSON.stringify(r, null, 2) + '\n'));
    const title = `Guizhou county 5G/gigabit KPIs, ${cellSizeM} m grid, ${results.length} counties`;
    const wb = provinceWorkbook(outcomes, ranks, { title });
    await write('province.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const csv = new Uint8Array(await wb.csv.writeBuffer({ sheetName: PROVINCE_SHEETS.counties }));
    await write('province.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...csv]));
    await write('province-map.svg', utf8(provinceMapSvg(results, mapKpi, { title })));
    io.stdout(
      `scored ${results.length} of ${counties.length} counties at ${cellSizeM} m in ${(wallMs / 1000).toFixed(1)} s ` +
        `(${workers === 0 ? `one at a time, ${availableParallelism()} coverage threads` : `${Math.min(workers, counties.length)} county workers`}); ` +
        `wrote province.xlsx, province.csv, counties/*.json, province-map.svg to ${values.out}\n`,
    );
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
