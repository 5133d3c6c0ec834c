import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../core/model';
import { IMPORT_CRSES, type ImportCrs } from '../../geodata/import';
import { problemLine } from '../format/problemLine';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { atomicWriteFile } from '../../disk';
import { IMPORT_KINDS, importIntoProject, type ImportKind } from '../project/importIntoProject';

const USAGE = `Usage: qcplan import <project.gpkg> sites|places|olts FILE [--crs wgs84|cgcs2000|gcj02] [--accept-good]

Reads sites, places or OLTs from CSV (UTF-8, UTF-8 with BOM or GBK), XLSX, GeoJSON, KML or KMZ with Chinese
or English headers (站名/名称, 经度, 纬度, 挂高, 方位角, 下倾角, 频段, 类型, 场景类别 ...) and adds them to
the project; records with an id already in the project replace it. Every problem is printed with file, row,
field and reason. If any row has an error, nothing changes unless --accept-good is given, which imports the
good rows. The project is saved atomically and the previous version kept as <project>.gpkg.bak.`;

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
    if (!IMPORT_KINDS.includes(kindArg as ImportKind)) throw new UsageError(`what to import must be sites, places or olts, got '${kindArg}'`);
    if (!IMPORT_CRSES.includes(values.crs as ImportCrs)) throw new UsageError('--crs must be wgs84, cgcs2000 or gcj02');
    const kind = kindArg as ImportKind;
    const projectFile = path.resolve(io.cwd, projectArg);
    const opened = await readProjectGpkg(new Uint8Array(await readFile(projectFile)));
    if (!opened.ok) {
      io.stderr(`qcplan import: ${projectArg}: ${opened.message}\n`);
      return EXIT_FAILED;
    }
    const project: Project = opened.value;
    const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, fileArg)));
    const fileName = path.basename(fileArg);
    const result = await importIntoProject(project, kind, bytes, { fileName, crs: values.crs as ImportCrs, acceptGood: values['accept-good'] });
    if (!result.ok) {
      io.stderr(`qcplan import: ${result.message}\nnothing imported\n`);
      return EXIT_FAILED;
    }
    const r = result.value;
    for (const p of r.problems) io.stdout(`${problemLine(p)}\n`);
    if (!r.isImported) {
      io.stdout(`${r.errorRows} of ${r.rowsRead} rows have errors; nothing imported (--accept-good imports the ${r.records} good ${kind})\n`);
      return EXIT_FAILED;
    }
    await atomicWriteFile(projectFile, await writeProjectGpkg(project));
    io.stdout(`imported ${r.records} ${kind} from ${fileName} (${r.added} added, ${r.replaced} replaced${r.errorRows ? `, ${r.errorRows} rows with errors skipped` : ''}); saved ${projectArg}\n`);
    return EXIT_OK;
  },
};
