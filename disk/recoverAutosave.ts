import { readFile, unlink } from 'node:fs/promises';
import type { Project } from '../core/model';
import type { Result } from '../core/result';
import { readProjectGpkg } from '../geodata/project';

/**
 * Reads an autosave back as a Project (the same checks as opening a project: damaged files are refused).
 * @example const r = await recoverAutosave(offer.autosaveFile); if (r.ok) open(r.value);
 */
export async function recoverAutosave(autosaveFile: string): Promise<Result<Project>> {
  return readProjectGpkg(new Uint8Array(await readFile(autosaveFile)));
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
