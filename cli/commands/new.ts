import { access } from 'node:fs/promises';
import path from 'node:path';
import { SITE_STATUSES, type SiteStatus } from '../../core/model';
import { DEFAULT_MAX_GRID_CELLS, GUIZHOU_COUNTIES, defaultCellSizeM, findCounties, newCountyProject } from '../../geodata/counties';
import { loadDemTiles, type DemFile } from '../../geodata/dem';
import { IMPORT_CRSES, type ImportCrs } from '../../geodata/import';
import { writeProjectGpkg } from '../../geodata/project';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { problemLine } from '../format/problemLine';
import { importIntoProject } from '../project/importIntoProject';
import { formatProjectInfo, projectInfo } from '../project/projectInfo';
import { shippedDefaults } from '../project/shippedDefaults';
import { progressReporter } from '../progress';

const USAGE = `Usage: qcplan new <county code or name> --out P.gpkg [--grid 25] [--dem FILES...] [--sites FILE]
       [--crs wgs84|cgcs2000|gcj02] [--default-status existing|planned|proposed] [--keep-outside] [--accept-good] [--force] [--json]

Makes the project the app makes for one of Guizhou's 88 counties (code 520526, or a name: 威宁, 威宁彝族回族苗族
自治县, Weining): its boundary and seat, a grid of --grid metres, the catalogue's located places, the 2020 census
population distributed by GPW v4.11 2020 (CIESIN, CC BY 4.0) and the coarse SRTM30_PLUS relief (about 2 km,
Becker et al. 2009); both labelled with what they rest on.
  --grid M          cell size, m, 10..100 (default as in the app: 25, or the finest of 30/40/50/75/100 that keeps
                    the county within 6.5 M cells, e.g. 50 for 威宁)
  --dem FILES...    a finer DEM in one step: SRTM .hgt (1" or 3") and GeoTIFF tiles, or .zip files of them, any
                    mix; mosaicked onto the grid (finest first), voids and gaps filled from the coarse relief and
                    reported, tiles that do not reach the county named. A tile in another coordinate system is an
                    error and nothing is written.
  --sites FILE      the operator's site list (CSV, XLSX, GeoJSON, KML, KMZ; qcplan template sites writes a
                    template), imported as qcplan import does: every problem printed; with any row error nothing
                    is written unless --accept-good
  --crs C           coordinate system of the site list (default wgs84; gcj02 for AMap/Tencent coordinates)
  --default-status S  what site rows without a status are (existing, planned, proposed); no default:
                      without it such rows are errors
  --keep-outside    keep sites outside the county, flagged and left out of the coverage
  --force           replace P.gpkg when it exists
  --json            print qcplan info --json of the new project instead of the text summary`;

/** `--dem a.hgt b.hgt` as parseArgs takes repeated options: `--dem a.hgt --dem b.hgt`. */
function spreadDemFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  let inDem = false;
  for (const a of args) {
    if (a === '--dem') {
      inDem = true;
      continue;
    }
    if (a.startsWith('--')) inDem = false;
    if (inDem) out.push('--dem', a);
    else out.push(a);
  }
  return out;
}

async function readInput(file: string, cwd: string, kind: 'raster' | 'table'): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: path.basename(file), bytes: await readCliInput(file, cwd, kind) };
}

