import path from 'node:path';
import { SITE_STATUSES, type Project, type SiteStatus } from '../../core/model';
import { countyByCode } from '../../geodata/counties';
import { IMPORT_CRSES, type ImportCrs } from '../../geodata/import';
import { problemLine } from '../format/problemLine';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { atomicWriteFile } from '../../disk';
import { readCliInput } from '../inputFiles';
import { IMPORT_KINDS, importIntoProject, type ImportKind } from '../project/importIntoProject';

const USAGE = `Usage: qcplan import <project.gpkg> sites|places|olts FILE [--crs wgs84|cgcs2000|gcj02]
       [--default-status existing|planned|proposed] [--keep-outside] [--accept-good]

Reads sites, places or OLTs from CSV (UTF-8, UTF-8 with BOM or GBK), XLSX, GeoJSON, KML or KMZ with Chinese
or English headers (站名/名称, 经度, 纬度, 挂高, 方位角, 下倾角, 频段, 类型, 场景类别 ...) and adds them to
the project; records with an id already in the project replace it. Every problem is printed with file, row,
field and reason. If any row has an error, nothing changes unless --accept-good is given, which imports the
good rows. The project is saved atomically and the previous version kept as <project>.gpkg.bak.

  --default-status S   what sites and OLTs without a status (状态) are: existing (现网), planned (规划) or
                       proposed (建议). There is no default: without it such rows are errors.
  --keep-outside       keep sites outside the county, flagged: they are left out of the coverage until moved
                       into the county (without it, each is an error naming its distance to the boundary)`;

/** `qcplan import`: sites, places or OLTs from a file into a project file, all or nothing unless --accept-good. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import sites, places or OLTs from CSV/XLSX/GeoJSON/KML/KMZ into a project',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs({
      args,
      allowPositionals: true,
      options: {
        crs: { type: 'string', default: 'wgs84' }, 'accept-good': { type: 'boolean', default: false },
        'default-status': { type: 'string' }, 'keep-outside': { type: 'boolean', default: false },
      },
    });
    const { positionals, values } = parsed;
    if (positionals.length !== 3) throw new UsageError('give a project file, what to import (sites|places|olts) and the file to import');
    const [projectArg, kindArg, fileArg] = positionals;
    if (!IMPORT_KINDS.includes(kindArg as ImportKind)) throw new UsageError(`what to import must be sites, places or olts, got '${kindArg}'`);
    if (!IMPORT_CRSES.includes(values.crs as ImportCrs)) throw new UsageError('--crs must be wgs84, cgcs2000 or gcj02');
    const defaultStatus = values['default-status'];
    if (defaultStatus !== undefined && !SITE_STATUSES.includes(defaultStatus as SiteStatus)) throw new UsageError(`--default-status must be existing, planned or proposed, got '${defaultStatus}'`);
    const kind = kindArg as ImportKind;
    const projectFile = path.resolve(io.cwd, projectArg);
    const opened = await readProjectGpkg(await readCliInput(projectArg, io.cwd, 'project'), { onNotice: (m) => io.stderr(`${projectArg}: ${m}\n`) });
    if (!opened.ok) {
      io.stderr(`qcplan import: ${projectArg}: ${opened.message}\n`);
      return EXIT_FAILED;
    }
    const project: Project = opened.value;
    const bytes = await readCliInput(fileArg, io.cwd, 'table');
    const fileName = path.basename(fileArg);
    const countyName = countyByCode(project.countyCode)?.name ?? project.name;
    const result = await importIntoProject(project, kind, bytes, {
      fileName, crs: values.crs as ImportCrs, acceptGood: values['accept-good'],
      defaultStatus: defaultStatus as SiteStatus | undefined, outsideCounty: values['keep-outside'] ? 'keep-flagged' : 'error',
    });
    if (!result.ok) {
      io.stderr(`qcplan import: ${result.message}\nnothing imported\n`);
      return EXIT_FAILED;
    }
    const r = result.value;
    for (const p of r.problems) io.stdout(`${problemLine(p)}\n`);
    const noStatus = r.problems.filter((p) => p.severity === 'error' && /^no status/.test(p.reason)).length;
    if (noStatus) io.stdout(`${noStatus} rows have no status (状态): say what they are with --default-status existing|planned|proposed\n`);
    if (!r.isImported) {
      io.stdout(`${r.errorRows} of ${r.rowsRead} rows have errors; nothing imported (--accept-good imports the ${r.records} good ${kind})\n`);
      return EXIT_FAILED;
    }
    await atomicWriteFile(projectFile, await writeProjectGpkg(project));
    io.stdout(`imported ${r.records} ${kind} from ${fileName} (${r.added} added, ${r.replaced} replaced${r.errorRows ? `, ${r.errorRows} rows with errors skipped` : ''}); saved ${projectArg}\n`);
    if (r.defaultStatusRows) io.stdout(`${r.defaultStatusRows} rows had no status and were imported as ${defaultStatus}\n`);
    for (const s of r.keptOutside) io.stdout(`kept outside ${countyName}, left out of the coverage until moved in: ${s.name} (${(s.outsideCounty!.distanceM / 1000).toFixed(1)} km from the boundary)\n`);
    return EXIT_OK;
  },
};
