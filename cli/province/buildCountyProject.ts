import path from 'node:path';
import type { Project } from '../../core/model';
import { rasterPopulationLayer } from '../../core/population';
import { demTerrainLayer } from '../../core/terrain';
import { countyByCode, newCountyProject } from '../../geodata/counties';
import { importOfKind, type ImportResult } from '../../geodata/import';
import { readInputFile } from '../../disk';
import { CLI_INPUT_BYTES } from '../inputFiles';
import { mergeById } from '../project/mergeById';
import { COUNTY_INPUT_KINDS, type CountyInputKind, type CountyInputReport, type CountyRequest } from './types';

async function importInput(project: Project, kind: CountyInputKind, file: string, request: CountyRequest, countyName: string): Promise<CountyInputReport> {
  const fileName = path.basename(file);
  const report: CountyInputReport = { kind, file: fileName, rowsRead: 0, imported: 0, isImported: false, problems: [] };
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, { maxBytes: CLI_INPUT_BYTES.table });
  } catch (err) {
    report.problems.push({ file: fileName, row: null, field: null, reason: err instanceof Error ? err.message : String(err), severity: 'error' });
    return report;
  }
  const result = await importOfKind({
    kind, bytes, fileName, crs: 'wgs84', county: { name: countyName, boundary: project.boundary }, ...(request.defaultStatus ? { defaultStatus: request.defaultStatus } : {}),
  });
  if (!result.ok) {
    report.problems.push({ file: fileName, row: null, field: null, reason: result.message, severity: 'error' });
    return report;
  }
  const r = result.value as ImportResult<{ id: string }>;
  report.rowsRead = r.rowsRead;
  report.problems = r.problems;
  if (r.problems.some((p) => p.severity === 'error') && !request.acceptGood) return report;
  if (kind === 'sites') project.sites = mergeById(project.sites, result.value.records as Project['sites']).merged;
  else if (kind === 'places') project.places = mergeById(project.places, result.value.records as Project['places']).merged;
  else project.olts = mergeById(project.olts, result.value.records as Project['olts']).merged;
  report.imported = r.records.length;
  report.isImported = true;
  return report;
}

/**
 * The project qcplan province scores for one county: newCountyProject at `cellSizeM` (catalogue places,
 * population modelled from the sourced 2020 census total where one exists), the population raster
 * areal-weighted onto the grid when given (core/population rasterPopulationLayer), the DEM resampled
 * bilinearly when given, and the county's input files imported with qcplan import's validation
 * (all or nothing per file unless acceptGood).
 * @example const { project, inputs } = await buildCountyProject({ code: '520382', cellSizeM: 50, inputs: {}, acceptGood: false, coverageWorkers: 0 });
 */
export async function buildCountyProject(request: CountyRequest): Promise<{ project: Project; inputs: CountyInputReport[] }> {
  const county = countyByCode(request.code);
  if (!county) throw new RangeError(`code must be a Guizhou county code (GB/T 2260), got ${request.code}`);
  const project = newCountyProject(county, { cellSizeM: request.cellSizeM });
  if (request.dem) project.terrain = demTerrainLayer(request.dem.raster, project.grid, request.dem.fileName);
  if (request.population) project.population = rasterPopulationLayer(request.population.raster, project.grid, project.boundary, request.population.fileName);
  const inputs: CountyInputReport[] = [];
  for (const kind of COUNTY_INPUT_KINDS) {
    const file = request.inputs[kind];
    if (file) inputs.push(await importInput(project, kind, file, request, county.name));
  }
  return { project, inputs };
}

