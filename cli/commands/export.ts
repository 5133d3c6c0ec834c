import path from 'node:path';
import { buildListCostSources, buildListRows, isBuildListSite, type SiteGains } from '../../core/buildList';
import type { Project } from '../../core/model';
import { analyseFibre } from '../../core/ftth';
import { formatterFor, LANGUAGES, type Language } from '../../core/text';
import { countyByCode } from '../../geodata/counties';
import { BUILD_LIST_FORMATS, EXPORT_CRSES, exportBuildList, type BuildListFormat, type ExportCrs } from '../../geodata/export';
import { readProjectGpkg } from '../../geodata/project';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo, parseCliArgs } from '../command';
import { checkOutputPath } from '../../disk';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { progressReporter } from '../progress';
import { evaluateProject } from '../project/evaluateProject';
import { workerCount } from '../workerCount';

const USAGE = `Usage: qcplan export <project.gpkg> --format ${BUILD_LIST_FORMATS.join('|')} [--crs wgs84|gcj02] [--lang zh|en] [--no-gains] [--workers N] --out FILE

Writes the build list (建设清单) of a project: one row per planned or proposed site, per planned OLT and
per fibre upgrade from the FTTH analysis (10G-PON cards, new ODN areas, new OLTs), with type, build method, coordinates, county and township, height, band, sectors, estimated cost (万元),
priority and status. Coordinates are WGS-84 unless --crs gcj02; the system is named in the file. The file is in
Chinese (--lang zh, the default: what a county office signs) or English (--lang en); XLSX adds a summary sheet and a
notes sheet with the marks (估 estimate, 待核实 unverified) and the sources of the unit costs.
Each site's modelled gains (people and km² it newly covers on its own, people its interference costs) come from
the project's coverage, computed as the app does (as the app's build list); --no-gains leaves those columns empty
and skips the computation (威宁 at 25 m with 111 planned sites: 27 s on 2 cores).
The output is written atomically (temporary file, then rename). It is never the project file itself (through
links neither) nor any other project: an export never replaces a project.
  --no-gains   leave the modelled gains empty (no coverage computation)
  --workers N  coverage worker threads for the gains (default: one per core; 0 = none)`;

/**
 * What each build-list site adds on its own (PlanEvaluator.siteGains over the project's coverage), the figures the
 * app's build list shows; empty when the project has no build-list site.
 */
async function siteGainsOf(project: Project, workers: number | undefined, io: CliIo): Promise<Record<string, SiteGains>> {
  const ids = project.sites.filter(isBuildListSite).map((s) => s.id);
  if (ids.length === 0) return {};
  const progress = progressReporter(io, 'coverage for the gains');
  const evaluator = await evaluateProject(project, { workers, onProgress: progress.update });
  const gains = await evaluator.siteGains(ids);
  progress.done();
  return gains;
}

/** `qcplan export`: the build list of a project file in one of six formats (USAGE above). */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the build list (建设清单) as XLSX, CSV, GeoJSON, KML, KMZ or GeoPackage',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        crs: { type: 'string', default: 'wgs84' },
        lang: { type: 'string', default: 'zh' },
        out: { type: 'string' },
        'no-gains': { type: 'boolean' },
        workers: { type: 'string' },
      },
    });
    const { positionals, values } = parsed;
    if (positionals.length !== 1) throw new UsageError('give exactly one project file');
    if (!values.format || !BUILD_LIST_FORMATS.includes(values.format as BuildListFormat)) throw new UsageError(`--format must be one of ${BUILD_LIST_FORMATS.join(', ')}`);
    if (!EXPORT_CRSES.includes(values.crs as ExportCrs)) throw new UsageError('--crs must be wgs84 or gcj02');
    if (!LANGUAGES.includes(values.lang as Language)) throw new UsageError('--lang must be zh or en');
    if (!values.out) throw new UsageError('--out FILE is required');
    const language = values.lang as Language;
    const workers = workerCount(values.workers, io);
    const projectFile = path.resolve(io.cwd, positionals[0]);
    const out = path.resolve(io.cwd, values.out);
    // before any work: the output is never the project (through links neither), nor any other project
    await checkOutputPath(out, { inputs: [projectFile] });
    const project = await readProjectGpkg(await readCliInput(positionals[0], io.cwd, 'project'), { onNotice: (m) => io.stderr(`${positionals[0]}: ${m}\n`) });
    if (!project.ok) {
      io.stderr(`qcplan export: ${positionals[0]}: ${project.message}\n`);
      return EXIT_FAILED;
    }
    const county = countyByCode(project.value.countyCode);
    const countyName = county ? { zh: county.name, en: county.nameEn } : undefined;
    // fibre upgrades (GPON->XGS-PON cards, new ODN areas, new OLTs) join the 5G sites in one list
    const fibre = project.value.olts.length > 0 ? analyseFibre(project.value, { seatLonLat: county?.seatLonLat }) : null;
    if (fibre && !fibre.ok) io.stderr(`fibre upgrades left out: ${fibre.message}\n`);
    const perSite = values['no-gains'] ? undefined : await siteGainsOf(project.value, workers, io);
    const rows = buildListRows(project.value, { countyName, perSite, fibreUpgrades: fibre?.ok ? fibre.value.upgrades : [] });
    const bytes = await exportBuildList(rows, values.format as BuildListFormat, {
      crs: values.crs as ExportCrs,
      language,
      title: formatterFor(language).words.buildList.title(countyName?.[language] ?? project.value.name),
      generatedAt: new Date(),
      costSources: buildListCostSources(project.value),
    });
    await writeCliOutput(out, io.cwd, bytes, { inputs: [projectFile] });
    const sites = rows.filter((r) => r.kind === 'site').length;
    io.stdout(`wrote ${rows.length} rows (${sites} sites, ${rows.length - sites} fibre) to ${values.out} (${values.format}, ${values.crs === 'gcj02' ? 'GCJ-02' : 'WGS-84'})\n`);
    return EXIT_OK;
  },
};
