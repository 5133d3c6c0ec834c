import type { CoverageRaster } from '../model/coverage';
import { DL_BINS, type ScoringState } from './scoringState';

/** A window of grid cells, as the coverage engine reports after an edit. */
export interface CellWindow {
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

/**
 * Re-evaluates the cells of `window` against their targets and moves the KPI sums from the old status to
 * the new one (`subtractOld` false on the first pass, when nothing was counted yet). Pure per-cell work:
 * O(window cells). Gaps and places are the caller's.
 * @example rescoreCells(state, raster, { col0: 0, row0: 0, cols: grid.cols, rows: grid.rows }, false)
 */
export function rescoreCells(state: ScoringState, raster: CoverageRaster, window: CellWindow, subtractOld: boolean): void {
  const { prep, sums, status, dlMbps } = state;
  const { inCounty, populationPerCell: pop, densityClass, targetIndex, targets } = prep;
  const base = prep.settings.baseline;
  const { rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps } = raster;
  const hist = sums.builtUpDlHistogram;
  const gridCols = prep.grid.cols;
  for (let row = window.row0; row < window.row0 + window.rows; row++) {
    for (let i = row * gridCols + window.col0, end = i + window.cols; i < end; i++) {
      if (inCounty[i] === 0) continue;
      const p = pop[i];
      const cls = densityClass[i];
      if (subtractOld) {
        const s = status[i];
        if (s & 1) {
          sums.cellsOutdoor--;
          sums.peopleOutdoor -= p;
          if (cls === 2) sums.peopleUrbanOutdoor -= p;
          else sums.peopleRuralOutdoor -= p;
        }
        if (s & 2) { sums.cellsIndoor--; sums.peopleIndoor -= p; }
        if (cls >= 1) {
          const d = dlMbps[i];
          sums.builtUpDlSumMbps -= d;
          hist[Math.min(DL_BINS - 1, Math.floor(d))]--;
        }
      }
      const rs = rsrpDbm[i];
      const ri = indoorRsrpDbm[i];
      const sinr = sinrDb[i];
      // NaN compares false: no signal misses every target
      let s = 0;
      if (rs >= base.rsrpDbm && sinr >= base.sinrDb) s |= 1;
      if (ri >= base.rsrpDbm && sinr >= base.sinrDb) s |= 2;
      const t = targets[targetIndex[i]];
      const outdoorOk = rs >= t.rsrpDbm && sinr >= t.sinrDb;
      if (outdoorOk) s |= 8;
      if (t.environment === 'indoor' ? ri >= t.rsrpDbm && sinr >= t.sinrDb : outdoorOk) s |= 4;
      status[i] = s;
      if (s & 1) {
        sums.cellsOutdoor++;
        sums.peopleOutdoor += p;
        if (cls === 2) sums.peopleUrbanOutdoor += p;
        else sums.peopleRuralOutdoor += p;
      }
      if (s & 2) { sums.cellsIndoor++; sums.peopleIndoor += p; }
      if (cls >= 1) {
        const raw = dlThroughputMbps[i];
        // no signal is a 0 Mbit/s cell, not a missing one
        const d = raw > 0 ? raw : 0;
        dlMbps[i] = d;
        sums.builtUpDlSumMbps += d;
        hist[Math.min(DL_BINS - 1, Math.floor(d))]++;
      }
    }
  }
}
