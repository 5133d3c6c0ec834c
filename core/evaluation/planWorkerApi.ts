import { predictSiteFootprint, type CellWindow, type SiteFootprint } from '../coverage';
import { analyseFibre, uncoveredHouseholdsPerCell, type FibreResult } from '../ftth';
import type { Olt } from '../model/project';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import type { ScoreReport } from '../scoring';
import { fibreKpiInput } from './fibreKpiInput';
import { PlanEvaluator, type SiteGain } from './planEvaluator';

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
  report: ScoreReport | null;
  /** the changed part of the display rasters (the whole grid after `open`); empty window when nothing moved */
  rasters: DisplayRasters;
  /** every cell (sector) id behind `bestServer`, as `${siteId}/${sectorId}`, when the list grew; else null */
  cellIds: string[] | null;
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

export type PlanWorkerOpenResult = PlanWorkerResult & FibreOutcome;

/** What the app's plan worker does: hold one project's evaluation and answer edits with the changed window. */
export interface PlanWorkerApi {
  open(project: Project, footprints: SiteFootprint[], options?: { seatLonLat?: [number, number] }): PlanWorkerOpenResult;
  /** Coverage and score sums after the edits; the report is deferred (ask `report()` when the edits rest). */
  applyEdits(edits: { upserts: Site[]; removals: string[] }): PlanWorkerResult;
  /** The report for the sites as they stand. */
  report(): ScoreReport;
  /** Re-runs the fibre analysis with these OLTs (imported, placed or edited) and reports again. */
  setOlts(olts: Olt[]): { report: ScoreReport } & FibreOutcome;
  /** What each site adds on its own, people and km² covered outdoors and people lost to its interference (PlanEvaluator.siteGains; modelled). */
  siteGains(siteIds: string[]): Record<string, SiteGain>;
  close(): void;
}

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
 * (the caller transfers their buffers).
 * @example const w = createPlanWorker(); w.open(project, footprints); w.applyEdits({ upserts: [site], removals: [] })
 */
export function createPlanWorker(): PlanWorkerApi {
  let evaluator: PlanEvaluator | null = null;
  let project: Project | null = null;
  let seatLonLat: [number, number] | undefined;
  let version = 0;
  // the engine's cell ids only grow (indices stay valid), so only a longer list needs sending
  let sentCellIds = 0;
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
  const result = (window: CellWindow, withReport = true): PlanWorkerResult => {
    const { raster } = evaluator!.engine;
    const cols = raster.grid.cols;
    const n = window.cols * window.rows;
    const hasNewCellIds = raster.cellIds.length !== sentCellIds;
    sentCellIds = raster.cellIds.length;
    return {
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
    };
  };
  return {
    open(opened, footprints, options = {}) {
      project = opened;
      seatLonLat = options.seatLonLat;
      const fibre = runFibre();
      evaluator = new PlanEvaluator(opened, { footprints, fibre: fibre.fibre ? fibreKpiInput(fibre.fibre) : undefined });
      // The footprints were predicted elsewhere (the coverage pool): predicting one here, and discarding it,
      // compiles the prediction loops in this worker now, so the first edit answers as fast as later ones.
      const probe = opened.sites.find((s) => s.kind === 'macro') ?? opened.sites[0];
      if (probe) predictSiteFootprint(evaluator.engine.ctx, probe);
      sentCellIds = -1;
      return { ...result({ col0: 0, row0: 0, cols: opened.grid.cols, rows: opened.grid.rows }), ...fibre };
    },
    setOlts(olts) {
      if (!evaluator || !project) throw new Error('setOlts before open');
      project = { ...project, olts };
      const fibre = runFibre();
      return { report: evaluator.setFibre(fibre.fibre ? fibreKpiInput(fibre.fibre) : undefined), ...fibre };
    },
    applyEdits(edits) {
      if (!evaluator) throw new Error('applyEdits before open');
      return result(evaluator.applyEdits(edits, { deferReport: true }).changed, false);
    },
    report() {
      if (!evaluator) throw new Error('report before open');
      return evaluator.report;
    },
    siteGains(siteIds) {
      if (!evaluator) throw new Error('siteGains before open');
      return evaluator.siteGains(siteIds);
    },
    close() {
      evaluator = null;
      project = null;
    },
  };
}

/** The ArrayBuffers of a result's rasters, to transfer rather than copy them. */
export function planResultBuffers(r: Partial<PlanWorkerResult & FibreOutcome>): ArrayBuffer[] {
  const arrays = [r.rasters?.rsrpDbm, r.rasters?.sinrDb, r.rasters?.dlThroughputMbps, r.rasters?.bestServer, r.uncoveredHouseholds ?? undefined];
  return arrays.filter((a): a is Float32Array | Int32Array => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}
