import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { CoverageRaster, SkippedSite } from '../model/coverage';
import type { Site } from '../model/site';
import { BAND_PRESETS } from '../radio/bands';
import { attenuatedShannonBpsPerHz, attenuatedShannonMbps, NR_DL_SHANNON, thermalNoisePerReDbm } from '../radio/linkBudget';
import { O2I_MEAN_INDOOR_DISTANCE_M, o2iPenetrationLossDb } from '../radio/o2i';
import type { CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';
import { NO_RSRP_CENTI_DBM, predictSiteFootprint, type SiteFootprint, type TerrainMethod } from './predictSiteFootprint';
import { log2Positive } from './log2Positive';
import { unionWindows } from './unionWindows';
import { newBuffer } from './sharedMemory';

const EMPTY: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };
/** 10^(256·h/1000) and 10^(l/1000): mW of centi-dBm value v is MW_HIGH[(v + 32768) >> 8] · MW_LOW[(v + 32768) & 255] · 10^-32.768 (folded into MW_HIGH). */
const MW_HIGH = new Float64Array(256).map((_, h) => 10 ** ((h * 256 - 32768) / 1000));
const MW_LOW = new Float64Array(256).map((_, l) => 10 ** (l / 1000));

/**
 * mW of a centi-dBm value (not NO_RSRP_CENTI_DBM) from two 2 KB tables that stay in the first-level cache: a
 * 512 KB table of all 65,536 values missed it at most cells, and those misses were much of an edit's cost.
 * Relative error about 1e-16.
 */
function mwOfCenti(v: number): number {
  const u = v + 32768;
  return MW_HIGH[u >> 8] * MW_LOW[u & 255];
}

const DB_PER_LOG2 = 10 * Math.log10(2);

/**
 * The footprint re-built in one fixed object shape, sharing its arrays: footprints predicted in this thread and
 * ones cloned from workers have different hidden classes, and the engine's loops, compiled for one, were
 * deoptimised by the other at the first edits after a compose (V8 "wrong map").
 */
function uniformFootprint(fp: SiteFootprint): SiteFootprint {
  return {
    siteId: fp.siteId,
    col0: fp.col0,
    row0: fp.row0,
    cols: fp.cols,
    rows: fp.rows,
    spanCol0: fp.spanCol0,
    spanStart: fp.spanStart,
    sectors: fp.sectors.map((sector) => ({ cellId: sector.cellId, rsrpCentiDbm: sector.rsrpCentiDbm })),
    skipped: fp.skipped,
  };
}

/**
 * The engine's per-cell arrays: the sums, best and second-best values and re-search marks it keeps, and the
 * raster it derives. Two engines built over the same state in two threads (SharedArrayBuffers) share one network,
 * each updating the rows it is given (SplitCoverageEngine).
 */
export interface CoverageEngineState {
  /** total received power per cell, mW */
  sumMw: Float64Array;
  /** best server's RSRP per cell, centi-dBm; NO_RSRP_CENTI_DBM where none */
  bestCentiDbm: Int16Array;
  /**
   * per cell, an upper bound on the RSRP of every sector but the best server, centi-dBm (exact after a
   * compose or re-search, looser after removals): a new value above it is the best without a re-search
   */
  secondCentiDbm: Int16Array;
  /** 1 where a cell lost its best server and waits for a re-search */
  rescan: Uint8Array;
  rsrpDbm: Float32Array;
  indoorRsrpDbm: Float32Array;
  sinrDb: Float32Array;
  dlThroughputMbps: Float32Array;
  indoorSinrDb: Float32Array;
  indoorDlThroughputMbps: Float32Array;
  bestServer: Int32Array;
}

/**
 * The per-cell arrays of an empty network of `cells` cells; with `shared`, in SharedArrayBuffers (where the host
 * has them) for engines in several threads.
 * @example const state = createCoverageEngineState(grid.cols * grid.rows, { shared: true })
 */
export function createCoverageEngineState(cells: number, options: { shared?: boolean } = {}): CoverageEngineState {
  const buffer = (bytes: number) => newBuffer(bytes, options.shared === true);
  const f32 = () => new Float32Array(buffer(cells * 4)).fill(NaN);
  return {
    sumMw: new Float64Array(buffer(cells * 8)),
    bestCentiDbm: new Int16Array(buffer(cells * 2)).fill(NO_RSRP_CENTI_DBM),
    secondCentiDbm: new Int16Array(buffer(cells * 2)).fill(NO_RSRP_CENTI_DBM),
    rescan: new Uint8Array(buffer(cells)),
    rsrpDbm: f32(),
    indoorRsrpDbm: f32(),
    sinrDb: f32(),
    dlThroughputMbps: f32(),
    indoorSinrDb: f32(),
    indoorDlThroughputMbps: f32(),
    bestServer: new Int32Array(buffer(cells * 4)).fill(-1),
  };
}

