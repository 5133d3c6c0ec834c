import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { MAX_ROADMAP_INDEX_BYTES, type OpenedFile, type OpenedRoadmapFolder, type UiLanguage } from '../../contract/hostApi';
import { InputFileError, readInputFile } from '../../disk';
import { channels } from '../ipc/channels';
import { MAX_SAVE_BYTES, parsers } from '../ipc/parsers';
import { dialogFor } from './dialogPurposes';
import { handle } from './ipc';
import { IpcFailure } from './ipcFailure';

export interface RoadmapHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  window: () => BrowserWindow | null;
  language?: () => UiLanguage;
  log?: (message: string) => void;
}

/** Reads a file main chose: a regular file of at most `maxBytes` ('not-found' when it is missing). */
async function readChosen(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readInputFile(file, { maxBytes });
  } catch (err) {
    if (err instanceof InputFileError) throw new IpcFailure(err.code, err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new IpcFailure('not-found', `${path.basename(file)} is not in the folder`);
    throw err;
  }
}

/**
 * Registers the roadmap-folder channels (the province view): a folder dialog titled by main, whose answer is
 * read for roadmap.json and remembered behind a random token; then, per county, counties/<code>.gpkg of that
 * folder only. The renderer names a token and a 6-digit code (zod-checked), never a path; the file is resolved
 * with symbolic links followed and refused unless it lies inside the folder. A county's project comes without a
 * save handle, so saving it asks where and never overwrites the roadmap's output unasked.
 * @example registerRoadmapHandlers({ ipcMain, dialog, window: () => win, log });
 */
export function registerRoadmapHandlers(deps: RoadmapHandlerDeps): void {
  const { ipcMain, dialog, log } = deps;
  /** token -> the folder's real path, for this run only */
  const folders = new Map<string, string>();

  handle(ipcMain, channels.openRoadmapFolder, parsers[channels.openRoadmapFolder], async (req): Promise<OpenedRoadmapFolder | null> => {
    const options = { ...dialogFor('open-roadmap-folder', req.language ?? deps.language?.() ?? 'zh'), properties: ['openDirectory' as const] };
    const win = deps.window() ?? undefined;
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return null;
    const folder = await realpath(picked.filePaths[0]);
    const index = await readChosen(path.join(folder, 'roadmap.json'), MAX_ROADMAP_INDEX_BYTES);
    const token = randomUUID();
    folders.set(token, folder);
    return { handle: token, name: path.basename(folder), index };
  }, log);

  handle(ipcMain, channels.openRoadmapCounty, parsers[channels.openRoadmapCounty], async (req): Promise<OpenedFile> => {
    const folder = folders.get(req.handle);
    if (!folder) throw new IpcFailure('unknown-handle', 'This roadmap folder is not open in this run; open the folder again.');
    const file = path.join(folder, 'counties', `${req.code}.gpkg`);
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new IpcFailure('not-found', `counties/${req.code}.gpkg is not in the roadmap folder ${path.basename(folder)}`);
    }
    if (!real.startsWith(folder + path.sep)) throw new IpcFailure('outside-folder', `counties/${req.code}.gpkg points outside the roadmap folder; it was not read`);
    return { name: `${req.code}.gpkg`, bytes: await readChosen(real, MAX_SAVE_BYTES) };
  }, log);
}
