import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { CoverageRaster } from '../model/coverage';
import type { Site } from '../model/site';
import { BAND_PRESETS } from '../radio/bands';
import { attenuatedShannonBpsPerHz, attenuatedShannonMbps, NR_DL_SHANNON, thermalNoisePerReDbm } from '../radio/linkBudget';
import { O2I_MEAN_INDOOR_DISTANCE_M, o2iPenetrationLossDb } from '../radio/o2i';
import type { CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';
import { predictSiteFootprint, type SiteFootprint, type TerrainMethod } from './predictSiteFootprint';
import { unionWindows } from './unionWindows';

const DB_TO_LN = Math.LN10 / 10;
const EMPTY: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };

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
 * server only in cells the changed site served; only the touched window is rederived. setSites rebuilds all.
 * Results match a full recompute to rounding (property test: 0.01 dB). All sites are treated as co-channel
 * on the project band (settings.radio.band sets noise, O2I frequency and throughput bandwidth).
 * @example const engine = new CoverageEngine(ctx); engine.setSites(project.sites); engine.raster.sinrDb
 */
export class CoverageEngine {
  readonly ctx: CoverageContext;
  readonly raster: CoverageRaster & { indoorSinrDb: Float32Array; indoorDlThroughputMbps: Float32Array };
  private readonly terrainMethod: TerrainMethod | undefined;
  private readonly footprints = new Map<string, SiteFootprint>();
  private readonly cellIndex = new Map<string, number>();
  private readonly sumMw: Float64Array;
  private readonly bestMw: Float64Array;
  private readonly rescan: Uint8Array;
  private readonly noiseMw: number;
  private readonly o2iDb: [number, number];