/** Grid rows lo..hi-1: the band an engine updates when it shares its state with another thread. */
export interface RowBand {
  lo: number;
  hi: number;
}

/** The part of `win` within `band`'s rows (no rows when they do not meet). */
function clipRows(win: CellWindow, band: RowBand): CellWindow {
  const row0 = Math.max(win.row0, band.lo);
  const row1 = Math.min(win.row0 + win.rows, band.hi);
  return { col0: win.col0, row0, cols: win.cols, rows: Math.max(0, row1 - row0) };
}

/** The footprint rows (relative to `fp.row0`) within `band`: rows `first`..`end - 1`. */
function footprintRowsIn(fp: SiteFootprint, band: RowBand): { first: number; end: number } {
  return { first: Math.max(0, band.lo - fp.row0), end: Math.min(fp.rows, band.hi - fp.row0) };
}

/** What to add to a value index j of footprint row `r` for its grid index (row * cols + col). */
function gridShiftOfRow(fp: SiteFootprint, r: number, cols: number): number {
  return (fp.row0 + r) * cols + fp.col0 + fp.spanCol0[r] - fp.spanStart[r];
}

function overlaps(a: CellWindow, b: CellWindow): boolean {
  return a.col0 < b.col0 + b.cols && b.col0 < a.col0 + a.cols && a.row0 < b.row0 + b.rows && b.row0 < a.row0 + a.rows;
}

/**
 * The coverage raster of a network, kept up to date site by site. Holds every site's footprint
 * (predictSiteFootprint) and, per cell, the total received power (Float64, mW), the best server and the
 * raster derived from them:
 * - best-server SS-RSRP (outdoor) and indoor RSRP = outdoor − mean O2I loss (TR 38.901 §7.4.3 low-loss model,
 *   mean indoor distance 25/3 m in dense-urban cells, 10/3 m elsewhere), with indoor SINR and throughput
 *   (all signals lose the same O2I loss, the UE noise does not);
 * - SS-SINR = S / (load × (ΣP − S) + N), N = thermal noise per RE with the UE noise figure (radio.md §5.2);
 * - DL throughput by attenuated Shannon, NR-adapted (TR 36.942 Annex A.1; core/radio/linkBudget.ts), with the
 *   project band's bandwidth and DL duty.
 * Incremental: upsertSite / removeSite subtract the old footprint, add the new one and re-search the best
 * server only in cells the changed site served where no new value beats a per-cell bound on the second best
 * (so a moved site that keeps its cells needs almost no re-search); only the in-range cells of the old and new footprint are
 * rederived. setSites rebuilds all. Powers come from the footprints' centi-dBm values through two 256-entry
 * tables (mwOfCenti), so best-server RSRP is the stored value (within 0.005 dB of the prediction).
 * Results match a full recompute to rounding (property test: 0.01 dB). All sites are treated as co-channel
 * on the project band (settings.radio.band sets noise, O2I frequency and throughput bandwidth).
 * With a `state` shared with an engine in another thread, every update takes a RowBand and touches only those
 * rows: two engines given complementary bands for the same calls keep the whole raster, each cell updated by
 * the same steps in the same order as by one engine (SplitCoverageEngine).
 * @example const engine = new CoverageEngine(ctx); engine.setSites(project.sites); engine.raster.sinrDb
 */
export class CoverageEngine {
  readonly ctx: CoverageContext;
  readonly raster: CoverageRaster & { indoorSinrDb: Float32Array; indoorDlThroughputMbps: Float32Array };
  private readonly terrainMethod: TerrainMethod | undefined;
  private readonly footprints = new Map<string, SiteFootprint>();
  private readonly cellIndex = new Map<string, number>();
  private readonly sumMw: Float64Array;
  private readonly bestCentiDbm: Int16Array;
  private readonly secondCentiDbm: Int16Array;
  private readonly rescan: Uint8Array;
  private readonly noiseMw: number;
  private readonly o2iDb: [number, number];
  private readonly allRows: RowBand;

