import * as Comlink from 'comlink';
import type { CalibrationOutcome, DriveTestPreview } from '../calibration/calibrationJobs';
import { createCalibrationWorkerApi, type CalibrateJob, type CalibrationWorkerApi, type PreviewJob } from './calibrationWorkerApi';
import { OneShotRunner, type WorkerLike } from './oneShotWorker';

function createCalibrationWorker(): WorkerLike {
  return new Worker(new URL('./calibration.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads drive-test files and matches them to the project's sites in a worker (one per run; the files' bytes are
 * transferred). `inline: true` runs on the calling thread (unit tests).
 * @example const r = await new PreviewRunner().run({ project, files }, { signal })
 */
export class PreviewRunner extends OneShotRunner<PreviewJob, DriveTestPreview, CalibrationWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    const inline = createCalibrationWorkerApi();
    super({
      describe: (job) => `reading of ${job.files.map((f) => f.name).join(', ')}`,
      createWorker: options.createWorker ?? createCalibrationWorker,
      inWorker: async (api, job) => api.preview(job),
      inline: async (job) => inline.preview(job),
    }, options.inline);
  }
}

/**
 * Calibrates the project's model in a worker (one per run) with progress; Cancel (the run's AbortSignal or
 * cancel()) terminates the worker at once, mid-fit. `inline: true` runs on the calling thread (unit tests).
 * @example const r = await new CalibrateRunner().run({ project, records, atIso }, { signal, onProgress })
 */
export class CalibrateRunner extends OneShotRunner<CalibrateJob, CalibrationOutcome, CalibrationWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    const inline = createCalibrationWorkerApi();
    super({
      describe: () => 'calibration',
      createWorker: options.createWorker ?? createCalibrationWorker,
      inWorker: async (api, job, { report }) => api.calibrate(job, Comlink.proxy(report)),
      inline: async (job, { report }) => inline.calibrate(job, report),
    }, options.inline);
  }
}
