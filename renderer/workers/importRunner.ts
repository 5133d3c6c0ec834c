import * as Comlink from 'comlink';
import { ok, type Result } from '../../core/result';
import { importOfKind, type ImportJob, type ImportResult } from '../../geodata/import';
import type { ImportRecord, ImportWorkerApi } from './importWorkerApi';
import { OneShotRunner, type OneShotContext, type WorkerLike } from './oneShotWorker';

/** What an import read gives back: the good records and every problem, or why the file could not be read. */
export type ImportReadResult = Result<ImportResult<ImportRecord>>;

/** The worker side a runner needs: a comlink endpoint that can be terminated. */
export type ImportWorkerLike = WorkerLike;

/** Records fetched from the worker per message: each slice is a short task on the UI thread. */
const RECORDS_PER_SLICE = 5000;
/** Share of the progress bar for reading; fetching the records fills the rest. */
const READ_SHARE = 0.9;

/**
 * Reads import files (CSV/XLSX/GeoJSON/KML/KMZ of sites, places or OLTs) off the UI thread, so a 100,000-row
 * file does not freeze the window (issue #11): a OneShotRunner (one worker per run, the file's bytes
 * transferred to it, Cancel terminates it). `inline: true` reads on the calling thread (unit tests).
 * Failures are Result values: 'cancelled', the reader's own codes ('bad-file', 'too-large'), 'bad-input'
 * (a RangeError) or 'failed'.
 * @example const r = await runner.run({ kind: 'sites', bytes, fileName, crs: 'wgs84' }, { signal, onProgress }); if (r.ok) show(r.value)
 */
export class ImportRunner extends OneShotRunner<ImportJob, ImportResult<ImportRecord>, ImportWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => ImportWorkerLike } = {}) {
    super({
      describe: (job) => `import of ${job.fileName}`,
      createWorker: options.createWorker ?? createImportWorker,
      inWorker: readInWorker,
      inline: (job, { report }) => importOfKind(job, report),
    }, options.inline);
  }
}

/** Reads `job` in the worker behind `api`, then fetches its records slice by slice until done or stopped. */
async function readInWorker(api: Comlink.Remote<ImportWorkerApi>, job: ImportJob, { report, isStopped }: OneShotContext): Promise<ImportReadResult> {
  const read = await api.read(Comlink.transfer(job, [job.bytes.buffer]), Comlink.proxy((f: number) => report(f * READ_SHARE)));
  if (!read.ok) return read;
  const { recordCount, ...summary } = read.value;
  const records: ImportRecord[] = [];
  while (records.length < recordCount && !isStopped()) {
    records.push(...(await api.records(records.length, RECORDS_PER_SLICE)));
    report(READ_SHARE + (1 - READ_SHARE) * (records.length / recordCount));
  }
  return ok({ ...summary, records });
}

function createImportWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}
