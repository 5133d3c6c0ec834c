import path from 'node:path';

export { AUTOSAVE_INTERVAL_MS } from '../contract/hostApi';

/** File-name ending of every autosave (findRecoverableAutosaves looks for it). */
export const AUTOSAVE_SUFFIX = '.autosave.gpkg';

/**
 * Where the autosave of a project goes: next to a saved project as `.<name>.autosave.gpkg` (hidden on
 * POSIX); for an untitled project in `autosaveDir` as `untitled-<UTC yyyymmddThhmmss>.autosave.gpkg`, where
 * `now` is when the untitled session began (keep passing the same time so the session keeps one file).
 * @example autosavePath('/p/renhuai.gpkg', { autosaveDir: '/ud/autosave', now }) // '/p/.renhuai.autosave.gpkg'
 */
export function autosavePath(projectFile: string | null, options: { autosaveDir: string; now: Date }): string {
  if (projectFile) {
    const base = path.basename(projectFile).replace(/\.gpkg$/i, '');
    return path.join(path.dirname(projectFile), `.${base}${AUTOSAVE_SUFFIX}`);
  }
  if (Number.isNaN(options.now.getTime())) throw new RangeError('now must be a valid Date');
  const stamp = options.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return path.join(options.autosaveDir, `untitled-${stamp}${AUTOSAVE_SUFFIX}`);
}
