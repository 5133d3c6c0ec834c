import { unlink } from 'node:fs/promises';
import type { Project } from '../core/model';
import type { Result } from '../core/result';
import { MAX_GPKG_BYTES } from '../geodata/gpkg';
import { readProjectGpkg } from '../geodata/project';
import { readInputFile } from './readInputFile';

/**
 * Reads an autosave back as a Project (the same checks as opening a project: damaged files are refused; a
 * regular file of at most MAX_GPKG_BYTES only).
 * @example const r = await recoverAutosave(offer.autosaveFile); if (r.ok) open(r.value);
 */
export async function recoverAutosave(autosaveFile: string): Promise<Result<Project>> {
  return readProjectGpkg(await readInputFile(autosaveFile, { maxBytes: MAX_GPKG_BYTES }));
}

/**
 * Deletes an autosave after a save or a clean quit; a missing file is fine.
 * @example await discardAutosave(autosavePath(projectFile, { autosaveDir, now }))
 */
export async function discardAutosave(autosaveFile: string): Promise<void> {
  await unlink(autosaveFile).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
