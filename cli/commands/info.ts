import { UsageError, EXIT_OK, type CliCommand, parseCliArgs } from '../command';
import { loadProject } from '../project/loadProject';
import { formatProjectInfo, projectInfo } from '../project/projectInfo';

const USAGE = `Usage: qcplan info <project.gpkg> [--json]

What a project rests on: the county, the grid, the population (total and what it rests on: census and raster,
or a loaded file), the terrain (height range, source, resolution, voids filled; the coarse default says what it
cannot show), the sites by status and kind, the places, OLTs and roads.
  --json   one JSON object: { name, county: { code, name, ... }, seat, grid: { cellSizeM, cols, rows, ... },
           population: { total, source, ... } or null, terrain: { minM, maxM, source, ... } or null,
           sites: { existing, planned, proposed, ... }, places: { located, ... }, olts, roads, edits }`;

/** `qcplan info`: a project's county, grid, layers and what they rest on, sites and places, as text or JSON. */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'what a project rests on: county, grid, population and terrain sources, sites, places',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError('give exactly one project file');
    const info = projectInfo(await loadProject(positionals[0], io.cwd));
    io.stdout(values.json ? JSON.stringify(info, null, 2) + '\n' : formatProjectInfo(info, positionals[0]));
    return EXIT_OK;
  },
};