  constructor(ctx: CoverageContext, options: { terrainMethod?: TerrainMethod; state?: CoverageEngineState } = {}) {
    this.ctx = ctx;
    this.terrainMethod = options.terrainMethod;
    const n = ctx.grid.cols * ctx.grid.rows;
    const state = options.state ?? createCoverageEngineState(n);
    if (state.sumMw.length !== n) throw new RangeError(`state must have grid.cols * grid.rows = ${n} cells, got ${state.sumMw.length}`);
    this.sumMw = state.sumMw;
    this.bestCentiDbm = state.bestCentiDbm;
    this.secondCentiDbm = state.secondCentiDbm;
    this.rescan = state.rescan;
    const { rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps, indoorSinrDb, indoorDlThroughputMbps, bestServer } = state;
    this.raster = { grid: ctx.grid, rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps, indoorSinrDb, indoorDlThroughputMbps, bestServer, cellIds: [] };
    this.allRows = { lo: 0, hi: ctx.grid.rows };
    const preset = BAND_PRESETS[ctx.radio.band];
    this.noiseMw = 10 ** (thermalNoisePerReDbm(preset.scsKhz, preset.ueNoiseFigureDb) / 10);
    const freqGhz = preset.freqMhz / 1000;
    this.o2iDb = [
      o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.RMa }),
      o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.UMa }),
    ];
  }

  /** Footprint of a site held by the engine (the given one re-built in a fixed shape, sharing its arrays), or undefined. */
  footprint(siteId: string): SiteFootprint | undefined {
    return this.footprints.get(siteId);
  }

  /** Number of sites held (skipped ones included). */
  get siteCount(): number {
    return this.footprints.size;
  }

  /** The sites held but left out of the coverage, with why (checkSiteForCoverage), in the network's order. */
  skippedSites(): SkippedSite[] {
    const out: SkippedSite[] = [];
    for (const fp of this.footprints.values()) if (fp.skipped) out.push(fp.skipped);
    return out;
  }

  /**
   * Replaces the whole network: predicts every footprint and recomposes the raster. Returns the whole grid.
   * A site the coverage cannot take is held empty and listed by skippedSites(); throws CancelledError when cancelled.
   */
  setSites(sites: readonly Site[], options: { cancel?: CancelToken; onProgress?: ProgressFn } = {}): CellWindow {
    const footprints: SiteFootprint[] = [];
    for (let i = 0; i < sites.length; i++) {
      throwIfCancelled(options.cancel);
      footprints.push(predictSiteFootprint(this.ctx, sites[i], { terrainMethod: this.terrainMethod, cancel: options.cancel }));
      options.onProgress?.(((i + 1) / sites.length) * 0.9);
    }
    return this.setFootprints(footprints, options);
  }

  /**
   * Replaces the whole network by already predicted footprints (from workers). Returns the whole grid. With
   * `rows`, composes only those rows (the rest of a shared state is another engine's).
   */
  setFootprints(footprints: readonly SiteFootprint[], options: { cancel?: CancelToken; onProgress?: ProgressFn; rows?: RowBand } = {}): CellWindow {
    const ids = new Set<string>();
    for (const fp of footprints) {
      if (ids.has(fp.siteId)) throw new RangeError(`footprints: duplicate site id "${fp.siteId}"`);
      ids.add(fp.siteId);
    }
    const rows = options.rows ?? this.allRows;
    const { cols } = this.ctx.grid;
    const [first, end] = [rows.lo * cols, rows.hi * cols];
    this.footprints.clear();
    this.cellIndex.clear();
    this.raster.cellIds.length = 0;
    this.sumMw.fill(0, first, end);
    this.bestCentiDbm.fill(NO_RSRP_CENTI_DBM, first, end);
    this.secondCentiDbm.fill(NO_RSRP_CENTI_DBM, first, end);
    this.rescan.fill(0, first, end);
    this.raster.bestServer.fill(-1, first, end);
    for (const fp of footprints) {
      throwIfCancelled(options.cancel);
      const held = uniformFootprint(fp);
      this.footprints.set(held.siteId, held);
      this.add(held, rows);
    }
    const all: CellWindow = { col0: 0, row0: 0, cols, rows: this.ctx.grid.rows };
    this.derive(clipRows(all, rows));
    options.onProgress?.(1);
    return all;
  }

  /** Adds or replaces one site (added, moved, rotated, retuned); returns the window of cells that changed. */
  upsertSite(site: Site, options: { cancel?: CancelToken } = {}): CellWindow {
    return this.upsertFootprint(predictSiteFootprint(this.ctx, site, { terrainMethod: this.terrainMethod, cancel: options.cancel }));
  }

  /** As upsertSite, from an already predicted footprint; with `rows`, updates only those rows. */
  upsertFootprint(predicted: SiteFootprint, rows: RowBand = this.allRows): CellWindow {
    const fp = uniformFootprint(predicted);
    const old = this.footprints.get(fp.siteId);
    let win: CellWindow = { col0: fp.col0, row0: fp.row0, cols: fp.cols, rows: fp.rows };
    if (old) {
      win = unionWindows(win, old);
      this.subtract(old, rows);
    }
    this.footprints.set(fp.siteId, fp);
    this.add(fp, rows);
    this.rescanMarked(clipRows(win, rows));
    this.derive(clipRows(win, rows), old ? [fp, old] : [fp]);
    return win;
  }

  /** Removes a site; returns the window of cells that changed (empty when the id is unknown). With `rows`, updates only those rows. */
  removeSite(siteId: string, rows: RowBand = this.allRows): CellWindow {
    const old = this.footprints.get(siteId);
    if (!old) return { ...EMPTY };
    this.subtract(old, rows);
    this.footprints.delete(siteId);
    const win: CellWindow = { col0: old.col0, row0: old.row0, cols: old.cols, rows: old.rows };
    this.rescanMarked(clipRows(win, rows));
    this.derive(clipRows(win, rows), [old]);
    return win;
  }

  private indexOfCell(cellId: string): number {
    let idx = this.cellIndex.get(cellId);
    if (idx === undefined) {
      idx = this.raster.cellIds.length;
      this.raster.cellIds.push(cellId);
      this.cellIndex.set(cellId, idx);
    }
    return idx;
  }

  /**
   * Adds a footprint's power to the sums and takes over the best server where it is stronger. A cell marked
   * by `subtract` lost its best server; the second-best bound covers all the others there, so a value above it
   * is the new best and resolves the mark (strictly above: no tie with an earlier sector to break).
   */
  private add(fp: SiteFootprint, rows: RowBand): void {
    const { cols } = this.ctx.grid;
    const { bestServer } = this.raster;
    const { sumMw, bestCentiDbm, secondCentiDbm, rescan } = this;
    const values = fp.sectors.map((sector) => sector.rsrpCentiDbm);
    const indices = fp.sectors.map((sector) => this.indexOfCell(sector.cellId));
    const sectorCount = values.length;
    const { first, end: rEnd } = footprintRowsIn(fp, rows);
    for (let r = first; r < rEnd; r++) {
      const end = fp.spanStart[r + 1];
      const shift = gridShiftOfRow(fp, r, cols);
      for (let j = fp.spanStart[r]; j < end; j++) {
        // the cell's state in locals, its sectors in order (as sector after sector would), written back once
        const i = shift + j;
        let sum = sumMw[i];
        let best = bestCentiDbm[i];
        let second = secondCentiDbm[i];
        let server = bestServer[i];
        let marked = rescan[i];
        for (let k = 0; k < sectorCount; k++) {
          const v = values[k][j];
          if (v === NO_RSRP_CENTI_DBM) continue;
          sum += mwOfCenti(v);
          if (marked) {
            if (v > second) {
              best = v;
              server = indices[k];
              marked = 0;
            }
          } else if (server < 0 || v > best) {
            if (best > second) second = best;
            best = v;
            server = indices[k];
          } else if (v > second) second = v;
        }
        sumMw[i] = sum;
        bestCentiDbm[i] = best;
        secondCentiDbm[i] = second;
        bestServer[i] = server;
        rescan[i] = marked;
      }
    }
  }

  /**
   * Takes a footprint's power out of the sums and marks the cells it served for a best-server re-search
   * (unless `add` finds a value above their second-best bound).
   */
  private subtract(fp: SiteFootprint, rows: RowBand): void {
    const { cols } = this.ctx.grid;
    const { bestServer } = this.raster;
    const { sumMw, rescan } = this;
    const values = fp.sectors.map((sector) => sector.rsrpCentiDbm);
    const indices = fp.sectors.map((sector) => this.cellIndex.get(sector.cellId) ?? -2);
    const sectorCount = values.length;
    const { first, end: rEnd } = footprintRowsIn(fp, rows);
    for (let r = first; r < rEnd; r++) {
      const end = fp.spanStart[r + 1];
      const shift = gridShiftOfRow(fp, r, cols);
      for (let j = fp.spanStart[r]; j < end; j++) {
        const i = shift + j;
        let sum = sumMw[i];
        const server = bestServer[i];
        for (let k = 0; k < sectorCount; k++) {
          const v = values[k][j];
          if (v === NO_RSRP_CENTI_DBM) continue;
          sum -= mwOfCenti(v);
          if (server === indices[k]) rescan[i] = 1;
        }
        sumMw[i] = sum;
      }
    }
  }

  /**
   * Re-searches the best server (and the exact second-best value) of the cells of `win` still marked, among the
   * footprints overlapping them, in the footprint and sector order of a full compose (strict `>`: the first of
   * equal values wins). Reads, per footprint, sector and row, only the stored values in that row's runs of
   * marked cells: marks left after a move are few and scattered, and a town's hundreds of micro footprints
   * overlap them.
   */
  private rescanMarked(win: CellWindow): void {
    const { cols } = this.ctx.grid;
    const { bestServer } = this.raster;
    const { rescan, bestCentiDbm, secondCentiDbm } = this;
    // runs of marked cells, grid columns [runFirst, runLast], row by row: window row w holds runs
    // rowRuns[w]..rowRuns[w + 1] - 1
    const rowRuns = new Int32Array(win.rows + 1);
    const runFirst: number[] = [];
    const runLast: number[] = [];
    let row0 = Infinity;
    let row1 = -1;
    let col0 = Infinity;
    let col1 = -1;
    for (let r = 0; r < win.rows; r++) {
      const base = (win.row0 + r) * cols;
      for (let col = win.col0; col < win.col0 + win.cols; col++) {
        const i = base + col;
        if (!rescan[i]) continue;
        bestServer[i] = -1;
        bestCentiDbm[i] = NO_RSRP_CENTI_DBM;
        secondCentiDbm[i] = NO_RSRP_CENTI_DBM;
        if (runFirst.length > rowRuns[r] && runLast[runLast.length - 1] === col - 1) runLast[runLast.length - 1] = col;
        else {
          runFirst.push(col);
          runLast.push(col);
        }
      }
      rowRuns[r + 1] = runFirst.length;
      if (rowRuns[r + 1] === rowRuns[r]) continue;
      row0 = Math.min(row0, win.row0 + r);
      row1 = win.row0 + r;
      col0 = Math.min(col0, runFirst[rowRuns[r]]);
      col1 = Math.max(col1, runLast[rowRuns[r + 1] - 1]);
    }
    if (row1 < 0) return;
    const box: CellWindow = { col0, row0, cols: col1 - col0 + 1, rows: row1 - row0 + 1 };
    for (const fp of this.footprints.values()) {
      if (!overlaps(fp, box)) continue;
      const rFirst = Math.max(row0, fp.row0) - fp.row0;
      const rLast = Math.min(row1, fp.row0 + fp.rows - 1) - fp.row0;
      const indices = fp.sectors.map((sector) => this.cellIndex.get(sector.cellId)!);
      for (let r = rFirst; r <= rLast; r++) {
        const w = fp.row0 + r - win.row0;
        if (rowRuns[w + 1] === rowRuns[w]) continue;
        // grid index of value j: shift + j; its grid column: j + colShift
        const colShift = fp.col0 + fp.spanCol0[r] - fp.spanStart[r];
        const shift = (fp.row0 + r) * cols + colShift;
        for (let run = rowRuns[w]; run < rowRuns[w + 1]; run++) {
          const j0 = Math.max(fp.spanStart[r], runFirst[run] - colShift);
          const j1 = Math.min(fp.spanStart[r + 1] - 1, runLast[run] - colShift);
          // runs go left to right: the first one past the span ends the row
          if (runFirst[run] - colShift >= fp.spanStart[r + 1]) break;
          if (j0 > j1) continue;
          for (let k = 0; k < indices.length; k++) {
            const values = fp.sectors[k].rsrpCentiDbm;
            for (let j = j0; j <= j1; j++) {
              const i = shift + j;
              const v = values[j];
              if (v > bestCentiDbm[i]) {
                secondCentiDbm[i] = bestCentiDbm[i];
                bestCentiDbm[i] = v;
                bestServer[i] = indices[k];
              } else if (v > secondCentiDbm[i]) secondCentiDbm[i] = v;
            }
          }
        }
      }
    }
    for (let w = row0 - win.row0; w <= row1 - win.row0; w++) {
      const base = (win.row0 + w) * cols;
      for (let run = rowRuns[w]; run < rowRuns[w + 1]; run++) {
        for (let i = base + runFirst[run]; i <= base + runLast[run]; i++) {
          rescan[i] = 0;
          if (bestServer[i] < 0) this.sumMw[i] = 0;
        }
      }
    }
  }

  /**
   * Recomputes RSRP, indoor RSRP, SINR and throughput of `win` from the sums and best servers; with `spansOf`,
   * only the cells within those footprints' spans (the only ones their change touched).
   */
  private derive(win: CellWindow, spansOf?: readonly SiteFootprint[]): void {
    const { cols } = this.ctx.grid;
    const { rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps, indoorSinrDb, indoorDlThroughputMbps, bestServer } = this.raster;
    const { sumMw, bestCentiDbm, noiseMw } = this;
    // indoors every signal loses the O2I loss and the noise does not: noise scaled up by the loss instead
    const indoorNoiseMw = [noiseMw * 10 ** (this.o2iDb[0] / 10), noiseMw * 10 ** (this.o2iDb[1] / 10)];
    const preset = BAND_PRESETS[this.ctx.radio.band];
    const shannon = NR_DL_SHANNON;
    // Mbps per b/s/Hz: bandwidth × DL duty × (1 − overhead), read off attenuatedShannonMbps so the factors stay in one place
    const mbpsPerBps = attenuatedShannonMbps(0, preset) / attenuatedShannonBpsPerHz(0, shannon);
    // attenuated Shannon inline (linkBudget.attenuatedShannonMbps): below SINR_min 0, at and above the SINR
    // where α·log2(1 + SINR) reaches the cap the cap (no log), between α·log2(1 + SINR)
    const capMbps = shannon.maxBpsPerHz * mbpsPerBps;
    const capLinear = 2 ** (shannon.maxBpsPerHz / shannon.alpha) - 1;
    const minLinear = 10 ** (shannon.sinrMinDb / 10);
    const alphaMbps = shannon.alpha * mbpsPerBps;
    const load = this.ctx.radio.loadFactor;
    const dense = this.ctx.isDenseUrban;
    const [o2iRuralDb, o2iUrbanDb] = this.o2iDb;
    for (let row = win.row0; row < win.row0 + win.rows; row++) {
      let c0 = win.col0;
      let c1 = win.col0 + win.cols;
      if (spansOf) {
        c0 = Infinity;
        c1 = -Infinity;
        for (const fp of spansOf) {
          const r = row - fp.row0;
          if (r < 0 || r >= fp.rows || fp.spanStart[r + 1] === fp.spanStart[r]) continue;
          c0 = Math.min(c0, fp.col0 + fp.spanCol0[r]);
          c1 = Math.max(c1, fp.col0 + fp.spanCol0[r] + fp.spanStart[r + 1] - fp.spanStart[r]);
        }
      }
      for (let col = c0; col < c1; col++) {
        const i = row * cols + col;
        if (bestServer[i] < 0) {
          rsrpDbm[i] = indoorRsrpDbm[i] = sinrDb[i] = dlThroughputMbps[i] = indoorSinrDb[i] = indoorDlThroughputMbps[i] = NaN;
          continue;
        }
        const s = mwOfCenti(bestCentiDbm[i]);
        const interferenceMw = Math.max(sumMw[i] - s, 0) * load;
        const sinrLinear = s / (interferenceMw + noiseMw);
        rsrpDbm[i] = bestCentiDbm[i] / 100;
        sinrDb[i] = log2Positive(sinrLinear) * DB_PER_LOG2;
        dlThroughputMbps[i] = sinrLinear < minLinear ? 0 : sinrLinear >= capLinear ? capMbps : alphaMbps * log2Positive(1 + sinrLinear);
        const isDense = dense !== undefined && dense[i] === 1;
        indoorRsrpDbm[i] = rsrpDbm[i] - (isDense ? o2iUrbanDb : o2iRuralDb);
        const sinrInLinear = s / (interferenceMw + (isDense ? indoorNoiseMw[1] : indoorNoiseMw[0]));
        indoorSinrDb[i] = log2Positive(sinrInLinear) * DB_PER_LOG2;
        indoorDlThroughputMbps[i] =
          sinrInLinear < minLinear ? 0 : sinrInLinear >= capLinear ? capMbps : alphaMbps * log2Positive(1 + sinrInLinear);
      }
    }
  }
}
