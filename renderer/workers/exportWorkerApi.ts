import * as Comlink from 'comlink';
import type { BuildListRow } from '../../core/model';
import { ok, type Result } from '../../core/result';
import { exportBuildList, type BuildListFormat, type ExportCrs } from '../../geodata/export';

/** One build-list export: the rows (plain data, cloned to the worker) and how to write them. */
export interface ExportJob {
  rows: readonly BuildListRow[];
  format: BuildListFormat;
  crs: ExportCrs;
  /** written into the XLSX title */
  title: string;
}

/** The API export.worker.ts exposes over comlink. */
export interface ExportWorkerApi {
  /** the file's bytes, transferred back */
  write(job: ExportJob): Promise<Result<Uint8Array>>;
}

/**
 * The export worker's side: geodata/export's exportBuildList (exceljs for XLSX, sql.js for GeoPackage),
 * whose bytes are handed back without a copy.
 * @example Comlink.expose(createExportWorkerApi())
 */
export function createExportWorkerApi(): ExportWorkerApi {
  return {
    async write(job) {
      const bytes = await exportBuildList(job.rows, job.format, { crs: job.crs, title: job.title });
      return Comlink.transfer(ok(bytes), [bytes.buffer]);
    },
  };
}