/** `qcplan new`: a county project with the shipped defaults, an optional DEM and site list, saved as a GeoPackage. */
export const newCommand: CliCommand = {
  name: 'new',
  summary: 'a new county project as the app makes it (census population by GPW, terrain), optional DEM and sites',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs({
      args: spreadDemFiles(args),
      allowPositionals: true,
      options: {
        out: { type: 'string' }, grid: { type: 'string' }, dem: { type: 'string', multiple: true }, sites: { type: 'string' },
        crs: { type: 'string', default: 'wgs84' }, 'default-status': { type: 'string' }, 'keep-outside': { type: 'boolean', default: false }, 'accept-good': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give one county: a code (520526) or a name (威宁)');
    if (!values.out) throw new UsageError('give --out P.gpkg');
    const givenCellSizeM = values.grid === undefined ? undefined : Number(values.grid);
    if (givenCellSizeM !== undefined && !(givenCellSizeM >= 10 && givenCellSizeM <= 100)) throw new UsageError(`--grid must be 10..100 m, got ${values.grid}`);
    if (!IMPORT_CRSES.includes(values.crs as ImportCrs)) throw new UsageError('--crs must be wgs84, cgcs2000 or gcj02');
    if (values['default-status'] !== undefined && !SITE_STATUSES.includes(values['default-status'] as SiteStatus)) throw new UsageError('--default-status must be existing, planned or proposed');
    const found = findCounties(GUIZHOU_COUNTIES, positionals[0]);
    if (found.length === 0) throw new UsageError(`no Guizhou county is called '${positionals[0]}'; give a GB/T 2260 code (520526) or a name (威宁)`);
    if (found.length > 1) throw new UsageError(`'${positionals[0]}' names ${found.length} counties: ${found.map((c) => `${c.code} ${c.name}`).join(', ')}`);
    const county = found[0];
    // the app's default grid unless --grid is given: 25 m, coarser where 25 m would exceed what the app is built for
    const byDefault = defaultCellSizeM(county);
    const cellSizeM = givenCellSizeM ?? byDefault.cellSizeM;
    if (givenCellSizeM === undefined && byDefault.isCoarsened) {
      io.stderr(`${county.name}: ${cellSizeM} m grid (${(byDefault.cells / 1e6).toFixed(1)} M cells), as the app makes it: at 25 m it would exceed the ${DEFAULT_MAX_GRID_CELLS / 1e6} M cells the app is built for (--grid 25 forces it)\n`);
    }
    const outFile = path.resolve(io.cwd, values.out);
    if (!values.force && (await access(outFile).then(() => true, () => false))) {
      io.stderr(`qcplan new: ${values.out} exists (--force replaces it)\n`);
      return EXIT_FAILED;
    }
    // read every input first: a missing file fails before any work
    const demFiles: DemFile[] = [];
    for (const f of values.dem ?? []) demFiles.push(await readInput(f, io.cwd, 'raster'));
    const sites = values.sites ? await readInput(values.sites, io.cwd, 'table') : undefined;

    const startMs = performance.now();
    const progress = progressReporter(io, `new ${county.name}`);
    const project = newCountyProject(county, { cellSizeM, defaults: await shippedDefaults(), onProgress: (f) => progress.update(demFiles.length ? 0.3 * f : f) });
    if (demFiles.length) {
      const coarse = project.terrain;
      const dem = await loadDemTiles(demFiles, project.grid, {
        boundary: project.boundary,
        ...(coarse && { fallback: { values: coarse.values, label: 'SRTM30_PLUS (~2 km)' } }),
        onProgress: (f) => progress.update(0.3 + 0.7 * f),
      });
      progress.done();
      if (!dem.ok) {
        io.stderr(`qcplan new: ${dem.message}\nnothing written\n`);
        return EXIT_FAILED;
      }
      project.terrain = dem.value;
      io.stderr(`terrain: ${dem.value.source}\n`);
    } else {
      progress.done();
    }
    if (sites) {
      const r = await importIntoProject(project, 'sites', sites.bytes, {
        fileName: sites.name, crs: values.crs as ImportCrs, acceptGood: values['accept-good'], defaultStatus: values['default-status'] as SiteStatus | undefined, outsideCounty: values['keep-outside'] ? 'keep-flagged' : 'error',
      });
      if (!r.ok) {
        io.stderr(`qcplan new: ${r.message}\nnothing written\n`);
        return EXIT_FAILED;
      }
      for (const p of r.value.problems) io.stdout(`${problemLine(p)}\n`);
      if (!r.value.isImported) {
        io.stdout(`${r.value.errorRows} of ${r.value.rowsRead} rows of ${sites.name} have errors; nothing written (--accept-good imports the ${r.value.records} good sites)\n`);
        return EXIT_FAILED;
      }
      io.stderr(`sites: ${r.value.records} imported from ${sites.name}${r.value.errorRows ? ` (${r.value.errorRows} rows with errors skipped)` : ''}\n`);
    }
    project.history = [
      { atIso: new Date().toISOString(), action: 'project.new', detail: { county: county.code, cellSizeM, dem: demFiles.map((f) => f.name), ...(sites && { sites: sites.name }) } },
      ...(project.history ?? []),
    ];
    const bytes = await writeProjectGpkg(project);
    await writeCliOutput(values.out, io.cwd, bytes, { inputs: [...(values.dem ?? []), ...(values.sites ? [values.sites] : [])], mayReplaceProject: true, keepBackup: true });
    const info = projectInfo(project);
    if (values.json) io.stdout(JSON.stringify(info, null, 2) + '\n');
    else io.stdout(formatProjectInfo(info, values.out));
    io.stderr(`wrote ${values.out} (${(bytes.length / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - startMs) / 1000).toFixed(1)} s\n`);
    return EXIT_OK;
  },
};
