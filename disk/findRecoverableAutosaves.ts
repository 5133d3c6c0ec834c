import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AUTOSAVE_SUFFIX, autosavePath } from './autosavePath';

/** An autosave that holds edits the saved project lacks. */
export interface RecoverableAutosave {
  autosaveFile: string;
  /** the project it belongs to; null for an untitled project */
  projectFile: string | null;
  autosaveMtimeMs: number;
}

async function mtimeMs(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Autosaves to offer after a crash, newest first: each untitled autosave in `autosaveDir`, and for each of
 * `projectFiles` (e.g. the recent-files list) its autosave when it is newer than the project (or the
 * project is gone). A clean quit deletes autosaves (discardAutosave), so any left over means unsaved work.
 * @example const offers = await findRecoverableAutosaves(recentFiles, userDataAutosaveDir)
 */
export async function findRecoverableAutosaves(projectFiles: readonly string[], autosaveDir: string): Promise<RecoverableAutosave[]> {
  const found: RecoverableAutosave[] = [];
  for (const projectFile of projectFiles) {
    const autosaveFile = autosavePath(projectFile, { autosaveDir, now: new Date(0) });
    const a = await mtimeMs(autosaveFile);
    const p = await mtimeMs(projectFile);
    if (a !== undefined && (p === undefined || a > p)) found.push({ autosaveFile, projectFile, autosaveMtimeMs: a });
  }
  const names = await readdir(autosaveDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('untitled-') && n.endsWith(AUTOSAVE_SUFFIX))) {
    const autosaveFile = path.join(autosaveDir, name);
    const a = await mtimeMs(autosaveFile);
    if (a !== undefined) found.push({ autosaveFile, projectFile: null, autosaveMtimeMs: a });
  }
  return found.sort((x, y) => y.autosaveMtimeMs - x.autosaveMtimeMs);
}
