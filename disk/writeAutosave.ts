import { atomicWriteFile } from './atomicWriteFile';
import { autosavePath } from './autosavePath';

/**
 * Writes an autosave atomically (no `.bak`: the real file is the backup). Returns the path written.
 * @example await writeAutosave('/p/renhuai.gpkg', bytes, { autosaveDir, now: new Date() })
 */
export async function writeAutosave(projectFile: string | null, bytes: Uint8Array, options: { autosaveDir: string; now: Date }): Promise<string> {
  const file = autosavePath(projectFile, options);
  await atomicWriteFile(file, bytes, { keepBackup: false });
  return file;
}
