import type { Result } from '../../core/result';
import { readDemGeoTiff } from '../../geodata/dem';
import { importOlts, importPlaces, importSites, readMbtiles } from '../../geodata/import';
import { readProjectGpkg } from '../../geodata/project';
import type { BadInput } from './corpus';

/** What a reader made of one corpus file. */
export interface BadInputOutcome {
  outcome: 'refused' | 'row-errors' | 'imported';
  /** the failed Result's code, or the number of records imported */
  detail: string;
  /** the failure message, or the first row error */
  message: string;
}

/**
 * Runs one corpus file through its reader and classifies the Result. Anything thrown propagates: a reader
 * must answer malformed input with a Result, so a throw is a finding.
 * @example const o = await readBadInput(input, bytes); o.outcome // 'refused'
 */
export async function readBadInput(input: BadInput, bytes: Uint8Array): Promise<BadInputOutcome> {
  // a planner who chose a status for rows without one, as the import dialog and --default-status ask
  const options = { fileName: input.fileName, defaultStatus: 'existing' as const };
  let result: Result<unknown>;
  switch (input.reader) {
    case 'sites': result = await importSites(bytes, options); break;
    case 'places': result = await importPlaces(bytes, options); break;
    case 'olts': result = await importOlts(bytes, options); break;
    case 'dem': result = await readDemGeoTiff(bytes, input.fileName); break;
    case 'gpkg': result = await readProjectGpkg(bytes); break;
    case 'mbtiles': result = await readMbtiles(bytes); break;
  }
  if (!result.ok) return { outcome: 'refused', detail: result.code, message: result.message };
  const value = result.value as { records?: unknown[]; problems?: { severity: string; row: number | null; field: string | null; reason: string }[] };
  const rowError = value.problems?.find((p) => p.severity === 'error');
  const detail = `${value.records?.length ?? 1} records`;
  if (rowError) return { outcome: 'row-errors', detail, message: `row ${rowError.row} ${rowError.field ?? ''}: ${rowError.reason}` };
  return { outcome: 'imported', detail, message: '' };
}
