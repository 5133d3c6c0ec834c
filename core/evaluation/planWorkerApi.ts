import {
  CoverageEngine,
  coverageContextFromProject,
  SplitCoverageEngine,
  type CellWindow,
  type CoverageContext,
  type CoverageShardApi,
  type SiteFootprint,
} from '../coverage';
import { analyseFibre, uncoveredHouseholdsPerCell, type FibreResult } from '../ftth';
import type { Olt } from '../model/project';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import type { ScoreReport } from '../scoring';
import { fibreKpiInput } from './fibreKpiInput';
import type { LoadRasterUpdate } from './planCapacity';
import { PlanEvaluator, type EditableCoverage, type PlanReport, type SiteGain } from './planEvaluator';

/** The rasters the map draws, over a window of the grid (row-major within the window). */
export interface DisplayRasters {
  window: CellWindow;
  rsrpDbm: Float32Array;
  sinrDb: Float32Array;
  dlThroughputMbps: Float32Array;
  /** best server per cell of the window: an index into the cell ids the worker has sent, -1 where none */
  bestServer: Int32Array;
}

export interface PlanWorkerResult {
  /** increases with every call that changed something */
  version: number;
  /** null when the edit deferred it (ask `report()`) */
  report: PlanReport | null;
  /** the changed part of the display rasters (the whole grid after `open`); empty window when nothing moved */
  rasters: DisplayRasters;
  /** every cell (sector) id behind `bestServer`, as `${siteId}/${sectorId}`, when the list grew; else null */
  cellIds: string[] | null;
  /** time the worker spent on this call (coverage on its threads, score sums, the window's copy), ms; null without a clock */
  workerMs: number | null;
}

/** Why edits run on one thread: the page is not cross-origin isolated (no SharedArrayBuffer), one core, or the shard failed. */
export type OneThreadReason = 'not-isolated' | 'one-core' | 'shard-failed';

/** How the plan worker computes edits: on two threads (a SplitCoverageEngine with a shard worker) or one. */
export interface EditThreads {
  count: 1 | 2;
  /** why one thread, when it is */
  reason: OneThreadReason | null;
  /** the error behind 'shard-failed' */
  detail?: string;
}

/** The plan worker's second thread: a coverage shard in another worker (over comlink), or why there is none. */
export type SecondThread = { shard: CoverageShardApi } | { reason: OneThreadReason; detail?: string };

export interface PlanWorkerOptions {
  /** the second thread for edits, asked for once (at the first open); without it, edits run on one thread */
  secondThread?(): SecondThread | Promise<SecondThread>;
  /** a clock in ms (performance.now) for `workerMs` */
  now?(): number;
}

/** The fibre analysis (null when the project has no OLTs or no households, with why). */
export interface FibreOutcome {
  fibre: FibreResult | null;
  /** why there is no analysis, in English (logs, the CLI), and as a code the UI words: 'no-olts', 'no-households', 'bad-settings' */
  fibreMessage: string | null;
  fibreCode: string | null;
  /** households without gigabit fibre per grid cell (NaN = none); null without a fibre result */
  uncoveredHouseholds: Float32Array | null;
}

export type PlanWorkerOpenResult = PlanWorkerResult & FibreOutcome & { threads: EditThreads };

/**
 * What the app's plan worker does: hold one project's evaluation and answer edits with the changed window. Calls
 * are answered one at a time, in order (an edit on two threads waits for the other thread).
 */
export interface PlanWorkerApi {
  /** Opens `project` with its sites' footprints (site order; shared ones let two threads use them without a copy). */
  open(project: Project, footprints: SiteFootprint[], options?: { seatLonLat?: [number, number] }): Promise<PlanWorkerOpenResult>;
  /** Coverage and score sums after the edits; the report is deferred (ask `report()` when the edits rest). */
  applyEdits(edits: { upserts: Site[]; removals: string[] }): Promise<PlanWorkerResult>;
  /** The report for the sites as they stand (scores, and `capacity`: the traffic model's figures). */
  report(): Promise<PlanReport>;
  /**
   * The busy-hour load map (per cell, its serving sector's load; NaN where none serves) over the cells whose
   * load may have changed since the last call (the whole grid at the first; an empty window when nothing did),
   * and every sector's load indexed like `cellIds`. Ask when the edits rest: a sector's load moves wherever it
   * serves, beyond the edit's own window. Transfer `load` and `sectorLoad` (loadRasterBuffers).
   */
  loadRaster(): Promise<LoadRasterUpdate>;
  /** Re-runs the fibre analysis with these OLTs (imported, placed or edited) and reports again. */
  setOlts(olts: Olt[]): Promise<{ report: PlanReport } & FibreOutcome>;
  /** What each site adds on its own, people and km² covered outdoors and people lost to its interference (PlanEvaluator.siteGains; modelled). */
  siteGains(siteIds: string[]): Promise<Record<string, SiteGain>>;
  close(): Promise<void>;
}

