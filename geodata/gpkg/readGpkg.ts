import { fail, ok, type Result } from '../../core/result';
import { openGpkgDatabase } from './openGpkgDatabase';
import { readGpkgContent } from './readGpkgContent';
import type { GpkgContent } from './types';

/**
 * Reads a GeoPackage's feature layers and attributes tables from bytes. Not-SQLite, damaged, non-GeoPackage
 * files and unreadable tables or geometry blobs are failed Results ('not-sqlite', 'corrupt', 'not-gpkg', 'bad-file').
 * @example const r = await readGpkg(bytes); if (r.ok) r.value.layers[0].features.length
 */
export async function readGpkg(bytes: Uint8Array): Promise<Result<GpkgContent>> {
  const opened = await openGpkgDatabase(bytes);
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    return ok(readGpkgContent(db));
  } catch (err) {
    return fail('bad-file', err instanceof Error ? err.message : String(err));
  } finally {
    db.close();
  }
}
