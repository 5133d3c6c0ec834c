import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { landUseSource } from '../../core/coverage';
import { LAND_USE_IDS } from '../../core/propagation';
import { LAND_USE_SCHEME_IDS, readLandUseLayer, type LandUseScheme } from '../../geodata/landuse';
import { writeProjectGpkg } from '../../geodata/project';
import { atomicWriteFile } from '../../disk';
import { EXIT_OK, parseCliArgs, UsageError, type CliCommand } from '../command';
import { loadProject } from '../project/loadProject';

const USAGE = `Usage:
  qcplan landuse <project.gpkg> FILE.tif --scheme worldcover|globeland30|clcd|qcplan
  qcplan landuse <project.gpkg> --clear
  qcplan landuse <project.gpkg>

Loads a land-cover GeoTIFF as the project's land use (the propagation model's clutter: P.2108 clutter loss at the
receiver, clutter heights along the path), resampled to the project grid by nearest neighbour. The file does not
say which classification it uses: --scheme names it (ESA WorldCover 10 m, GlobeLand30, China Land Cover Dataset,
or our codes 1-7: water, open, forest, rural, suburban, urban, dense urban). Built-up pixels are split into dense
urban / urban / suburban by the project's population. --clear removes it: land use is then derived from the
population layer again. Without a file, prints where the project's land use comes from and its class shares.
The project is saved atomically (previous version kept as <project>.gpkg.bak); coverage follows at the next score.`;

/** `qcplan landuse`: load or clear a project's land-use layer. */
export const landUseCommand: CliCommand = {
  name: 'landuse',
  summary: 'load a land-cover GeoTIFF as the project land use (clutter), or clear it',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs({ args, allowPositionals: true, options: { scheme: { type: 'string' }, clear: { type: 'boolean' } } });
    const [projectArg, fileArg, extra] = positionals;
    if (!projectArg || extra) throw new UsageError('give a project file and at most one land-cover file');
    if (values.clear && fileArg) throw new UsageError('give a file or --clear, not both');
    const project = await loadProject(projectArg, io.cwd);
    const projectFile = path.resolve(io.cwd, projectArg);
    if (!fileArg && !values.clear) {
      const counts = new Array<number>(LAND_USE_IDS.length).fill(0);
      let noData = 0;
      for (const v of project.landUse?.values ?? []) Number.isNaN(v) ? noData++ : counts[v]++;
      const total = project.landUse ? project.landUse.values.length : 0;
      const { provenance, source } = landUseSource(project);
      io.stdout(`land use: ${provenance}: ${source}\n`);
      if (total) io.stdout(`${LAND_USE_IDS.map((id, k) => `${id} ${((100 * counts[k]) / total).toFixed(1)} %`).join(', ')}, no data ${((100 * noData) / total).toFixed(1)} %\n`);
      return EXIT_OK;
    }
    if (values.clear) {
      delete project.landUse;
      project.history = [...(project.history ?? []), { atIso: new Date().toISOString(), action: 'landUse.clear' }];
    } else {
      const scheme = values.scheme as LandUseScheme | undefined;
      if (!scheme || !LAND_USE_SCHEME_IDS.includes(scheme)) throw new UsageError(`--scheme must be one of ${LAND_USE_SCHEME_IDS.join(', ')} (the file does not say which)`);
      const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, fileArg!)));
      const read = await readLandUseLayer(bytes, path.basename(fileArg!), project.grid, { scheme, populationPerCell: project.population?.values });
      if (!read.ok) throw new Error(read.message);
      project.landUse = read.value;
      project.history = [...(project.history ?? []), { atIso: new Date().toISOString(), action: 'landUse.load', detail: { file: path.basename(fileArg!), scheme } }];
    }
    await atomicWriteFile(projectFile, await writeProjectGpkg(project));
    io.stdout(`${values.clear ? 'cleared the land-use layer' : `loaded ${path.basename(fileArg!)}: ${project.landUse!.source}`}; saved ${projectArg}\n`);
    return EXIT_OK;
  },
};
