import type { GridLayer, Project, TerrainDetails } from '../../core/model';
import type { Result } from '../../core/result';
import type { RoadmapIndex } from '../../core/roadmap';
import { countyByCode, defaultCellSizeM } from '../../geodata/counties';
import { readRoadmapIndex } from '../../geodata/roadmap';
import { importRecords, type ImportedRecords } from '../actions/importActions';
import { setTerrain } from '../actions/terrainActions';
import type { Host, RecentFile, RecoverableProject } from '../host/Host';
import type { Translate } from '../i18n/translate';
import { SnapshotStore } from '../state/SnapshotStore';
import type { TaskTracker } from '../tasks/TaskTracker';
import type { DemJob } from '../workers/demWorkerApi';
import { Workspace } from '../workspace/Workspace';
import { CalibrateRunner, PreviewRunner } from '../workers/calibrationRunner';
import { CalibrationSession } from './CalibrationSession';
import type { PlanCompute } from './PlanCompute';
import { ProjectFile, type ProjectFileOptions } from './ProjectFile';
import { addTerrain, currentTerrain, openSession, type ProjectSession } from './ProjectSession';

/** An open project: its edits, the computation that keeps its coverage and scores current, its file and its workspace. */
export interface OpenProject {
  session: ProjectSession;
  compute: PlanCompute;
  file: ProjectFile;
  workspace: Workspace;
  /** drive-test import and calibration of the propagation model */
  calibration: CalibrationSession;
}

/** What the app shows around the open project (or the start screen without one). */
export interface AppSnapshot {
  project: OpenProject | null;
  /** why the last attempt to open something failed, on the start screen */
  openError: string | null;
  /** the last file message in the status bar (saved, save failed, imported, exported) */
  notice: string | null;
  recent: RecentFile[];
  recoverable: RecoverableProject[];
  /** the file dialog open over the workspace */
  dialog: 'import' | 'export' | null;
  /** the roadmap folder the province view shows (qcplan roadmap output), kept while a county of it is open */
  roadmap: LoadedRoadmap | null;
  /** why the last roadmap folder or county plan could not be opened */
  roadmapError: string | null;
}

/** A roadmap folder the host opened: its checked index and the host's token for its county projects. */
export interface LoadedRoadmap {
  handle: string;
  /** the folder's name */
  name: string;
  index: RoadmapIndex;
}

export interface AppSessionDeps {
  host: Host;
  tracker: TaskTracker;
  t: Translate;
  /** parses project bytes (in a web worker, which takes them) */
  readProject(bytes: Uint8Array, options: { signal: AbortSignal; onProgress: (fraction: number) => void }): Promise<Result<Project>>;
  /**
   * a new project for the county `code` on a `cellSizeM` grid with the shipped defaults (GPW-shaped census
   * population, coarse SRTM30_PLUS relief), made in a web worker
   */
  newCounty(code: string, cellSizeM: number, options: { signal: AbortSignal; onProgress: (fraction: number) => void }): Promise<Result<Project>>;
  /** DEM tiles mosaicked onto the project's grid (in a web worker, which takes the tiles' bytes) */
  loadDem(job: DemJob, options: { signal: AbortSignal; onProgress: (fraction: number) => void }): Promise<Result<GridLayer>>;
  /** the sample project's bytes */
  loadSample(): Promise<Uint8Array>;
  /** the computation of a project just opened (coverage workers, plan worker) */
  createCompute(session: ProjectSession): PlanCompute;
  /** the calibration flow of a project just opened (default: with its jobs in calibration workers) */
  createCalibration?(session: ProjectSession): CalibrationSession;
  /** how often to autosave unsaved edits, ms (default: the host's interval) */
  autosaveIntervalMs?: number;
}

/** How a project was opened: from a file (with the host's handle), a crash copy, or nothing. */
type OpenFrom = Omit<ProjectFileOptions, 'projectKey'>;

const SAMPLE_NAME = 'renhuai.gpkg';

