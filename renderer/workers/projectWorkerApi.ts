import * as Comlink from 'comlink';
import type { ProgressFn } from '../../core/cancel';
import type { Project } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { countyByCode, newCountyProject } from '../../geodata/counties';
import { readCountyDefaults } from '../../geodata/defaults';
import { readProjectGpkg } from '../../geodata/project';

/** A new county project to make: the county, its grid and the shipped defaults' bytes (fetched by the page). */
export interface NewCountyJob {
  countyCode: string;
  cellSizeM: number;
  /** the shipped GPW v4.11 GeoTIFF (geodata/defaults) */
  populationBytes?: Uint8Array;
  /** the shipped SRTM30_PLUS GeoTIFF (geodata/defaults) */
  terrainBytes?: Uint8Array;
}

/** The API project.worker.ts exposes over comlink. */
export interface ProjectWorkerApi {
  /** the project in `bytes` (a .gpkg), or why it cannot be opened; its rasters are transferred back */
  read(bytes: Uint8Array): Promise<Result<Project>>;
  /** a new county project on the shipped defaults (GPW-shaped census population, coarse SRTM30_PLUS relief) */
  newCounty(job: NewCountyJob, onProgress?: ProgressFn): Promise<Result<Project>>;
}

/** `project` with its raster buffers marked for transfer (a buffer listed twice makes postMessage throw). */
function transferRasters(result: Result<Project>): Result<Project> {
  if (!result.ok) return result;
  const p = result.value;
  const buffers = new Set([p.terrain, p.population, p.landUse].flatMap((l) => (l ? [l.values.buffer as ArrayBuffer] : [])));
  return Comlink.transfer(result, [...buffers]);
}

/**
 * The project worker's side: geodata/project's readProjectGpkg (sql.js), whose Project is plain data
 * (objects, arrays, Float32Array rasters) and so crosses the worker boundary whole. The refusals
 * ('not-project', 'corrupt', 'newer-version') come back unchanged. newCounty decodes the shipped rasters and
 * runs newCountyProject here: 威宁 at 50 m spreads 4.8 M cells, seconds of work the UI thread must not do.
 * @example Comlink.expose(createProjectWorkerApi())
 */
export function createProjectWorkerApi(): ProjectWorkerApi {
  return {
    async read(bytes) {
      return transferRasters(await readProjectGpkg(bytes));
    },
    async newCounty(job, onProgress) {
      const county = countyByCode(job.countyCode);
      if (!county) return fail('bad-input', `unknown county code ${job.countyCode}`);
      onProgress?.(0.02);
      const defaults = await readCountyDefaults({ population: job.populationBytes, terrain: job.terrainBytes });
      if (!defaults.ok) return defaults;
      onProgress?.(0.1);
      const project = newCountyProject(county, { cellSizeM: job.cellSizeM, defaults: defaults.value, onProgress: (f) => onProgress?.(0.1 + 0.9 * f) });
      return transferRasters(ok(project));
    },
  };
}
