import * as Comlink from 'comlink';
import type { MultiPolygon } from 'geojson';
import type { ProgressFn } from '../../core/cancel';
import type { GridSpec } from '../../core/grid';
import type { GridLayer } from '../../core/model';
import type { Result } from '../../core/result';
import { loadDemTiles, type DemFile } from '../../geodata/dem';

/** DEM tiles to mosaic onto a project's grid. */
export interface DemJob {
  files: DemFile[];
  grid: GridSpec;
  boundary: MultiPolygon;
  /** the project's current void-free terrain (the shipped coarse relief), to fill voids from */
  fallback?: { values: Float32Array; label: string };
}

/** The API dem.worker.ts exposes over comlink. */
export interface DemWorkerApi {
  load(job: DemJob, onProgress?: ProgressFn): Promise<Result<GridLayer>>;
}

/**
 * The DEM worker's side: geodata/dem loadDemTiles (decode, mosaic, resample, fill voids), the heights
 * transferred back. 1" tiles are 25.9 MB each: this is seconds of work the UI thread must not do.
 * @example Comlink.expose(createDemWorkerApi())
 */
export function createDemWorkerApi(): DemWorkerApi {
  return {
    async load(job, onProgress) {
      const r = await loadDemTiles(job.files, job.grid, { boundary: job.boundary, fallback: job.fallback, onProgress });
      return r.ok ? Comlink.transfer(r, [r.value.values.buffer as ArrayBuffer]) : r;
    },
  };
}
