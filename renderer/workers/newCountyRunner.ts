import * as Comlink from 'comlink';
import type { Project } from '../../core/model';
import { createProjectWorkerApi, type NewCountyJob, type ProjectWorkerApi } from './projectWorkerApi';
import { OneShotRunner, type WorkerLike } from './oneShotWorker';

/**
 * Makes a new county project off the UI thread (project.worker.ts newCounty): the shipped GeoTIFFs are decoded
 * and spread over the county grid there, with progress; Cancel terminates the worker. `inline: true` runs on
 * the calling thread (unit tests).
 * @example const r = await runner.run({ countyCode: '520526', cellSizeM: 50, populationBytes, terrainBytes }, { signal, onProgress });
 */
export class NewCountyRunner extends OneShotRunner<NewCountyJob, Project, ProjectWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    super({
      describe: (job) => `new project for county ${job.countyCode}`,
      createWorker: options.createWorker ?? (() => new Worker(new URL('./project.worker.ts', import.meta.url), { type: 'module' })),
      inWorker: (api, job, { report }) => {
        const buffers = [job.populationBytes, job.terrainBytes].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []));
        return api.newCounty(Comlink.transfer(job, buffers), Comlink.proxy(report));
      },
      inline: (job, { report }) => createProjectWorkerApi().newCounty(job, report),
    }, options.inline);
  }
}
