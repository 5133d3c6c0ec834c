import type { ProgressFn } from '../../core/cancel';
import type { DriveTestRecord } from '../../core/calibration';
import type { Project } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { calibrateForApp, previewDriveTests, type CalibrationOutcome, type DriveTestInput, type DriveTestPreview } from '../calibration/calibrationJobs';

/** Reading and matching drive-test files for a project. */
export interface PreviewJob {
  project: Project;
  files: DriveTestInput[];
}

/** Calibrating a project's model to the records a preview read. */
export interface CalibrateJob {
  project: Project;
  records: DriveTestRecord[];
  atIso: string;
}

/** The API calibration.worker.ts exposes over comlink. */
export interface CalibrationWorkerApi {
  preview(job: PreviewJob): Result<DriveTestPreview>;
  calibrate(job: CalibrateJob, onProgress?: ProgressFn): Result<CalibrationOutcome>;
}

/** A RangeError (too few sites or points) is the planner's input, anything else a failure. */
function asResult<T>(run: () => T): Result<T> {
  try {
    return ok(run());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(err instanceof RangeError ? 'bad-input' : 'failed', message);
  }
}

/**
 * The calibration worker's side (also run inline in unit tests): previewDriveTests and calibrateForApp, errors as
 * Result values. Cancel terminates the worker (OneShotRunner), so the fit needs no cancel token here.
 * @example Comlink.expose(createCalibrationWorkerApi())
 */
export function createCalibrationWorkerApi(): CalibrationWorkerApi {
  return {
    preview: (job) => {
      const r = asResult(() => previewDriveTests(job.project, job.files));
      return r.ok ? r.value : r;
    },
    calibrate: (job, onProgress) => asResult(() => calibrateForApp(job.project, job.records, { atIso: job.atIso, onProgress })),
  };
}
