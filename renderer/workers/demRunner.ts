import * as Comlink from 'comlink';
import type { GridLayer } from '../../core/model';
import { createDemWorkerApi, type DemJob, type DemWorkerApi } from './demWorkerApi';
import { OneShotRunner, type WorkerLike } from './oneShotWorker';

/**
 * Loads DEM tiles onto a project's grid off the UI thread (dem.worker.ts): the tiles' bytes are transferred,
 * progress comes back, Cancel terminates the worker. `inline: true` runs on the calling thread (unit tests).
 * Failures: loadDemTiles' own ('bad-file', 'unsupported-crs', 'no-coverage', …), 'cancelled', 'failed'.
 * @example const r = await runner.run({ files, grid, boundary }, { signal, onProgress });
 */
export class DemRunner extends OneShotRunner<DemJob, GridLayer, DemWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    super({
      describe: (job) => `loading ${job.files.length} DEM file(s)`,
      createWorker: options.createWorker ?? (() => new Worker(new URL('./dem.worker.ts', import.meta.url), { type: 'module' })),
      inWorker: (api, job, { report }) => {
        const buffers = new Set(job.files.map((f) => f.bytes.buffer as ArrayBuffer));
        return api.load(Comlink.transfer(job, [...buffers]), Comlink.proxy(report));
      },
      inline: (job, { report }) => createDemWorkerApi().load(job, report),
    }, options.inline);
  }
}
