import * as Comlink from 'comlink';
import { coverageContextFromProject, type CellWindow } from '../../core/coverage';
import { createPlanWorker, type EditThreads, type PlanReport, type PlanWorkerApi, type PlanWorkerResult, type SiteGain } from '../../core/evaluation';
import type { FibreResult } from '../../core/ftth';
import type { Olt, Place, ProjectSettings, Site } from '../../core/model';
import type { PropagationModel } from '../../core/propagation';
import type { TaskTracker } from '../tasks/TaskTracker';
import type { CoveragePool } from '../workers/pool';
import { currentProject, type ProjectSession } from './ProjectSession';
import { SuggestSession } from './SuggestSession';

/** Places or settings changed (an import, the settings screen, their undo): wait this long for more before the full recompute they need. */
const PLACES_RECOMPUTE_DELAY_MS = 300;
/** While a drag is held, the pointer counts as resting (and the dashboard catches up) after this long, ms. */
const GESTURE_REST_MS = 150;

/** Full-grid rasters the map draws, patched window by window as edits come back. */
export interface DisplayRasterSet {
  rsrpDbm: Float32Array;
  sinrDb: Float32Array;
  dlThroughputMbps: Float32Array;
  /** best server per cell: an index into `cellIds`, -1 where none */
  bestServer: Int32Array;
  /** the cells (sectors) behind `bestServer`, as `${siteId}/${sectorId}`; replaced when it grows (indices stay valid) */
  cellIds: string[];
  /**
   * busy-hour load of the sector serving each cell (demand / capacity at the target load, modelled; may exceed 1),
   * NaN where none serves; fetched from the plan worker once the edits rest, so it lags a drag
   */
  loadShare: Float32Array;
  /** per sector (indexed like `cellIds`), its busy-hour load as last fetched */
  sectorLoad: Float32Array;
}

export interface ComputeSnapshot {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** scores with the traffic model's capacity figures (modelled) */
  report: PlanReport | null;
  /** bumps whenever the rasters change; `changed` is the window that did */
  rasterVersion: number;
  changed: CellWindow | null;
  /** bumps whenever the load map (rasters.loadShare) changes; `loadChanged` is the window that did */
  loadVersion: number;
  loadChanged: CellWindow | null;
  error: string | null;
  /** time from sending the last edit to having its result, ms */
  lastEditMs: number | null;
  /** of that, the time the plan worker spent on it (coverage on its threads and score sums), ms */
  lastWorkerMs: number | null;
  /** how the plan worker computes edits (two threads where the page is cross-origin isolated); null until opened */
  threads: EditThreads | null;
  /** the fibre analysis of the opened project; null without OLTs or households (fibreMessage says why) */
  fibre: FibreResult | null;
  fibreMessage: string | null;
  /** why there is no fibre analysis, as a code the fibre tab words ('no-olts', 'no-households', 'bad-settings') */
  fibreCode: string | null;
  /** households without gigabit fibre per grid cell (NaN = none), for the map */
  uncoveredHouseholds: Float32Array | null;
}

/** What the panels read of a ComputeSnapshot: everything but the per-update raster fields. */
export type PanelSnapshot = Omit<ComputeSnapshot, 'rasterVersion' | 'changed' | 'loadVersion' | 'loadChanged' | 'lastEditMs' | 'lastWorkerMs'>;
/** every PanelSnapshot field (the `satisfies` makes a new field a type error until it is listed here) */
const PANEL_FIELDS = Object.keys({
  status: 0, report: 0, error: 0, fibre: 0, fibreMessage: 0, fibreCode: 0, uncoveredHouseholds: 0, threads: 0,
} satisfies Record<keyof PanelSnapshot, 0>) as (keyof PanelSnapshot)[];

/**
 * Keeps a session's coverage and scores current: a full recompute when opened (footprints in the coverage
 * worker pool, with progress and cancel on the task bar), then every edit of the sites goes to the plan
 * worker, at most one request in flight; edits made meanwhile are merged and sent as soon as it answers,
 * so a drag never queues up stale work and the last position always wins.
 */
/**
 * The most sites whose gains are computed at once (a county's build list holds tens): at a few to tens of ms each
 * in the plan worker, more would hold up the edits behind them for seconds.
 */
export const SITE_GAINS_MAX_SITES = 200;