/** Rounds of the warm-up after opening (PlanEvaluator.warmUp: a temporary site added, moved and removed). */
const WARM_UP_ROUNDS = 3;

function sliceWindow<T extends Float32Array | Int32Array>(values: T, cols: number, w: CellWindow, out: T): T {
  for (let r = 0; r < w.rows; r++) {
    const from = (w.row0 + r) * cols + w.col0;
    out.set(values.subarray(from, from + w.cols), r * w.cols);
  }
  return out;
}

/**
 * The worker-side state behind PlanWorkerApi, kept here (pure) so tests run it inline: a PlanEvaluator per
 * open project; each answer carries the report and copies of the display rasters over the changed window
 * (the caller transfers their buffers). With `secondThread` (and shared memory), edits run on two threads
 * (SplitCoverageEngine, bit-identical to one); otherwise, or if the shard fails, on this one, and the open
 * result says which and why.
 * @example const w = createPlanWorker(); await w.open(project, footprints); await w.applyEdits({ upserts: [site], removals: [] })
 */
export function createPlanWorker(options: PlanWorkerOptions = {}): PlanWorkerApi {
  let evaluator: PlanEvaluator | null = null;
  let project: Project | null = null;
  let seatLonLat: [number, number] | undefined;
  let version = 0;
  // the engine's cell ids only grow (indices stay valid), so only a longer list needs sending
  let sentCellIds = 0;
  let second: Promise<SecondThread> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** edits asked for so far (applyEdits calls) */
  let editCount = 0;
  /** one call at a time: an edit awaiting the other thread must not interleave with the next */
  const serially = <T>(run: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  /**
   * Round `round` of the warm-up after opening (PlanEvaluator.warmUp), each round queued when the one before
   * ends: an edit asked for meanwhile goes first and ends the warm-up (it compiles the path too), so it waits for
   * one round at most; other calls (the report and load map after opening) go between two rounds. A failure
   * leaves the coverage as it was (warmUp removes its site) and shows at the next edit.
   */
  const warmUp = (opened: PlanEvaluator, round: number, editsAtOpen: number): void => {
    void serially(async () => {
      if (evaluator !== opened || editCount !== editsAtOpen || round >= WARM_UP_ROUNDS) return;
      await opened.warmUp(round);
      warmUp(opened, round + 1, editsAtOpen);
    }).catch(() => undefined);
  };
  const runFibre = (): FibreOutcome => {
    if (project!.olts.length === 0) {
      return { fibre: null, fibreMessage: 'the project has no OLTs: import or place them to analyse fibre', fibreCode: 'no-olts', uncoveredHouseholds: null };
    }
    const r = analyseFibre(project!, { seatLonLat });
    return {
      fibre: r.ok ? r.value : null,
      fibreMessage: r.ok ? null : r.message,
      fibreCode: r.ok ? null : r.code,
      uncoveredHouseholds: r.ok ? uncoveredHouseholdsPerCell(project!.grid, r.value.households, r.value.reach) : null,
    };
  };
  const result = (window: CellWindow, startedMs: number | null, withReport = true): PlanWorkerResult => {
    const { raster } = evaluator!.engine;
    const cols = raster.grid.cols;
    const n = window.cols * window.rows;
    const hasNewCellIds = raster.cellIds.length !== sentCellIds;
    sentCellIds = raster.cellIds.length;
    const out: PlanWorkerResult = {
      version: ++version,
      report: withReport ? evaluator!.report : null,
      rasters: {
        window,
        rsrpDbm: sliceWindow(raster.rsrpDbm, cols, window, new Float32Array(n)),
        sinrDb: sliceWindow(raster.sinrDb, cols, window, new Float32Array(n)),
        dlThroughputMbps: sliceWindow(raster.dlThroughputMbps, cols, window, new Float32Array(n)),
        bestServer: sliceWindow(raster.bestServer, cols, window, new Int32Array(n)),
      },
      cellIds: hasNewCellIds ? [...raster.cellIds] : null,
      workerMs: null,
    };
    if (startedMs !== null && options.now) out.workerMs = options.now() - startedMs;
    return out;
  };
  /** The coverage of `footprints` on two threads when a shard is there, else on this one (and why). */
  const composeEngine = async (ctx: CoverageContext, footprints: SiteFootprint[]): Promise<{ engine: EditableCoverage; threads: EditThreads }> => {
    const oneThread = (threads: EditThreads) => {
      const engine = new CoverageEngine(ctx);
      engine.setFootprints(footprints);
      return { engine, threads };
    };
    if (!options.secondThread) return oneThread({ count: 1, reason: 'not-isolated' });
    second ??= Promise.resolve(options.secondThread()).catch((err) => ({ reason: 'shard-failed' as const, detail: String(err) }));
    const thread = await second;
    if (!('shard' in thread)) return oneThread({ count: 1, reason: thread.reason, ...(thread.detail ? { detail: thread.detail } : {}) });
    try {
      const engine = await SplitCoverageEngine.create(ctx, thread.shard);
      await engine.setFootprints(footprints);
      return { engine, threads: { count: 2, reason: null } };
    } catch (err) {
      return oneThread({ count: 1, reason: 'shard-failed', detail: err instanceof Error ? err.message : String(err) });
    }
  };
  return {
    open: (opened, footprints, openOptions = {}) =>
      serially(async () => {
        project = opened;
        seatLonLat = openOptions.seatLonLat;
        const fibre = runFibre();
        const { engine, threads } = await composeEngine(coverageContextFromProject(opened), footprints);
        const opening = new PlanEvaluator(opened, { engine, fibre: fibre.fibre ? fibreKpiInput(fibre.fibre) : undefined });
        evaluator = opening;
        sentCellIds = -1;
        // The footprints were predicted elsewhere (the coverage pool), so nothing of the edit path is compiled in
        // these threads yet: the first edits took 4-8 times as long as later ones. After this answer, until the
        // first edit, PlanEvaluator.warmUp runs it (both thread counts: their coverage stays bit-identical).
        warmUp(opening, 0, editCount);
        return { ...result({ col0: 0, row0: 0, cols: opened.grid.cols, rows: opened.grid.rows }, null), ...fibre, threads };
      }),
    setOlts: (olts) =>
      serially(() => {
        if (!evaluator || !project) throw new Error('setOlts before open');
        project = { ...project, olts };
        const fibre = runFibre();
        return { report: evaluator.setFibre(fibre.fibre ? fibreKpiInput(fibre.fibre) : undefined), ...fibre };
      }),
    applyEdits: (edits) => {
      editCount++;
      return serially(async () => {
        if (!evaluator) throw new Error('applyEdits before open');
        const startedMs = options.now?.() ?? null;
        const { changed } = await evaluator.applyEdits(edits, { deferReport: true });
        return result(changed, startedMs, false);
      });
    },
    report: () =>
      serially(() => {
        if (!evaluator) throw new Error('report before open');
        return evaluator.report;
      }),
    loadRaster: () =>
      serially(() => {
        if (!evaluator) throw new Error('loadRaster before open');
        return evaluator.loadRaster();
      }),
    siteGains: (siteIds) =>
      serially(() => {
        if (!evaluator) throw new Error('siteGains before open');
        return evaluator.siteGains(siteIds);
      }),
    close: () =>
      serially(() => {
        evaluator = null;
        project = null;
      }),
  };
}

/** The ArrayBuffers of a result's rasters, to transfer rather than copy them. */
export function planResultBuffers(r: Partial<PlanWorkerResult & FibreOutcome>): ArrayBuffer[] {
  const arrays = [r.rasters?.rsrpDbm, r.rasters?.sinrDb, r.rasters?.dlThroughputMbps, r.rasters?.bestServer, r.uncoveredHouseholds ?? undefined];
  return arrays.filter((a): a is Float32Array | Int32Array => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}

/** The ArrayBuffers of a load-map update, to transfer rather than copy them. */
export function loadRasterBuffers(u: LoadRasterUpdate): ArrayBuffer[] {
  return [u.load.buffer as ArrayBuffer, u.sectorLoad.buffer as ArrayBuffer];
}