/** A project's calibration with its reading and fitting in workers (one per run). */
function defaultCalibration(session: ProjectSession, host: Host, tracker: TaskTracker): CalibrationSession {
  const preview = new PreviewRunner();
  const calibrate = new CalibrateRunner();
  return new CalibrationSession(session, host, tracker, {
    preview: (job, options) => preview.run(job, options),
    calibrate: (job, options) => calibrate.run(job, options),
  });
}

let projectCount = 0;
/** A key for one open project's autosaves, unique in this run (letters, digits and -). */
function nextProjectKey(): string {
  projectCount += 1;
  return `p-${Date.now().toString(36)}-${projectCount}`;
}

/**
 * The app's file operations, in one place: open (the sample, a file, a recent file, a crash copy, a new county),
 * save and save as, close (asking first when edits would be lost), import (accepting the checked rows), autosave
 * and the answer to the window closing. Holds the open project and the messages around it; React reads them with
 * `useSyncExternalStore(session.subscribe, session.getSnapshot)`. One per page.
 * @example const app = new AppSession(deps); await app.openSample(); await app.save(false);
 */
export class AppSession {
  private readonly store = new SnapshotStore<AppSnapshot>({ project: null, openError: null, notice: null, recent: [], recoverable: [], dialog: null, roadmap: null, roadmapError: null });

  constructor(private readonly deps: AppSessionDeps) {
    // closing the window or tab autosaves unsaved edits of whatever project is open then
    deps.host.onQuitRequested(async () => this.project()?.file.quitAnswer() ?? { clean: true });
  }

  readonly getSnapshot = (): AppSnapshot => this.store.getSnapshot();
  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  private project(): OpenProject | null {
    return this.store.getSnapshot().project;
  }

  /** The start screen's recent files and crash copies (it asks each time it shows). */
  async refreshStart(): Promise<void> {
    const { host } = this.deps;
    const [r, c] = await Promise.all([host.listRecent(), host.listRecoverable()]);
    this.store.update({ recent: r.ok ? r.value : [], recoverable: c.ok ? c.value : [] });
    if (!r.ok) this.store.update({ openError: r.message });
    else if (!c.ok) this.store.update({ openError: c.message });
  }

  /**
   * A new project for a county from the reference data and the shipped defaults, on the county's default grid
   * (defaultCellSizeM: 25 m unless the county is too large for the app at 25 m), made in a worker with progress.
   */
  async planCounty(code: string): Promise<void> {
    const county = countyByCode(code);
    if (!county) return;
    const { t, tracker } = this.deps;
    const { cellSizeM } = defaultCellSizeM(county);
    const result = await tracker.run('countyLayers.making', (signal, onProgress) => this.deps.newCounty(code, cellSizeM, { signal, onProgress }));
    if (!result.ok && result.code === 'cancelled') return;
    if (!result.ok) return this.store.update({ openError: t('start.openFailed', { name: county.name, reason: result.message }) });
    this.open(openSession(result.value, county));
  }

  async openSample(): Promise<void> {
    try {
      await this.openBytes(SAMPLE_NAME, await this.deps.loadSample());
    } catch (err) {
      this.store.update({ openError: this.deps.t('start.openFailed', { name: SAMPLE_NAME, reason: String(err) }) });
    }
  }

  /** Asks the host for a project file and opens it. */
  async openFile(): Promise<void> {
    const picked = await this.deps.host.openFile({ purpose: 'open-project' });
    if (!picked.ok) return this.store.update({ openError: picked.message });
    if (picked.value) await this.openBytes(picked.value.name, picked.value.bytes, { handle: picked.value.handle });
  }

  async openRecent(handle: string): Promise<void> {
    const picked = await this.deps.host.openRecent(handle);
    if (!picked.ok) {
      this.store.update({ openError: picked.message });
      return this.refreshStart();
    }
    await this.openBytes(picked.value.name, picked.value.bytes, { handle: picked.value.handle });
  }

  /** Opens a crash copy: it counts as unsaved until saved, and its recovery goes once it is. */
  async recover(id: string): Promise<void> {
    const copy = await this.deps.host.recover(id);
    if (!copy.ok) return this.store.update({ openError: copy.message });
    const item = this.store.getSnapshot().recoverable.find((r) => r.id === id);
    const name = item?.projectName ?? (copy.value.handle ? copy.value.name : null);
    await this.openBytes(copy.value.name, copy.value.bytes, { handle: copy.value.handle, name, isRecovered: true, recoveryId: id });
  }

