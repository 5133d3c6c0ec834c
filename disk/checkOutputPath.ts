import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Stats } from 'node:fs';
import { MAX_GPKG_BYTES } from '../geodata/gpkg';
import { isProjectGpkg } from '../geodata/project';
import { readInputFile } from './readInputFile';

/** An output path refused by checkOutputPath, with a message for people. */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The first 100 bytes of a file (the SQLite header), without reading the rest. */
async function head(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const b = new Uint8Array(100);
    const { bytesRead } = await fh.read(b, 0, 100, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Refuses an output path, before anything is written, when writing there would destroy what the command reads or
 * a project: when it is one of `inputs` (the same file by device and inode, so through symbolic or hard links and
 * other spellings of the path too), when it exists and is not a regular file, and, unless `mayReplaceProject`
 * (a command whose output is a project, with a .bak kept), when it is a Qiancheng project (isProjectGpkg; a
 * GeoPackage over MAX_GPKG_BYTES counts as one). Throws OutputPathError naming the path.
 * @example await checkOutputPath('out.csv', { inputs: ['renhuai.gpkg'] })
 */
export async function checkOutputPath(out: string, options: { inputs: readonly string[]; mayReplaceProject?: boolean }): Promise<void> {
  const target = await statOrUndefined(out);
  if (!target) return;
  const name = path.basename(out);
  for (const input of options.inputs) {
    const s = await statOrUndefined(input);
    if (s && s.dev === target.dev && s.ino === target.ino) {
      throw new OutputPathError(`${name} is the input ${path.basename(input)}${path.resolve(input) === path.resolve(out) ? '' : ' (the same file through a link)'}: writing there would destroy it; choose another output file`);
    }
  }
  if (!target.isFile()) throw new OutputPathError(`${name} exists and is not a regular file; choose another output file`);
  if (options.mayReplaceProject) return;
  const bytes = await head(out);
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 15)) !== 'SQLite format 3') return;
  const isProject = target.size > MAX_GPKG_BYTES || (await isProjectGpkg(await readInputFile(out, { maxBytes: MAX_GPKG_BYTES })));
  if (isProject) throw new OutputPathError(`${name} is a Qiancheng project file: an export never replaces a project; choose another output file`);
}