export class PlanCompute {
  readonly rasters: DisplayRasterSet;
  /** site suggestion for this project; lives as long as the compute so its worker is never made in a render */
  readonly suggest: SuggestSession;
  private snapshot: ComputeSnapshot = {
    status: 'computing', report: null, rasterVersion: 0, changed: null, loadVersion: 0, loadChanged: null, error: null, lastEditMs: null, lastWorkerMs: null, fibre: null, fibreMessage: null, fibreCode: null,
    uncoveredHouseholds: null, threads: null,
  };
  private panelSnapshot: PanelSnapshot = this.snapshot;
  private readonly listeners = new Set<() => void>();
  private readonly worker: PlanWorkerApi | Comlink.Remote<PlanWorkerApi>;
  private readonly terminate: () => void;
  private sent = new Map<string, Site>();
  /** the dragged site at the pointer, ahead of the store (which follows at most every 40 ms) */
  private preview: { siteId: string; lonDeg: number; latDeg: number; base: Site | null; site: Site | null } | null = null;
  /** coverage moved since the last report: ask for one when no edit is waiting */
  private isReportStale = false;
  /** the sites or places moved since the load map was last fetched: fetch it once nothing else waits */
  private isLoadStale = false;
  private sentOlts: readonly Olt[] | null = null;
  private sentPlaces: readonly Place[] | null = null;
  private sentSettings: ProjectSettings | null = null;
  /** the model the open coverage was computed with (undefined: the default); null before the first open */
  private sentModel: PropagationModel | undefined | null = null;
  private sentTerrainId: string | undefined | null = null;
  private recomputeTimer: ReturnType<typeof setTimeout> | undefined;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEditSentMs = -Infinity;
  private isOpen = false;
  private inFlight = false;
  /** callers of whenSettled, waiting until every edit made so far has reached the worker */
  private settledWaiters: (() => void)[] = [];
  private disposed = false;
  private readonly unsubscribe: () => void;
  private loggedThreads: EditThreads | null = null;

  private readonly log: Pick<Console, 'info' | 'warn'>;

  /**
   * `inline`: the plan worker's code runs on this thread (tests), or `planWorker` is used as it is; `log` hears how
   * edits are computed (default: the console).
   */
  constructor(
    private readonly session: ProjectSession,
    private readonly pool: CoveragePool,
    private readonly tracker: TaskTracker,
    options: { inline?: boolean; planWorker?: PlanWorkerApi; log?: Pick<Console, 'info' | 'warn'> } = {},
  ) {
    const n = session.base.grid.cols * session.base.grid.rows;
    this.rasters = {
      rsrpDbm: new Float32Array(n).fill(NaN), sinrDb: new Float32Array(n).fill(NaN), dlThroughputMbps: new Float32Array(n).fill(NaN),
      bestServer: new Int32Array(n).fill(-1), cellIds: [], loadShare: new Float32Array(n).fill(NaN), sectorLoad: new Float32Array(0),
    };
    this.log = options.log ?? console;
    if (options.planWorker || options.inline) {
      this.worker = options.planWorker ?? createPlanWorker();
      this.terminate = () => undefined;
    } else {
      const w = new Worker(new URL('../workers/plan.worker.ts', import.meta.url), { type: 'module' });
      this.worker = Comlink.wrap<PlanWorkerApi>(w);
      this.terminate = () => w.terminate();
    }
    this.unsubscribe = session.store.subscribe(() => this.pump());
    this.suggest = new SuggestSession(session, tracker);
  }

  readonly getSnapshot = (): ComputeSnapshot => this.snapshot;

