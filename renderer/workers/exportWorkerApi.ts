import * as Comlink from 'comlink';
import type { BuildListCostSource, BuildListRow } from '../../core/buildList';
import { ok, type Result } from '../../core/result';
import type { Language } from '../../core/text';
import { exportBuildList, type BuildListFormat, type ExportCrs } from '../../geodata/export';

/** One build-list export: the rows (plain data, cloned to the worker) and how to write them. */
export interface ExportJob {
  rows: readonly BuildListRow[];
  format: BuildListFormat;
  crs: ExportCrs;
  /** the file's language */
  language: Language;
  /** written into the XLSX title */
  title: string;
  /** when the list was made (XLSX summary, local time) */
  generatedAt: Date;
  /** the unit costs behind the rows, cited in the XLSX notes */
  costSources: readonly BuildListCostSource[];
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
      const { rows, format, ...options } = job;
      const bytes = await exportBuildList(rows, format, options);
      return Comlink.transfer(ok(bytes), [bytes.buffer]);
    },
  };
}
