import * as Comlink from 'comlink';
import type { Project } from '../../core/model';
import type { Result } from '../../core/result';
import { readProjectGpkg } from '../../geodata/project';

/** The API project.worker.ts exposes over comlink. */
export interface ProjectWorkerApi {
  /** the project in `bytes` (a .gpkg), or why it cannot be opened; its rasters are transferred back */
  read(bytes: Uint8Array): Promise<Result<Project>>;
}

/**
 * The project worker's side: geodata/project's readProjectGpkg (sql.js), whose Project is plain data
 * (objects, arrays, Float32Array rasters) and so crosses the worker boundary whole. The refusals
 * ('not-project', 'corrupt', 'newer-version') come back unchanged.
 * @example Comlink.expose(createProjectWorkerApi())
 */
export function createProjectWorkerApi(): ProjectWorkerApi {
  return {
    async read(bytes) {
      const read = await readProjectGpkg(bytes);
      if (!read.ok) return read;
      // a buffer listed twice makes postMessage throw: two layers may share one
      const buffers = new Set([read.value.terrain, read.value.population, read.value.landUse].flatMap((l) => (l ? [l.values.buffer as ArrayBuffer] : [])));
      return Comlink.transfer(read, [...buffers]);
    },
  };
}