  /** Asks the host for a roadmap folder and shows it in the province view (or says why it cannot). */
  async openRoadmapFolder(): Promise<void> {
    const { host, t } = this.deps;
    const picked = await host.openRoadmapFolder();
    if (!picked.ok) return this.store.update({ roadmapError: t('provinceView.badFolder', { reason: picked.message }) });
    if (!picked.value) return;
    const index = readRoadmapIndex(picked.value.index, 'roadmap.json');
    if (!index.ok) return this.store.update({ roadmapError: t('provinceView.badFolder', { reason: index.message }) });
    this.store.update({ roadmap: { handle: picked.value.handle, name: picked.value.name, index: index.value }, roadmapError: null });
  }

  closeRoadmap(): void {
    this.store.update({ roadmap: null, roadmapError: null });
  }

  /** Opens the proposed plan of one county of the roadmap (counties/<code>.gpkg: its proposals as proposed sites). */
  async openRoadmapCounty(code: string): Promise<void> {
    const roadmap = this.store.getSnapshot().roadmap;
    const entry = roadmap?.index.counties.find((c) => c.code === code);
    if (!roadmap || !entry) return;
    const { host, t } = this.deps;
    const file = await host.openRoadmapCounty({ handle: roadmap.handle, code });
    if (!file.ok) return this.store.update({ roadmapError: t('provinceView.openFailed', { name: entry.name, reason: file.message }) });
    this.store.update({ roadmapError: null });
    await this.openBytes(file.value.name, file.value.bytes);
  }

  async discardRecovery(id: string): Promise<void> {
    const res = await this.deps.host.discardRecovery(id);
    if (!res.ok) this.store.update({ openError: res.message });
    await this.refreshStart();
  }

  /**
   * Saves the open project: in place when it has a file (desktop), else where the planner picks (browser: a
   * download); `asNew` always asks. The Save button, Ctrl+S and Save as all come here; the status bar says how it went.
   */
  async save(asNew: boolean): Promise<void> {
    const p = this.project();
    if (!p) return;
    const res = await p.file.save(asNew);
    if (!res.ok) this.store.update({ notice: this.deps.t('file.saveFailed', { reason: res.message }) });
    else if (res.value) this.store.update({ notice: this.deps.t('file.saved', { name: res.value.name }) });
  }

  /** Closes the open project; unsaved edits go only after the planner confirms. */
  async close(): Promise<void> {
    const p = this.project();
    if (!p) return;
    if (p.file.isDirty()) {
      const { t } = this.deps;
      const isSure = await this.deps.host.confirm({
        title: t('file.closeTitle'),
        message: t('file.closeMessage', { name: p.file.suggestedName() }),
        okLabel: t('file.closeAnyway'),
        cancelLabel: t('file.keepEditing'),
      });
      if (!isSure) return;
    }
    p.compute.dispose();
    p.workspace.dispose();
    p.calibration.dispose();
    await p.file.close();
    this.store.update({ project: null, dialog: null, notice: null });
  }

  openDialog(dialog: 'import' | 'export'): void {
    if (this.project()) this.store.update({ dialog });
  }

  /** Closes the file dialog; `notice` (e.g. where an export went) goes to the status bar. */
  closeDialog(notice?: string): void {
    this.store.update(notice === undefined ? { dialog: null } : { dialog: null, notice });
  }

  /** The planner accepted an import's good rows: one undoable edit, and the dialog closes. */
  acceptImport(imported: ImportedRecords, fileName: string): void {
    this.project()?.session.store.dispatch(importRecords, imported);
    this.closeDialog(this.deps.t('importer.done', { count: imported.records.length, file: fileName }));
  }

