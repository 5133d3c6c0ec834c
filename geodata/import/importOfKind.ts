import type { ProgressFn } from '../../core/cancel';
import type { MultiPolygon } from 'geojson';
import type { Olt, Place, Site, SiteStatus } from '../../core/model';
import type { Result } from '../../core/result';
import { importOlts } from './importOlts';
import { importPlaces } from './importPlaces';
import { importSites } from './importSites';
import type { ImportCrs, ImportResult } from './types';

/** What an import file holds: sites, priority places or OLTs. */
export type ImportKind = 'sites' | 'places' | 'olts';

/** One import file to read: plain data, so it can be posted to a worker (its bytes transferred). */
export interface ImportJob {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  crs: ImportCrs;
  /** sites and OLTs: status of rows without one; without it those rows are errors (no silent default) */
  defaultStatus?: SiteStatus;
  /** the county the records go into: rows outside it are errors naming the distance (ImportOptions.county) */
  county?: { name: string; boundary: MultiPolygon };
  /** sites outside the county: errors (default) or kept flagged and left out of the coverage */
  outsideCounty?: 'error' | 'keep-flagged';
}

/**
 * Reads one import file with the reader for its kind (importSites, importPlaces or importOlts): the one
 * entry the import worker and an inline caller share. `onProgress` gets the fraction of rows checked.
 * @example const r = await importOfKind({ kind: 'sites', bytes, fileName: '站点.csv', crs: 'wgs84' }); r.ok && r.value.records
 */
export async function importOfKind(job: ImportJob, onProgress?: ProgressFn): Promise<Result<ImportResult<Site | Place | Olt>>> {
  const options = { fileName: job.fileName, crs: job.crs, onProgress, ...(job.county ? { county: job.county } : {}) };
  switch (job.kind) {
    case 'sites': return importSites(job.bytes, { ...options, defaultStatus: job.defaultStatus, outsideCounty: job.outsideCounty });
    case 'places': return importPlaces(job.bytes, options);
    case 'olts': return importOlts(job.bytes, { ...options, defaultStatus: job.defaultStatus });
    default: throw new RangeError(`kind must be sites, places or olts, got ${String(job.kind)}`);
  }
}
