import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Stats } from 'node:fs';

/** Why readInputFile refused a file. */
export type InputFileErrorCode = 'not-found' | 'not-a-file' | 'too-large' | 'unreadable';

/** A file readInputFile refused, with a message for people naming the file and the limit or the kind of file. */
export class InputFileError extends Error {
  constructor(readonly code: InputFileErrorCode, message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice()) return 'a character device (such as /dev/zero)';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Reads a file a person named (a project, an import, a raster) with its type and size checked before a byte
 * is read: only a regular file (following links) is read; a named pipe, a device such as /dev/zero, a socket or a
 * folder is refused ('not-a-file'); a file larger than `maxBytes` is refused ('too-large') by its size and read
 * with a cap, so one that grows while read (or lies about its size, like /proc files) stops at the cap. It is
 * opened with O_NONBLOCK, so a pipe swapped in between the check and the open cannot hang the read.
 * Throws InputFileError naming the file (`name`, default its base name).
 * @example const bytes = await readInputFile('sites.csv', { maxBytes: 200e6 });
 */
export async function readInputFile(file: string, options: { maxBytes: number; name?: string }): Promise<Uint8Array> {
  const { maxBytes } = options;
  if (!(maxBytes >= 0)) throw new RangeError(`maxBytes must be >= 0, got ${maxBytes}`);
  const name = options.name ?? path.basename(file);
  let s: Stats;
  try {
    s = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? 'not-found' : 'unreadable', `${name}: cannot read (${code ?? String(err)})`);
  }
  const refuse = (st: Stats) => {
    if (!st.isFile()) throw new InputFileError('not-a-file', `${name}: ${kindOf(st)}, not a regular file; nothing was read`);
    if (st.size > maxBytes) throw new InputFileError('too-large', `${name} is ${mb(st.size)}; at most ${mb(maxBytes)} are read`);
  };
  refuse(s);
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new InputFileError('unreadable', `${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    refuse(await fh.stat());
    let out = new Uint8Array(Math.min(s.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === out.length) {
        // The file grew since stat: read on, up to one byte past the cap.
        if (out.length > maxBytes) throw new InputFileError('too-large', `${name} grew past ${mb(maxBytes)} while it was read; at most ${mb(maxBytes)} are read`);
        const bigger = new Uint8Array(Math.min(maxBytes + 1, out.length * 2));
        bigger.set(out);
        out = bigger;
      }
      const { bytesRead } = await fh.read(out, filled, out.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return out.subarray(0, filled);
  } finally {
    await fh.close();
  }
}