  constructor(ctx: CoverageContext, options: { terrainMethod?: TerrainMethod } = {}) {
    this.ctx = ctx;
    this.terrainMethod = options.terrainMethod;
    const n = ctx.grid.cols * ctx.grid.rows;
    this.sumMw = new Float64Array(n);
    this.bestMw = new Float64Array(n);
    this.rescan = new Uint8Array(n);
    this.raster = {
      grid: ctx.grid,
      rsrpDbm: new Float32Array(n).fill(NaN),
      indoorRsrpDbm: new Float32Array(n).fill(NaN),
      sinrDb: new Float32Array(n).fill(NaN),
      dlThroughputMbps: new Float32Array(n).fill(NaN),
      indoorSinrDb: new Float32Array(n).fill(NaN),
      indoorDlThroughputMbps: new Float32Array(n).fill(NaN),
      bestServer: new Int32Array(n).fill(-1),
      cellIds: [],
    };
    const preset = BAND_PRESETS[ctx.radio.band];
    this.noiseMw = 10 ** (thermalNoisePerReDbm(preset.scsKhz, preset.ueNoiseFigureDb) / 10);
    const freqGhz = preset.freqMhz / 1000;
    this.o2iDb = [
      o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.RMa }),
      o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.UMa }),
    ];
  }

  /** Footprint of a site held by the engine, or undefined. */
  footprint(siteId: string): SiteFootprint | undefined {
    return this.footprints.get(siteId);
  }

  /** Number of sites held. */
  get siteCount(): number {
    return this.footprints.size;
  }

  /**
   * Replaces the whole network: predicts every footprint and recomposes the raster. Returns the whole grid.
   * Throws RangeError for a bad site (before anything changes) and CancelledError when cancelled.
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

  /** Replaces the whole network by already predicted footprints (from workers). Returns the whole grid. */
  setFootprints(footprints: readonly SiteFootprint[], options: { cancel?: CancelToken; onProgress?: ProgressFn } = {}): CellWindow {
    const ids = new Set<string>();
    for (const fp of footprints) {
      if (ids.has(fp.siteId)) throw new RangeError(`footprints: duplicate site id "${fp.siteId}"`);
      ids.add(fp.siteId);
    }
    this.footprints.clear();
    this.cellIndex.clear();
    this.raster.cellIds.length = 0;
    this.sumMw.fill(0);
    this.bestMw.fill(0);
    this.raster.bestServer.fill(-1);
    this.raster.rsrpDbm.fill(NaN);
    for (const fp of footprints) {
      throwIfCancelled(options.cancel);
      this.footprints.set(fp.siteId, fp);
      this.add(fp);
    }
    const all: CellWindow = { col0: 0, row0: 0, cols: this.ctx.grid.cols, rows: this.ctx.grid.rows };
    this.derive(all);
    options.onProgress?.(1);
    return all;
  }

  /** Adds or replaces one site (added, moved, rotated, retuned); returns the window of cells that changed. */
  upsertSite(site: Site, options: { cancel?: CancelToken } = {}): CellWindow {
    return this.upsertFootprint(predictSiteFootprint(this.ctx, site, { terrainMethod: this.terrainMethod, cancel: options.cancel }));
  }

  /** As upsertSite, from an already predicted footprint. */
  upsertFootprint(fp: SiteFootprint): CellWindow {
    const old = this.footprints.get(fp.siteId);
    let win: CellWindow = { col0: fp.col0, row0: fp.row0, cols: fp.cols, rows: fp.rows };
    if (old) {
      win = unionWindows(win, old);
      this.subtract(old);
    }
    this.footprints.set(fp.siteId, fp);
    this.add(fp);
    this.rescanMarked(win);
    this.derive(win);
    return win;
  }

  /** Removes a site; returns the window of cells that changed (empty when the id is unknown). */
  removeSite(siteId: string): CellWindow {
    const old = this.footprints.get(siteId);
    if (!old) return { ...EMPTY };
    this.subtract(old);
    this.footprints.delete(siteId);
    const win: CellWindow = { col0: old.col0, row0: old.row0, cols: old.cols, rows: old.rows };
    this.rescanMarked(win);
    this.derive(win);
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
   * by `subtract` still holds its old best power, the maximum of all others, so beating it resolves the mark.
   */
  private add(fp: SiteFootprint): void {
    const { cols } = this.ctx.grid;
    const { rsrpDbm, bestServer } = this.raster;
    for (const sector of fp.sectors) {
      const idx = this.indexOfCell(sector.cellId);
      const values = sector.rsrpDbm;
      for (let r = 0; r < fp.rows; r++) {
        const base = (fp.row0 + r) * cols + fp.col0;
        const localBase = r * fp.cols;
        for (let c = 0; c < fp.cols; c++) {
          const v = values[localBase + c];
          if (!(v === v)) continue;
          const i = base + c;
          const mw = Math.exp(v * DB_TO_LN);
          this.sumMw[i] += mw;
          if (bestServer[i] < 0 || mw > this.bestMw[i]) {
            this.bestMw[i] = mw;
            bestServer[i] = idx;
            rsrpDbm[i] = v;
            this.rescan[i] = 0;
          }
        }
      }
    }
  }

  /**
   * Takes a footprint's power out of the sums and marks the cells it served for a best-server re-search
   * (their best power stays as the bound `add` compares against).
   */
  private subtract(fp: SiteFootprint): void {
    const { cols } = this.ctx.grid;
    const { bestServer } = this.raster;
    for (const sector of fp.sectors) {
      const idx = this.cellIndex.get(sector.cellId) ?? -2;
      const values = sector.rsrpDbm;
      for (let r = 0; r < fp.rows; r++) {
        const base = (fp.row0 + r) * cols + fp.col0;
        const localBase = r * fp.cols;
        for (let c = 0; c < fp.cols; c++) {
          const v = values[localBase + c];
          if (!(v === v)) continue;
          const i = base + c;
          this.sumMw[i] -= Math.exp(v * DB_TO_LN);
          if (bestServer[i] === idx) this.rescan[i] = 1;
        }
      }
    }
  }

  /**
   * Re-searches the best server of the cells of `win` still marked, among the footprints overlapping them, in
   * the footprint and sector order of a full compose. Two equivalent loops, whichever reads fewer values:
   * cell by cell over the nearby footprints (few, scattered marks) or footprint by footprint over the marks'
   * bounding box (many marks in a compact area).
   */
  private rescanMarked(win: CellWindow): void {
    const { cols } = this.ctx.grid;
    const { rsrpDbm, bestServer } = this.raster;
    const rescan = this.rescan;
    let marked = 0;
    let col0 = Infinity;
    let row0 = Infinity;
    let col1 = -1;
    let row1 = -1;
    for (let row = win.row0; row < win.row0 + win.rows; row++) {
      for (let col = win.col0; col < win.col0 + win.cols; col++) {
        const i = row * cols + col;
        if (!rescan[i]) continue;
        marked++;
        bestServer[i] = -1;
        rsrpDbm[i] = -Infinity;
        if (col < col0) col0 = col;
        if (col > col1) col1 = col;
        if (row < row0) row0 = row;
        if (row > row1) row1 = row;
      }
    }
    if (marked === 0) return;
    const box: CellWindow = { col0, row0, cols: col1 - col0 + 1, rows: row1 - row0 + 1 };
    const near = [...this.footprints.values()].filter((fp) => overlaps(fp, box));
    let boxCost = 0;
    for (const fp of near) {
      const w = Math.min(col1, fp.col0 + fp.cols - 1) - Math.max(col0, fp.col0) + 1;
      const h = Math.min(row1, fp.row0 + fp.rows - 1) - Math.max(row0, fp.row0) + 1;
      boxCost += w * h * fp.sectors.length;
    }
    const sectorIndex = near.map((fp) => fp.sectors.map((sector) => this.cellIndex.get(sector.cellId)!));
    const compare = (i: number, v: number, idx: number): void => {
      if (v > rsrpDbm[i]) {
        rsrpDbm[i] = v;
        bestServer[i] = idx;
      }
    };
    if (boxCost <= marked * near.length * 4) {
      for (let f = 0; f < near.length; f++) {
        const fp = near[f];
        const c0 = Math.max(col0, fp.col0);
        const c1 = Math.min(col1, fp.col0 + fp.cols - 1);
        const r0 = Math.max(row0, fp.row0);
        const r1 = Math.min(row1, fp.row0 + fp.rows - 1);
        for (let k = 0; k < fp.sectors.length; k++) {
          const values = fp.sectors[k].rsrpDbm;
          const idx = sectorIndex[f][k];
          for (let row = r0; row <= r1; row++) {
            const base = row * cols;
            const localBase = (row - fp.row0) * fp.cols - fp.col0;
            for (let col = c0; col <= c1; col++) if (rescan[base + col]) compare(base + col, values[localBase + col], idx);
          }
        }
      }
    } else {
      for (let row = row0; row <= row1; row++) {
        for (let col = col0; col <= col1; col++) {
          const i = row * cols + col;
          if (!rescan[i]) continue;
          for (let f = 0; f < near.length; f++) {
            const fp = near[f];
            const c = col - fp.col0;
            const r = row - fp.row0;
            if (c < 0 || r < 0 || c >= fp.cols || r >= fp.rows) continue;
            for (let k = 0; k < fp.sectors.length; k++) compare(i, fp.sectors[k].rsrpDbm[r * fp.cols + c], sectorIndex[f][k]);
          }
        }
      }
    }
    for (let row = row0; row <= row1; row++) {
      for (let col = col0; col <= col1; col++) {
        const i = row * cols + col;
        if (!rescan[i]) continue;
        rescan[i] = 0;
        if (bestServer[i] < 0) {
          this.sumMw[i] = 0;
          rsrpDbm[i] = NaN;
        } else {
          this.bestMw[i] = Math.exp(rsrpDbm[i] * DB_TO_LN);
        }
      }
    }
  }

  /** Recomputes indoor RSRP, SINR and throughput of `win` from the sums and best servers. */
  private derive(win: CellWindow): void {
    const { cols } = this.ctx.grid;
    const { rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps, indoorSinrDb, indoorDlThroughputMbps, bestServer } = this.raster;
    // indoors every signal loses the O2I loss and the noise does not: noise scaled up by the loss instead
    const indoorNoiseMw = [this.noiseMw * 10 ** (this.o2iDb[0] / 10), this.noiseMw * 10 ** (this.o2iDb[1] / 10)];
    const preset = BAND_PRESETS[this.ctx.radio.band];
    const shannon = NR_DL_SHANNON;
    // Mbps per b/s/Hz: bandwidth × DL duty × (1 − overhead), read off attenuatedShannonMbps so the factors stay in one place
    const mbpsPerBps = attenuatedShannonMbps(0, preset) / attenuatedShannonBpsPerHz(0, shannon);
    const load = this.ctx.radio.loadFactor;
    const dense = this.ctx.isDenseUrban;
    for (let row = win.row0; row < win.row0 + win.rows; row++) {
      for (let col = win.col0; col < win.col0 + win.cols; col++) {
        const i = row * cols + col;
        if (bestServer[i] < 0) {
          rsrpDbm[i] = indoorRsrpDbm[i] = sinrDb[i] = dlThroughputMbps[i] = indoorSinrDb[i] = indoorDlThroughputMbps[i] = NaN;
          continue;
        }
        const s = this.bestMw[i];
        const interferenceMw = Math.max(this.sumMw[i] - s, 0) * load;
        const sinrLinear = s / (interferenceMw + this.noiseMw);
        const sinr = 10 * Math.log10(sinrLinear);
        sinrDb[i] = sinr;
        // attenuated Shannon inline (linkBudget.attenuatedShannonMbps) to skip a 10^(x/10) per cell
        dlThroughputMbps[i] = sinr < shannon.sinrMinDb ? 0 : Math.min(shannon.alpha * Math.log2(1 + sinrLinear), shannon.maxBpsPerHz) * mbpsPerBps;
        const env = dense?.[i] ? 1 : 0;
        indoorRsrpDbm[i] = rsrpDbm[i] - this.o2iDb[env];
        const sinrInLinear = s / (interferenceMw + indoorNoiseMw[env]);
        const sinrIn = 10 * Math.log10(sinrInLinear);
        indoorSinrDb[i] = sinrIn;
        indoorDlThroughputMbps[i] =
          sinrIn < shannon.sinrMinDb ? 0 : Math.min(shannon.alpha * Math.log2(1 + sinrInLinear), shannon.maxBpsPerHz) * mbpsPerBps;
      }
    }
  }
}
