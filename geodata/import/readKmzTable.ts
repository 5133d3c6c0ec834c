import { unzipSync } from 'fflate';
import { fail, type Result } from '../../core/result';
import { readKmlTable } from './readKmlTable';
import type { RawTable } from './types';

/** Largest KML inside a KMZ we inflate, bytes: stops zip bombs before they fill memory. */
export const MAX_KMZ_KML_BYTES = 256 * 1024 * 1024;

/**
 * Reads a KMZ (a zip holding doc.kml, or else the first .kml at the top level; Google KMZ reference) with fflate.
 * @example readKmzTable(bytes).value.format // 'kmz'
 */
export function readKmzTable(bytes: Uint8Array): Result<RawTable> {
  let files;
  let tooBig = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.kml$/i.test(f.name)) return false;
        if (f.originalSize > MAX_KMZ_KML_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch (err) {
    return fail('bad-file', `not a readable KMZ (zip): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (tooBig) return fail('bad-file', `the KML inside the KMZ is larger than ${MAX_KMZ_KML_BYTES} bytes`);
  const names = Object.keys(files);
  const name = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names.filter((n) => !n.includes('/')).sort()[0] ?? names.sort()[0];
  if (!name) return fail('bad-file', 'the KMZ holds no .kml file');
  return readKmlTable(files[name], 'kmz');
}
