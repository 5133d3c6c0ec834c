import * as Comlink from 'comlink';
import type { ProgressFn } from '../../core/cancel';
import { fail, ok, type Result } from '../../core/result';
import { importOfKind, type ImportJob, type ImportResult } from '../../geodata/import';
import type { ImportRecord, ImportWorkerApi } from './importWorkerApi';

/** What an import read gives back: the good records and every problem, or why the file could not be read. */
export type ImportReadResult = Result<ImportResult<ImportRecord>>;

/** The worker side a runner needs: a comlink endpoint that can be terminated. */
export type ImportWorkerLike = Comlink.Endpoint & { terminate(): void };

/** Records fetched from the worker per message: each slice is a short task on the UI thread. */
const RECORDS_PER_SLICE = 5000;
/** Share of the progress bar for reading; fetching the records fills the rest. */
const READ_SHARE = 0.9;

/**
 * Reads import files (CSV/XLSX/GeoJSON/KML/KMZ of sites, places or OLTs) off the UI thread, so a 100,000-row
 * file does not freeze the window (issue #11). Each run starts its own web worker, transfers the file's
 * bytes to it and terminates it when done: imports are rare, and a finished worker would keep the parse's
 * garbage. Cancel (the task bar's button, a newer run, the dialog closing) terminates the worker, whose
 * readers run synchronously and cannot be interrupted otherwise. `inline: true` reads on the calling
 * thread (unit tests; a cancelled inline run's answer is dropped). Failures are Result values:
 * 'cancelled', the reader's own codes ('bad-file', 'too-large'), 'bad-input' (a RangeError) or 'failed'.
 * @example const r = await runner.run({ kind: 'sites', bytes, fileName, crs: 'wgs84' }, { signal, onProgress }); if (r.ok) show(r.value)
 */
export class ImportRunner {
  private cancelCurrent: (() => void) | undefined;

  constructor(
    private readonly options: { inline?: boolean; createWorker?: () => ImportWorkerLike } = {},
  ) {}

  /** Reads `job` (its bytes are transferred to the worker: do not use them afterwards). */
  run(job: ImportJob, { signal, onProgress }: { signal?: AbortSignal; onProgress?: ProgressFn } = {}): Promise<ImportReadResult> {
    this.cancel();
    return new Promise<ImportReadResult>((resolve) => {
      let worker: ImportWorkerLike | undefined;
      let isSettled = false;
      const settle = (r: ImportReadResult): void => {
        if (isSettled) return;
        isSettled = true;
        worker?.terminate();
        signal?.removeEventListener('abort', cancel);
        if (this.cancelCurrent === cancel) this.cancelCurrent = undefined;
        resolve(r);
      };
      const cancel = (): void => settle(fail('cancelled', `import of ${job.fileName} cancelled`));
      this.cancelCurrent = cancel;
      if (signal?.aborted) return cancel();
      signal?.addEventListener('abort', cancel);
      // progress comes over its own channel and can trail the result: drop what arrives after the run settled
      const report = (f: number): void => {
        if (!isSettled) onProgress?.(f);
      };
      let answer: Promise<ImportReadResult>;
      if (this.options.inline) {
        answer = importOfKind(job, report);
      } else {
        const created = (this.options.createWorker ?? createImportWorker)();
        worker = created;
        answer = readInWorker(Comlink.wrap<ImportWorkerApi>(created), job, report, () => isSettled);
      }
      answer.then((r) => {
        report(1);
        settle(r);
      }, (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        // comlink rebuilds a worker's RangeError as an Error named 'RangeError'
        settle(fail(err instanceof Error && err.name === 'RangeError' ? 'bad-input' : 'failed', message));
      });
    });
  }

  /** Stops the run under way, if any: its promise resolves to { ok: false, code: 'cancelled' }. */
  cancel(): void {
    this.cancelCurrent?.();
  }
}

/** Reads `job` in the worker behind `api`, then fetches its records slice by slice until done or `isStopped()`. */
async function readInWorker(api: Comlink.Remote<ImportWorkerApi>, job: ImportJob, report: ProgressFn, isStopped: () => boolean): Promise<ImportReadResult> {
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