  /**
   * 加载高程数据: several .hgt / GeoTIFF / .zip files picked at once, mosaicked onto the project's grid in a worker
   * (progress and Cancel on the task bar), voids filled from the current terrain. The new terrain is one undoable
   * edit (setTerrain; the raster is kept in the session, the store holds its id), the coverage recomputes over it;
   * the status bar says how many tiles were used, the voids filled and the tiles left out by name.
   */
  async loadDem(): Promise<void> {
    const p = this.project();
    if (!p) return;
    const { t, tracker, host } = this.deps;
    const picked = await host.openFile({ purpose: 'load-dem' });
    if (!picked.ok) return this.store.update({ notice: t('countyLayers.demFailed', { reason: picked.message }) });
    if (!picked.value) return;
    const files = [picked.value, ...(picked.value.more ?? [])].map(({ name, bytes }) => ({ name, bytes }));
    const { base } = p.session;
    const terrain = currentTerrain(p.session);
    const fallback = terrain && { values: terrain.values, label: terrain.source };
    const result = await tracker.run('countyLayers.loadingDem', (signal, onProgress) =>
      this.deps.loadDem({ files, grid: base.grid, boundary: base.boundary, ...(fallback && { fallback }) }, { signal, onProgress }));
    if (!result.ok && result.code === 'cancelled') return this.store.update({ notice: t('countyLayers.demCancelled') });
    if (!result.ok) return this.store.update({ notice: t('countyLayers.demFailed', { reason: result.message }) });
    if (this.project() !== p) return;
    p.session.store.dispatch(setTerrain, addTerrain(p.session, result.value));
    const d = result.value.details?.kind === 'terrain' ? (result.value.details as TerrainDetails) : undefined;
    const parts = [t('countyLayers.demLoaded', { count: d?.tiles?.length ?? files.length })];
    if (d?.voids && d.voids.areaKm2InCounty > 0) parts.push(t('countyLayers.demVoids', { km2: d.voids.areaKm2InCounty.toFixed(2), percent: (d.voids.shareOfCounty * 100).toFixed(2) }));
    if (d?.ignoredTiles?.length) parts.push(t('countyLayers.demIgnored', { names: d.ignoredTiles.map((i) => i.name).join(t('countyLayers.listSeparator')) }));
    this.store.update({ notice: parts.join(t('countyLayers.sentenceSeparator')) });
  }

  /** Opens project bytes (read in a worker), or says on the start screen why not (nothing already open is touched). */
  private async openBytes(name: string, bytes: Uint8Array, from: OpenFrom = {}): Promise<void> {
    const { t, tracker } = this.deps;
    const result = await tracker.run('tasks.open', (signal, onProgress) => this.deps.readProject(bytes, { signal, onProgress }));
    // the planner cancelled on the task bar: nothing to explain
    if (!result.ok && result.code === 'cancelled') return;
    if (!result.ok) return this.store.update({ openError: t('start.openFailed', { name, reason: result.message }) });
    const county = countyByCode(result.value.countyCode);
    if (!county) return this.store.update({ openError: t('start.openFailed', { name, reason: t('start.unknownCounty', { code: result.value.countyCode }) }) });
    this.open(openSession(result.value, county, name), { name, ...from });
  }

  /** Makes `session` the open project: its compute starts, its file autosaves while dirty. */
  private open(session: ProjectSession, from: OpenFrom = {}): void {
    const { host, t } = this.deps;
    const compute = this.deps.createCompute(session);
    const file = new ProjectFile(host, session, { ...from, projectKey: nextProjectKey() });
    file.startAutosave((reason) => this.store.update({ notice: t('file.autosaveFailed', { reason }) }), this.deps.autosaveIntervalMs);
    const old = this.project();
    if (old) {
      // replaced without the close dialog: its unsaved edits stay recoverable
      old.compute.dispose();
      old.workspace.dispose();
      old.calibration.dispose();
      old.file.stop();
    }
    const workspace = new Workspace(session, compute, host, t);
    const calibration = this.deps.createCalibration?.(session) ?? defaultCalibration(session, host, this.deps.tracker);
    this.store.update({ project: { session, compute, file, workspace, calibration }, openError: null, notice: null, dialog: null });
    void compute.recompute();
  }
}
