import { unzipSync } from 'fflate';
import { fail, ok, type Result } from '../../core/result';
import { IMPORT_LIMITS } from './importLimits';

/** Limits for readZipEntries; defaults from IMPORT_LIMITS. */
export interface ZipLimits {
  maxEntries?: number;
  /** uncompressed bytes of the kept entries together, as the zip directory declares them */
  maxUnzippedBytes?: number;
}

/**
 * Inflates the entries of a zip (KMZ, XLSX) for which `keep(name)` holds, after checking the zip directory
 * (PKWARE APPNOTE central directory, read by fflate's unzipSync filter) against the limits: entry count and the
 * declared uncompressed sizes. Nothing is inflated when a limit is hit, so zip bombs are refused before they fill
 * memory. fflate inflates each entry into a buffer of its declared size, so an entry lying about its size cannot
 * grow past it either; an entry declaring fewer bytes than it holds compressed is refused as forged. 'too-large'
 * names the limit; 'bad-file' is an unreadable or forged zip.
 * @example const r = readZipEntries(bytes, (n) => n.endsWith('.kml')); if (r.ok) r.value['doc.kml']
 */
export function readZipEntries(bytes: Uint8Array, keep: (name: string) => boolean, limits: ZipLimits = {}): Result<Record<string, Uint8Array>> {
  const maxEntries = limits.maxEntries ?? IMPORT_LIMITS.maxZipEntries;
  const maxUnzippedBytes = limits.maxUnzippedBytes ?? IMPORT_LIMITS.maxUnzippedBytes;
  let entries = 0;
  let declaredBytes = 0;
  let largest = { name: '', bytes: 0 };
  let forged: string | undefined;
  try {
    // First pass reads only the directory: the filter sees every entry and keeps none.
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        if (keep(f.name)) {
          declaredBytes += f.originalSize;
          if (f.originalSize > largest.bytes) largest = { name: f.name, bytes: f.originalSize };
          // Deflate never grows data by more than a few bytes per 64 KB block: more compressed than declared bytes is forged.
          if (f.size > f.originalSize * 1.001 + 64) forged ??= `${f.name} declares ${f.originalSize} bytes but holds ${f.size} compressed`;
        }
        return false;
      },
    });
  } catch (err) {
    return fail('bad-file', `not a readable zip: ${err instanceof Error ? err.message : String(err)}`, { code: 'notZip' });
  }
  if (entries > maxEntries) return fail('too-large', `the zip holds ${entries} entries; at most ${maxEntries} are read`, { code: 'zipTooManyEntries', params: { count: entries, max: maxEntries } });
  if (forged) return fail('bad-file', `the zip directory is forged (${forged}); refused as a possible zip bomb`, { code: 'zipForged' });
  if (declaredBytes > maxUnzippedBytes) {
    return fail('too-large', `the zip would inflate to ${mb(declaredBytes)} (largest entry ${largest.name}, ${mb(largest.bytes)}); at most ${mb(maxUnzippedBytes)} are read (zip bomb?)`, {
      code: 'zipTooLarge', params: { sizeMb: (declaredBytes / 1e6).toFixed(1), maxMb: maxUnzippedBytes / 1e6 },
    });
  }
  try {
    return ok(unzipSync(bytes, { filter: (f) => keep(f.name) }));
  } catch (err) {
    return fail('bad-file', `a zip entry cannot be inflated: ${err instanceof Error ? err.message : String(err)}`, { code: 'zipEntryBroken' });
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
