import { writeProjectGpkg } from '../../geodata/project';
import type { Result } from '../../core/result';
import type { Host, SavedProject } from '../host/Host';
import { startAutosaveLoop, type AutosaveLoop } from '../host/autosaveLoop';
import type { PlanState } from '../state/planState';
import { currentProject, type ProjectSession } from './ProjectSession';

/** What the title bar and the save buttons show of the open project's file. */
export interface ProjectFileSnapshot {
  /** the file name, or null for a project never saved */
  name: string | null;
  /** edits the file lacks (a recovered project counts as dirty until saved) */
  isDirty: boolean;
  isSaving: boolean;
}

export interface ProjectFileOptions {
  /** the handle the host issued when the file was opened (none for a new or sample project) */
  handle?: string;
  name?: string | null;
  /** true for a crash copy: nothing of it is in a file yet */
  isRecovered?: boolean;
  /** the recovery it came from: removed once the project is saved or closed on purpose */
  recoveryId?: string;
  /** the session's key for autosaves (letters, digits, _ and -) */
  projectKey: string;
}

/**
 * The file behind an open project: save and save-as through the host (desktop: in place with the handle;
 * browser: a download), whether there are unsaved edits (the store's state is immutable, so "the state
 * saved last" is one reference), and the autosave loop (every 3 min while dirty; `quitAnswer` on close).
 * Works with React through `useSyncExternalStore(file.subscribe, file.getSnapshot)`.
 */
export class ProjectFile {
  private handle: string | undefined;
  private name: string | null;
  private savedState: PlanState | null;
  private recoveryId: string | undefined;
  private isSaving = false;
  private saving: Promise<Result<SavedProject | null>> | null = null;
  private snapshot: ProjectFileSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private loop: AutosaveLoop | null = null;
  readonly projectKey: string;

  constructor(
    private readonly host: Host,
    private readonly session: ProjectSession,
    options: ProjectFileOptions,
  ) {
    this.handle = options.handle;
    this.name = options.name ?? null;
    this.savedState = options.isRecovered ? null : session.store.getState();
    this.recoveryId = options.recoveryId;
    this.projectKey = options.projectKey;
    this.snapshot = this.make();
    this.unsubscribe = session.store.subscribe(() => this.changed());
  }

  readonly getSnapshot = (): ProjectFileSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly isDirty = (): boolean => this.session.store.getState() !== this.savedState;

  /** The project as GeoPackage bytes, as it stands now. */
  readonly serialise = (): Promise<Uint8Array> => writeProjectGpkg(currentProject(this.session));

  /** The name offered in a save dialog: the file's own, else the project's name. */
  suggestedName(): string {
    if (this.name) return this.name;
    const base = this.session.store.getState().name.replace(/[\\/:*?"<>|]+/g, '_').trim() || this.session.county.name;
    return `${base}.gpkg`;
  }

  /**
   * Saves the project: in place when it has a handle (unless `asNew`), else where the user picks.
   * `null` = the user cancelled; the project stays dirty then, and after a failure.
   */
  save(asNew = false): Promise<Result<SavedProject | null>> {
    // a second Ctrl+S while one save runs gets that save's answer rather than a parallel write
    this.saving ??= this.saveOnce(asNew).finally(() => (this.saving = null));
    return this.saving;
  }

  private async saveOnce(asNew: boolean): Promise<Result<SavedProject | null>> {
    const state = this.session.store.getState();
    this.setSaving(true);
    try {
      const bytes = await this.serialise();
      const handle = asNew ? undefined : this.handle;
      const res = await this.host.saveProject({ suggestedName: this.suggestedName(), bytes, projectKey: this.projectKey, ...(handle ? { handle } : {}) });
      if (res.ok && res.value) {
        this.handle = res.value.handle;
        this.name = res.value.name;
        this.savedState = state;
        await this.dropRecovery();
      }
      return res;
    } catch (err) {
      return { ok: false, code: 'save-failed', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.setSaving(false);
    }
  }

  /** Starts autosaving while dirty (every `intervalMs`, default 3 min); errors go to `onError`. */
  startAutosave(onError: (message: string) => void, intervalMs?: number): AutosaveLoop {
    this.loop?.stop();
    this.loop = startAutosaveLoop(this.host, {
      projectKey: this.projectKey,
      isDirty: this.isDirty,
      serialise: this.serialise,
      handle: () => this.handle,
      name: () => this.suggestedName(),
      onError,
      ...(intervalMs ? { intervalMs } : {}),
    });
    return this.loop;
  }

  /** The answer to the app closing: autosave unsaved edits and keep them, or report clean. */
  readonly quitAnswer = async (): Promise<{ clean: boolean }> => (this.loop ? this.loop.quitAnswer() : { clean: !this.isDirty() });

  /**
   * The planner closes the project (after confirming that unsaved edits go): the loop stops and its
   * crash copies are removed, since closing on purpose is not a crash.
   */
  async close(): Promise<void> {
    this.stop();
    await this.host.discardAutosave({ projectKey: this.projectKey });
    await this.dropRecovery();
  }

  /** Stops autosaving and following the store, keeping the crash copies (they stay recoverable). */
  stop(): void {
    this.loop?.stop();
    this.loop = null;
    this.unsubscribe();
    this.listeners.clear();
  }

  private async dropRecovery(): Promise<void> {
    if (!this.recoveryId) return;
    const id = this.recoveryId;
    this.recoveryId = undefined;
    await this.host.discardRecovery(id);
  }

  private setSaving(isSaving: boolean): void {
    this.isSaving = isSaving;
    this.changed();
  }

  private make(): ProjectFileSnapshot {
    return { name: this.name, isDirty: this.isDirty(), isSaving: this.isSaving };
  }

  private changed(): void {
    const next = this.make();
    const s = this.snapshot;
    if (next.name === s.name && next.isDirty === s.isDirty && next.isSaving === s.isSaving) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
