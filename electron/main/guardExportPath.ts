import { checkOutputPath, OutputPathError } from '../../disk';
import type { HandleRegistry } from './handleRegistry';
import { IpcFailure } from './ipcFailure';

/**
 * Refuses, before anything is written, an export or report saved over a project: one this run opened or saved
 * (by device and inode, so through links too) or any Qiancheng project file (disk/checkOutputPath). Exports
 * never replace a project, whatever the save dialog was told. Throws IpcFailure('refused').
 * @example await guardExportPath(file, handles);
 */
export async function guardExportPath(file: string, handles: HandleRegistry): Promise<void> {
  try {
    await checkOutputPath(file, { inputs: handles.paths() });
  } catch (err) {
    if (err instanceof OutputPathError) throw new IpcFailure('refused', `${err.message}. Nothing was written.`);
    throw err;
  }
}