  /**
   * The snapshot as the panels see it: a new object only when the status, the report, the fibre analysis or
   * the error changed, not for every coverage update, so a drag does not re-render the lists and dashboard.
   */
  readonly getPanelSnapshot = (): PanelSnapshot => this.panelSnapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Full recompute of the session as it stands; resolves when coverage and scores are ready (or failed). */
  async recompute(): Promise<void> {
    this.isOpen = false;
    this.set({ status: 'computing', error: null });
    const project = currentProject(this.session);
    const { terrainId } = this.session.store.getState();
    const ctx = coverageContextFromProject(project);
    try {
      const footprints = await this.tracker.run('tasks.coverage', async (signal, onProgress) => {
        // in shared memory where the page can share it: the plan worker's two threads then use them without a copy
        const shared = globalThis.crossOriginIsolated === true;
        const r = await this.pool.predictFootprints(ctx, project.sites, { shared, cancel: signal, onProgress });
        if (!r.ok) throw Object.assign(new Error(r.message), { code: r.code });
        return r.value;
      });
      if (this.disposed) return;
      const result = await this.worker.open(project, footprints, { seatLonLat: this.session.county.seatLonLat });
      this.sent = new Map(project.sites.map((s) => [s.id, s]));
      this.sentOlts = this.session.store.getState().olts;
      this.sentPlaces = this.session.store.getState().places;
      this.sentSettings = project.settings;
      this.sentModel = project.propagationModel;
      this.sentTerrainId = terrainId;
      this.isOpen = true;
      this.snapshot = { ...this.snapshot, fibre: result.fibre, fibreMessage: result.fibreMessage, fibreCode: result.fibreCode, uncoveredHouseholds: result.uncoveredHouseholds, threads: result.threads };
      this.logThreads(result.threads);
      this.isLoadStale = true;
      this.apply(result, null);
      this.pump();
    } catch (err) {
      const code = (err as { code?: string }).code;
      this.set({ status: code === 'cancelled' ? 'cancelled' : 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    clearTimeout(this.recomputeTimer);
    clearTimeout(this.restTimer);
    this.unsubscribe();
    this.terminate();
    this.suggest.dispose();
    this.listeners.clear();
  }

  /**
   * The dragged site's position under the pointer: its coverage is computed from this position as soon as the
   * plan worker is free, without waiting for the store, which a drag updates at most every 40 ms (each update
   * re-renders the workspace). Coverage then lags the pointer by the worker's answer, not by that interval too.
   */
  previewSite(siteId: string, lonLat: [number, number]): void {
    this.preview = { siteId, lonDeg: lonLat[0], latDeg: lonLat[1], base: null, site: null };
    this.pump();
  }

  /** The drag ended (the store has the final position): the coverage follows the store again. */
  endPreview(): void {
    this.preview = null;
    this.pump();
  }

  /** `site` as the coverage should see it: at the preview position while it is dragged, else itself. */
  private withPreview(site: Site): Site {
    const p = this.preview;
    if (!p || p.siteId !== site.id || (site.lonDeg === p.lonDeg && site.latDeg === p.latDeg)) return site;
    if (p.base !== site) {
      p.base = site;
      p.site = { ...site, lonDeg: p.lonDeg, latDeg: p.latDeg };
    }
    return p.site!;
  }

  /** Whether the worker already has `site`: the object sent, or the same site where a preview put it. */
  private isSent(site: Site): boolean {
    const sent = this.sent.get(site.id);
    if (sent === site) return true;
    if (!sent || sent.lonDeg !== site.lonDeg || sent.latDeg !== site.latDeg) return false;
    // the store caught up with a preview: same fields but the position, which is equal
    return (Object.keys(site) as (keyof Site)[]).every((k) => k === 'lonDeg' || k === 'latDeg' || site[k] === sent[k]) && Object.keys(sent).length === Object.keys(site).length;
  }

  /**
   * What each planned or proposed site adds on its own (people and km² covered outdoors, modelled: the plan
   * worker's PlanEvaluator.siteGains), for the sites as they stand once every edit made so far has been applied.
   * Empty for more than SITE_GAINS_MAX_SITES sites: each costs the worker a removal and an addition, and edits wait
   * behind it. Rejects when the compute is disposed or fails.
   */
  async siteGains(siteIds: string[]): Promise<Record<string, SiteGain>> {
    if (siteIds.length > SITE_GAINS_MAX_SITES) return {};
    await new Promise<void>((resolve) => {
      this.settledWaiters.push(resolve);
      this.pump();
    });
    if (this.disposed) throw new Error('the project was closed');
    return this.worker.siteGains(siteIds);
  }

  /** Sends the sites' (or OLTs') changes since the last request, unless one is in flight (it will call again). */
  private pump(): void {
    if (!this.isOpen || this.inFlight || this.disposed) return;
    const { sites, olts, places, settings, propagationModel, terrainId } = this.session.store.getState();
    if (places !== this.sentPlaces || settings !== this.sentSettings || propagationModel !== this.sentModel || terrainId !== this.sentTerrainId) {
      // places are rasterised once for scoring, the settings hold its targets, the radio model and the fibre
      // costs, and every footprint depends on the propagation model (a calibration applied, a reset, their
      // undo) and on the terrain (a DEM loaded, its undo): a change of any needs a full recompute (which also
      // takes the OLTs)
      this.sentPlaces = places;
      this.sentSettings = settings;
      this.sentModel = propagationModel;
      this.sentTerrainId = terrainId;
      clearTimeout(this.recomputeTimer);
      this.recomputeTimer = setTimeout(() => void this.recompute(), PLACES_RECOMPUTE_DELAY_MS);
      return;
    }
    if (olts !== this.sentOlts) return this.sendOlts(olts);
    const upserts: Site[] = [];
    const seen = new Set<string>();
    const current = new Map<string, Site>();
    for (const stored of sites) {
      const site = this.withPreview(stored);
      seen.add(site.id);
      if (this.isSent(site)) current.set(site.id, this.sent.get(site.id)!);
      else {
        upserts.push(site);
        current.set(site.id, site);
      }
    }
    const removals = [...this.sent.keys()].filter((id) => !seen.has(id));
    if (upserts.length === 0 && removals.length === 0) {
      this.sent = current;
      for (const resolve of this.settledWaiters.splice(0)) resolve();
      if (this.isReportStale) this.requestReportWhenRested();
      else if (this.isLoadStale && !this.session.store.isInGesture()) this.sendLoadRequest();
      return;
    }
    this.sent = current;
    this.inFlight = true;
    const startedMs = performance.now();
    this.lastEditSentMs = startedMs;
    Promise.resolve(this.worker.applyEdits({ upserts, removals })).then(
      (result) => {
        const editMs = performance.now() - startedMs;
        // edits made meanwhile go out before this answer is drawn, so the worker computes while the map repaints
        this.inFlight = false;
        this.pump();
        this.apply(result, editMs);
        this.pump();
      },
      (err) => {
        this.inFlight = false;
        this.set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
        this.pump();
      },
    );
  }

  /**
   * The report (dashboard, place and gap lists) once the edits rest. While a drag is held, only after the
   * pointer has paused GESTURE_REST_MS: a report takes the worker a few tens of ms, and one started between two
   * moves would hold up the coverage of the next (and of the drop).
   */
  private requestReportWhenRested(): void {
    clearTimeout(this.restTimer);
    const waitMs = this.lastEditSentMs + GESTURE_REST_MS - performance.now();
    if (this.session.store.isInGesture() && waitMs > 0) {
      this.restTimer = setTimeout(() => this.pump(), waitMs);
      return;
    }
    this.sendReportRequest();
  }

  /** The edits have come to rest: the dashboard, place and gap lists catch up with the coverage. */
  private sendReportRequest(): void {
    this.isReportStale = false;
    this.inFlight = true;
    Promise.resolve(this.worker.report())
      .then((report) => {
        this.isLoadStale = true;
        this.set({ report });
      })
      .catch((err) => this.set({ status: 'error', error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  /** The load map catches up with the edits (after the report): only the window that changed is patched. */
  private sendLoadRequest(): void {
    this.isLoadStale = false;
    this.inFlight = true;
    Promise.resolve(this.worker.loadRaster())
      .then((u) => {
        if (this.disposed) return;
        const cols = this.session.base.grid.cols;
        const w = u.window;
        for (let r = 0; r < w.rows; r++) this.rasters.loadShare.set(u.load.subarray(r * w.cols, (r + 1) * w.cols), (w.row0 + r) * cols + w.col0);
        this.rasters.sectorLoad = u.sectorLoad;
        if (w.cols > 0 && w.rows > 0) this.set({ loadVersion: this.snapshot.loadVersion + 1, loadChanged: w });
      })
      .catch((err) => this.log.warn(`load map: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  /** The OLTs changed (import, edit): the fibre analysis runs again and the report follows. */
  private sendOlts(olts: readonly Olt[]): void {
    this.sentOlts = olts;
    this.inFlight = true;
    Promise.resolve(this.worker.setOlts([...olts]))
      .then((r) => this.set({ report: r.report, fibre: r.fibre, fibreMessage: r.fibreMessage, fibreCode: r.fibreCode, uncoveredHouseholds: r.uncoveredHouseholds }))
      .catch((err) => this.set({ status: 'error', error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  /** Says in the log how edits are computed, when that changes (the status bar shows it too). */
  private logThreads(threads: EditThreads): void {
    const before = this.loggedThreads;
    this.loggedThreads = threads;
    if (before && before.count === threads.count && before.reason === threads.reason) return;
    if (threads.count === 2) this.log.info('Plan worker: edits on two threads (SplitCoverageEngine over shared memory)');
    else this.log.warn(`Plan worker: edits on one thread (${threads.reason}${threads.detail ? `: ${threads.detail}` : ''})`);
  }

  private apply(result: PlanWorkerResult, lastEditMs: number | null): void {
    if (this.disposed) return;
    const { window: w } = result.rasters;
    const cols = this.session.base.grid.cols;
    for (const key of ['rsrpDbm', 'sinrDb', 'dlThroughputMbps', 'bestServer'] as const) {
      const src = result.rasters[key];
      const dst = this.rasters[key];
      for (let r = 0; r < w.rows; r++) dst.set(src.subarray(r * w.cols, (r + 1) * w.cols), (w.row0 + r) * cols + w.col0);
    }
    if (result.cellIds) this.rasters.cellIds = result.cellIds;
    if (!result.report) this.isReportStale = true;
    this.set({
      status: 'ready', report: result.report ?? this.snapshot.report, rasterVersion: this.snapshot.rasterVersion + 1, changed: w, lastEditMs,
      lastWorkerMs: lastEditMs === null ? null : result.workerMs,
    });
  }

  private set(changes: Partial<ComputeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    if (PANEL_FIELDS.some((k) => this.snapshot[k] !== this.panelSnapshot[k])) this.panelSnapshot = this.snapshot;
    for (const l of this.listeners) l();
  }
}
