import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile, autosavePath, discardAutosave, findRecoverableAutosaves, readInputFile, writeAutosave } from '../../disk';
import type { AutosaveRequest, RecoverableProject } from '../../contract/hostApi';
import { MAX_SAVE_BYTES } from '../ipc/parsers';
import type { HandleRegistry } from './handleRegistry';
import { IpcFailure } from './ipcFailure';
import { createSerialQueue } from './serialQueue';

/** Most projects one run may autosave at once: bounds what a misbehaving renderer can put on disk. */
export const MAX_AUTOSAVED_PROJECTS = 20;

/** Autosaves in userData/autosave, and the recovery of those a crashed run left behind. */
export interface AutosaveStore {
  /** writes the project's autosave atomically (one file per projectKey per run) */
  write(req: AutosaveRequest): Promise<{ modifiedMs: number }>;
  /** removes one project's autosave (it was saved or closed cleanly) */
  discard(projectKey: string): Promise<void>;
  /** removes every autosave this run wrote (a clean quit) */
  discardSession(): Promise<void>;
  /** autosaves left by earlier runs, newest first, each under a fresh id */
  listRecoverable(): Promise<RecoverableProject[]>;
  /**
   * the bytes of one recoverable autosave, and the saved project it came from when that file still exists: the
   * path is only what a JSON file in userData says, so no handle is issued for it here (projectHandlers asks the user)
   */
  recover(id: string): Promise<RecoveredFile>;
  /** deletes one recoverable autosave */
  discardRecovery(id: string): Promise<void>;
}

/** A recovered autosave: its name and bytes, and the project file it says it belongs to (unconfirmed). */
export interface RecoveredFile {
  name: string;
  bytes: Uint8Array;
  /** absolute path of an existing regular .gpkg file, as the autosave's side file names it */
  projectFile?: string;
}

/** What the side file `<autosave>.json` records: the display name and the saved project, if any. */
interface AutosaveMeta {
  name: string;
  projectFile: string | null;
}

const metaFile = (autosaveFile: string) => `${autosaveFile}.json`;

/**
 * Creates the autosave store over `autosaveDir` (userData/autosave). Files are named by disk/'s
 * autosavePath for untitled projects (`untitled-<UTC start>.autosave.gpkg`, one per projectKey per run)
 * with a `.json` side file naming the project, so after a crash findRecoverableAutosaves finds them all.
 * @example const store = createAutosaveStore(path.join(app.getPath('userData'), 'autosave'), handles);
 */
export function createAutosaveStore(autosaveDir: string, handles: HandleRegistry, now: () => Date = () => new Date()): AutosaveStore {
  // projectKey -> the run's start time for that project, which names its file
  const session = new Map<string, Date>();
  const fileOf = (startedAt: Date) => autosavePath(null, { autosaveDir, now: startedAt });
  const recoverable = new Map<string, string>();
  const serial = createSerialQueue();

  async function exists(file: string): Promise<boolean> {
    return stat(file).then(() => true, () => false);
  }
  // autosavePath names by the second: step past names already taken so two projects never share a file.
  async function newStart(): Promise<Date> {
    const taken = new Set([...session.values()].map(fileOf));
    for (let t = now().getTime(); ; t += 1000) {
      const at = new Date(t);
      const file = fileOf(at);
      if (!taken.has(file) && !(await exists(file))) return at;
    }
  }
  async function readMeta(autosaveFile: string): Promise<AutosaveMeta> {
    try {
      const m = JSON.parse(await readFile(metaFile(autosaveFile), 'utf8')) as Partial<AutosaveMeta>;
      return { name: typeof m.name === 'string' ? m.name : path.basename(autosaveFile), projectFile: typeof m.projectFile === 'string' ? m.projectFile : null };
    } catch {
      return { name: path.basename(autosaveFile), projectFile: null };
    }
  }
  async function remove(autosaveFile: string): Promise<void> {
    await discardAutosave(autosaveFile);
    await discardAutosave(metaFile(autosaveFile));
  }
  function recoverableFile(id: string): string {
    const file = recoverable.get(id);
    if (!file) throw new IpcFailure('unknown-handle', 'This recovery id is not known; list the recoverable projects again.');
    return file;
  }

  return {
    write: (req) => serial(async () => {
      const projectFile = req.handle ? handles.resolve(req.handle) : null;
      await mkdir(autosaveDir, { recursive: true });
      let startedAt = session.get(req.projectKey);
      if (!startedAt) {
        if (session.size >= MAX_AUTOSAVED_PROJECTS) throw new IpcFailure('too-many', `At most ${MAX_AUTOSAVED_PROJECTS} projects are autosaved at once; close some projects.`);
        startedAt = await newStart();
        session.set(req.projectKey, startedAt);
      }
      const meta: AutosaveMeta = { name: req.name ?? (projectFile ? path.basename(projectFile) : req.projectKey), projectFile };
      await atomicWriteFile(metaFile(fileOf(startedAt)), new TextEncoder().encode(JSON.stringify(meta)), { keepBackup: false });
      const written = await writeAutosave(null, req.bytes, { autosaveDir, now: startedAt });
      return { modifiedMs: (await stat(written)).mtimeMs };
    }),
    discard: (projectKey) => serial(async () => {
      const startedAt = session.get(projectKey);
      if (!startedAt) return;
      await remove(fileOf(startedAt));
      session.delete(projectKey);
    }),
    discardSession: () => serial(async () => {
      for (const startedAt of session.values()) await remove(fileOf(startedAt));
      session.clear();
    }),
    async listRecoverable() {
      const live = new Set([...session.values()].map(fileOf));
      const offers = (await findRecoverableAutosaves([], autosaveDir)).filter((o) => !live.has(o.autosaveFile));
      recoverable.clear();
      const out: RecoverableProject[] = [];
      for (const offer of offers) {
        const id = randomUUID();
        recoverable.set(id, offer.autosaveFile);
        const meta = await readMeta(offer.autosaveFile);
        out.push({ id, name: meta.name, modifiedMs: offer.autosaveMtimeMs, ...(meta.projectFile ? { projectName: path.basename(meta.projectFile) } : {}) });
      }
      return out;
    },
    async recover(id) {
      const file = recoverableFile(id);
      const meta = await readMeta(file);
      let bytes: Uint8Array;
      try {
        bytes = await readInputFile(file, { maxBytes: MAX_SAVE_BYTES });
      } catch {
        recoverable.delete(id);
        throw new IpcFailure('not-found', 'This autosave is gone (another window recovered or discarded it).');
      }
      const p = meta.projectFile;
      const isProject = p !== null && path.isAbsolute(p) && /\.gpkg$/i.test(p) && (await stat(p).then((s) => s.isFile(), () => false));
      return { name: meta.name, bytes, ...(isProject ? { projectFile: p } : {}) };
    },
    async discardRecovery(id) {
      await remove(recoverableFile(id));
      recoverable.delete(id);
    },
  };
}

