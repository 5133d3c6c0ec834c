import { createExportWorkerApi, type ExportJob, type ExportWorkerApi } from './exportWorkerApi';
import { OneShotRunner, type WorkerLike } from './oneShotWorker';

/**
 * Writes the build list (XLSX, CSV, GeoJSON, KML, KMZ, GeoPackage) off the UI thread, so a large list does
 * not freeze the window and Cancel stops it (issues #7, #11): a OneShotRunner, one worker per export.
 * The writers report no progress, so the task bar shows a running bar until the bytes are back.
 * Failures: 'cancelled', 'bad-input' (a RangeError, e.g. an unknown format) or 'failed'.
 * @example const r = await runner.run({ rows, format: 'gpkg', crs: 'wgs84', title }, { signal }); if (r.ok) save(r.value)
 */
export class ExportRunner extends OneShotRunner<ExportJob, Uint8Array, ExportWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    super({
      describe: (job) => `${job.format} export of ${job.rows.length} rows`,
      createWorker: options.createWorker ?? createExportWorker,
      inWorker: (api, job) => api.write(job),
      inline: (job) => createExportWorkerApi().write(job),
    }, options.inline);
  }
}

function createExportWorker(): WorkerLike {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}
