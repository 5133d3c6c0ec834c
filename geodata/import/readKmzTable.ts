import { fail, type Result } from '../../core/result';
import { IMPORT_LIMITS } from './importLimits';
import { readKmlTable } from './readKmlTable';
import { readZipEntries } from './readZipEntries';
import type { RawTable } from './types';

/**
 * Reads a KMZ (a zip holding doc.kml, or else the first .kml at the top level; Google KMZ reference) with fflate.
 * The .kml entries may inflate to at most IMPORT_LIMITS.maxBytes.kml together (checked on the zip directory
 * before inflating: 'too-large').
 * @example readKmzTable(bytes).value.format // 'kmz'
 */
export function readKmzTable(bytes: Uint8Array): Result<RawTable> {
  const unzipped = readZipEntries(bytes, (n) => /\.kml$/i.test(n), { maxUnzippedBytes: IMPORT_LIMITS.maxBytes.kml });
  if (!unzipped.ok) {
    const isUnreadable = unzipped.reason?.code === 'notZip';
    return fail(unzipped.code, isUnreadable ? `not a readable KMZ (zip): ${unzipped.message}` : `KMZ: ${unzipped.message}`, isUnreadable ? { code: 'notKmz' } : unzipped.reason);
  }
  const files = unzipped.value;
  const names = Object.keys(files);
  const name = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names.filter((n) => !n.includes('/')).sort()[0] ?? names.sort()[0];
  if (!name) return fail('bad-file', 'the KMZ holds no .kml file', { code: 'kmzNoKml' });
  return readKmlTable(files[name], 'kmz');
}
