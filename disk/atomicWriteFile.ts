import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { resolveWriteTarget } from './resolveWriteTarget';

/** Options of atomicWriteFile. */
export interface AtomicWriteOptions {
  /** copy the file being replaced to `<file>.bak` first (default true) */
  keepBackup?: boolean;
}

async function fsyncPath(p: string, flags: string): Promise<void> {
  const fh = await open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; Windows cannot open a directory for fsync, where rename is durable enough.
  try {
    await fsyncPath(dir, 'r');
  } catch (err) {
    if (process.platform !== 'win32') throw err;
  }
}

/**
 * Replaces `file` with `bytes` so that a crash at any moment leaves either the old or the new content, never
 * a mix: write `<file>.tmp-<random>` in the same folder, fsync, copy the current file to `<file>.bak` (fsynced),
 * rename the temp over `file` (atomic on POSIX and NTFS), fsync the folder. The temp file is removed on failure.
 * Through a symbolic link, all of this happens at the link's target (resolveWriteTarget): the target is
 * replaced atomically in its own folder, its `.bak` beside it, and the link stays a link. Resolves to the path
 * written. Node only: for electron/main and the CLI.
 * @example await atomicWriteFile('/data/renhuai.gpkg', await writeProjectGpkg(project));
 */
export async function atomicWriteFile(file: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<string> {
  if (typeof file !== 'string' || !file) throw new RangeError('file must be a non-empty path');
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  return writeAtomically(await resolveWriteTarget(file), bytes, options);
}

async function writeAtomically(file: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<string> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.keepBackup ?? true) {
      const bak = `${file}.bak`;
      const bakTmp = `${tmp}.bak`;
      try {
        await copyFile(file, bakTmp, constants.COPYFILE_EXCL);
        await fsyncPath(bakTmp, 'r+');
        await rename(bakTmp, bak);
      } catch (err) {
        await unlink(bakTmp).catch(() => undefined);
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    await rename(tmp, file);
    await fsyncDir(dir);
    return file;
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
