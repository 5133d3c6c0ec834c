import type { ProgressFn } from '../../core/cancel';
import type { Olt, Place, Site } from '../../core/model';
import { ok, type Result } from '../../core/result';
import { importOfKind, type ImportJob, type ImportResult } from '../../geodata/import';

/** One imported record of any kind. */
export type ImportRecord = Site | Place | Olt;

/** An import read without its records (they follow in slices): `recordCount` says how many. */
export type ImportSummary = Omit<ImportResult<ImportRecord>, 'records'> & { recordCount: number };

/** The API import.worker.ts exposes over comlink. */
export interface ImportWorkerApi {
  /** reads `job`, keeping its records for `records`; the summary and every problem come back at once */
  read(job: ImportJob, onProgress?: ProgressFn): Promise<Result<ImportSummary>>;
  /** records [start, start + count) of the last read */
  records(start: number, count: number): ImportRecord[];
}

/**
 * The import worker's side: reads with importOfKind and hands the records back in slices, because
 * structured-cloning 100,000 sites in one message costs the UI thread about 0.4 s in one piece (measured in
 * Node 20 here), while a slice of 5,000 is a short task between frames.
 * @example Comlink.expose(createImportWorkerApi())
 */
export function createImportWorkerApi(): ImportWorkerApi {
  let last: ImportRecord[] = [];
  return {
    async read(job, onProgress) {
      last = [];
      const read = await importOfKind(job, onProgress);
      if (!read.ok) return read;
      const { records, ...summary } = read.value;
      last = records;
      return ok({ ...summary, recordCount: records.length });
    },
    records(start, count) {
      return last.slice(start, start + count);
    },
  };
}
