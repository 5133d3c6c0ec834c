import type { Result } from '../../core/result';
import { setPropagationModel } from '../actions/modelActions';
import type { CalibrationOutcome, DriveTestInput, DriveTestPreview } from '../calibration/calibrationJobs';
import type { Host } from '../host/Host';
import { SnapshotStore } from '../state/SnapshotStore';
import type { TaskTracker } from '../tasks/TaskTracker';
import type { CalibrateJob, PreviewJob } from '../workers/calibrationWorkerApi';
import { currentProject, type ProjectSession } from './ProjectSession';

/** Where the calibration stands: files picked and read (the matching report), fitted, or applied. */
export interface CalibrationSnapshot {
  isOpen: boolean;
  files: readonly DriveTestInput[];
  step: 'files' | 'reading' | 'preview' | 'fitting' | 'result';
  preview: DriveTestPreview | null;
  outcome: CalibrationOutcome | null;
  /** 0..1 while fitting */
  progress: number | null;
  /** the last failure, for people */
  error: string | null;
  /** whether the measured points are on the map, coloured by error */
  showOnMap: boolean;
  /** the outcome's model is the project's (applied and not undone since) */
  isApplied: boolean;
}

/** A job run off the UI thread (PreviewRunner / CalibrateRunner, or inline in tests). */
export interface CalibrationRunners {
  preview(job: PreviewJob, options: { signal?: AbortSignal; onProgress?: (f: number) => void }): Promise<Result<DriveTestPreview>>;
  calibrate(job: CalibrateJob, options: { signal?: AbortSignal; onProgress?: (f: number) => void }): Promise<Result<CalibrationOutcome>>;
}

const INITIAL: CalibrationSnapshot = {
  isOpen: false, files: [], step: 'files', preview: null, outcome: null, progress: null, error: null, showOnMap: true, isApplied: false,
};

/**
 * The app's calibration flow for one open project: pick drive-test files (the host's 'import-drive-test'
 * dialog), read and match them in a worker and show the matching report, then fit in a worker with progress and
 * Cancel on the task bar (labels 'calibration.taskRead', 'calibration.taskFit'), then apply: one undoable edit
 * (setPropagationModel) after which the coverage recomputes (PlanCompute follows the store's model).
 * @example const c = new CalibrationSession(session, host, tracker, runners); await c.addFile(); await c.fit(); c.apply();
 */
export class CalibrationSession {
  readonly store = new SnapshotStore<CalibrationSnapshot>(INITIAL);
  private readonly unsubscribe: () => void;

  constructor(
    private readonly session: ProjectSession,
    private readonly host: Host,
    private readonly tracker: TaskTracker,
    private readonly runners: CalibrationRunners,
    private readonly now: () => Date = () => new Date(),
  ) {
    // undo/redo of the apply (or a reset) changes the project's model: say whether the outcome is what is in use
    this.unsubscribe = session.store.subscribe(() => this.followModel());
  }

  readonly getSnapshot = (): CalibrationSnapshot => this.store.getSnapshot();
  readonly subscribe = (l: () => void): (() => void) => this.store.subscribe(l);

  open(): void {
    this.store.update({ isOpen: true });
  }

  close(): void {
    this.store.update({ isOpen: false });
  }

  /** Asks the host for a drive-test file and adds it (a file of the same name is replaced); the report follows. */
  async addFile(): Promise<void> {
    const picked = await this.host.openFile({ purpose: 'import-drive-test' });
    if (!picked.ok) return this.store.update({ error: picked.message });
    if (!picked.value) return;
    await this.addFiles([{ name: picked.value.name, bytes: picked.value.bytes }]);
  }

  /** Adds files and reads and matches all of them again (the matching report before any fit). */
  async addFiles(files: readonly DriveTestInput[]): Promise<void> {
    const names = new Set(files.map((f) => f.name));
    await this.read([...this.getSnapshot().files.filter((f) => !names.has(f.name)), ...files]);
  }

  async removeFile(name: string): Promise<void> {
    await this.read(this.getSnapshot().files.filter((f) => f.name !== name));
  }

  private async read(files: DriveTestInput[]): Promise<void> {
    this.store.update({ files, preview: null, outcome: null, error: null, isApplied: false, progress: null, step: files.length ? 'reading' : 'files' });
    if (files.length === 0) return;
    const project = currentProject(this.session);
    const r = await this.tracker.run('calibration.taskRead', (signal, onProgress) => this.runners.preview({ project, files }, { signal, onProgress }));
    if (this.getSnapshot().files !== files) return;
    if (!r.ok) return this.store.update({ step: 'files', error: r.code === 'cancelled' ? null : r.message });
    this.store.update({ step: 'preview', preview: r.value });
  }

  /** Fits the project's model to the matched samples (k-fold held out by site) in a worker; Cancel stops it. */
  async fit(): Promise<void> {
    const { preview } = this.getSnapshot();
    if (!preview) return;
    this.store.update({ step: 'fitting', progress: 0, error: null, outcome: null, isApplied: false });
    const job: CalibrateJob = { project: currentProject(this.session), records: preview.records, atIso: this.now().toISOString() };
    const r = await this.tracker.run('calibration.taskFit', (signal, onProgress) =>
      this.runners.calibrate(job, {
        signal,
        onProgress: (f) => {
          onProgress(f);
          this.store.update({ progress: f });
        },
      }));
    if (this.getSnapshot().preview !== preview) return;
    if (!r.ok) return this.store.update({ step: 'preview', progress: null, error: r.code === 'cancelled' ? null : r.message });
    this.store.update({ step: 'result', progress: null, outcome: r.value });
  }

  /** Stops the fit or the reading under way. */
  cancel(): void {
    for (const task of this.tracker.getTasks()) if (task.labelKey === 'calibration.taskFit' || task.labelKey === 'calibration.taskRead') task.cancel();
  }

  /** Makes the fitted model the project's: one undo step; the coverage and KPIs recompute. */
  apply(): void {
    const { outcome } = this.getSnapshot();
    if (!outcome) return;
    this.session.store.dispatch(setPropagationModel, outcome.model);
  }

  setShowOnMap(showOnMap: boolean): void {
    this.store.update({ showOnMap });
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe();
  }

  private followModel(): void {
    const { outcome } = this.getSnapshot();
    const current = this.session.store.getState().propagationModel;
    // undo and redo hand back copies (immer patches): compare the records, a few hundred bytes
    this.store.update({ isApplied: outcome !== null && current !== undefined && (current === outcome.model || JSON.stringify(current) === JSON.stringify(outcome.model)) });
  }
}
