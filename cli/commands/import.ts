import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../core/model';
import { IMPORT_CRSES, importOlts, importPlaces, importSites, type ImportCrs, type ImportProblem, type ImportResult } from '../../geodata/import';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { atomicWriteFile } from '../../disk';
import { mergeById as merge } from '../project/mergeById';

const KINDS = ['sites', 'places', 'olts'] as const;
type Kind = (typeof KINDS)[number];

const USAGE = `Usage: qcplan import <project.gpkg> sites|places|olts FILE [--crs wgs84|cgcs2000|gcj02] [--accept-good]

Reads sites, places or OLTs from CSV (UTF-8, UTF-8 with BOM or GBK), XLSX, GeoJSON, KML or KMZ with Chinese
or English headers (站名/名称, 经度, 纬度, 挂高, 方位角, 下倾角, 频段, 类型, 场景类别 ...) and adds them to
the project; records with an id already in the project replace it. Every problem is printed with file, row,
field and reason. If any row has an error, nothing changes unless --accept-good is given, which imports the
good rows. The project is saved atomically and the previous version kept as <project>.gpkg.bak.`;

function problemLine(p: ImportProblem): string {
  return `${p.file}${p.row === null ? '' : `:${p.row}`}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.reason}`;
}

/** `qcplan import`: sites, places or OLTs from a file into a project file, all or nothing unless --accept-good. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import sites, places or OLTs from CSV/XLSX/GeoJSON/KML/KMZ into a project',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs({ args, allowPositionals: true, options: { crs: { type: 'string', default: 'wgs84' }, 'accept-good': { type: 'boolean', default: false } } });
    const { positionals, values } = parsed;
    if (positionals.length !== 3) throw new UsageError('give a project file, what to import (sites|places|olts) and the file to import');
    const [projectArg, kindArg, fileArg] = positionals;
    if (!KINDS.includes(kindArg as Kind)) throw new UsageError(`what to import must be sites, places or olts, got '${kindArg}'`);
    if (!IMPORT_CRSES.includes(values.crs as ImportCrs)) throw new UsageError('--crs must be wgs84, cgcs2000 or gcj02');
    const kind = kindArg as Kind;
    const projectFile = path.resolve(io.cwd, projectArg);
    const opened = await readProjectGpkg(new Uint8Array(await readFile(projectFile)));
    if (!opened.ok) {
      io.stderr(`qcplan import: ${projectArg}: ${opened.message}\n`);
      return EXIT_FAILED;
    }
    const project: Project = opened.value;
    const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, fileArg)));
    const options = { fileName: path.basename(fileArg), crs: values.crs as ImportCrs };
    const result: Awaited<ReturnType<typeof importSites | typeof importPlaces | typeof importOlts>> =
      kind === 'sites' ? await importSites(bytes, options) : kind === 'places' ? await importPlaces(bytes, options) : await importOlts(bytes, options);
    if (!result.ok) {
      io.stderr(`qcplan import: ${result.message}\nnothing imported\n`);
      return EXIT_FAILED;
    }
    const r = result.value as ImportResult<{ id: string }>;
    for (const p of r.problems) io.stdout(`${problemLine(p)}\n`);
    const errorRows = new Set(r.problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
    if (errorRows > 0 && !values['accept-good']) {
      io.stdout(`${errorRows} of ${r.rowsRead} rows have errors; nothing imported (--accept-good imports the ${r.records.length} good ${kind})\n`);
      return EXIT_FAILED;
    }
    let counts: { added: number; replaced: number };
    if (kind === 'sites') {
      const m = merge(project.sites, result.value.records as Project['sites']);
      project.sites = m.merged;
      counts = m;
    } else if (kind === 'places') {
      const m = merge(project.places, result.value.records as Project['places']);
      project.places = m.merged;
      counts = m;
    } else {
      const m = merge(project.olts, result.value.records as Project['olts']);
      project.olts = m.merged;
      counts = m;
    }
    project.history = [...(project.history ?? []), { atIso: new Date().toISOString(), action: `import.${kind}`, detail: { file: options.fileName, crs: options.crs, ...counts, skippedRows: errorRows } }];
    await atomicWriteFile(projectFile, await writeProjectGpkg(project));
    io.stdout(`imported ${r.records.length} ${kind} from ${options.fileName} (${counts.added} added, ${counts.replaced} replaced${errorRows ? `, ${errorRows} rows with errors skipped` : ''}); saved ${projectArg}\n`);
    return EXIT_OK;
  },
};
