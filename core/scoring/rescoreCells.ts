import type { CoverageRaster } from '../model/coverage';
import { DL_BINS, GAP_TILE, type ScoringState } from './scoringState';

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
 * O(window cells). Gaps and places are the caller's: tiles where a cell joined or left a gap, or changed
 * whether it misses outdoors (and why) or has any server at all, are flagged in `state.dirtyTiles`.
 * @example rescoreCells(state, raster, { col0: 0, row0: 0, cols: grid.cols, rows: grid.rows }, false)
 */
export function rescoreCells(state: ScoringState, raster: CoverageRaster, window: CellWindow, subtractOld: boolean): void {
  const { prep, sums, status, dlMbps } = state;
  const { inCounty, populationPerCell: pop, densityClass, targetIndex, targets } = prep;
  const baseRsrp = prep.settings.baseline.rsrpDbm;
  const baseSinr = prep.settings.baseline.sinrDb;
  // the target table as flat arrays: the loop below runs over every cell of a county
  const tRsrp = Float64Array.from(targets, (t) => t.rsrpDbm);
  const tSinr = Float64Array.from(targets, (t) => t.sinrDb);
  const tIndoor = Uint8Array.from(targets, (t) => (t.environment === 'indoor' ? 1 : 0));
  const { rsrpDbm, indoorRsrpDbm, sinrDb, dlThroughputMbps } = raster;
  const hist = sums.builtUpDlHistogram;
  const gridCols = prep.grid.cols;
  const { dirtyTiles, tilesX } = state;
  let { cellsOutdoor, cellsIndoor, peopleOutdoor, peopleIndoor, peopleUrbanOutdoor, peopleRuralOutdoor, builtUpDlSumMbps, cellsNoService, peopleNoService } = sums;
  for (let row = window.row0; row < window.row0 + window.rows; row++) {
    const tileRow = Math.floor(row / GAP_TILE) * tilesX;
    const rowStart = row * gridCols;
    for (let i = rowStart + window.col0, end = i + window.cols; i < end; i++) {
      if (inCounty[i] === 0) continue;
      const p = pop[i];
      const cls = densityClass[i];
      if (subtractOld) {
        const s = status[i];
        if (s & 1) {
          cellsOutdoor--;
          peopleOutdoor -= p;
          if (cls === 2) peopleUrbanOutdoor -= p;
          else peopleRuralOutdoor -= p;
        }
        if (s & 2) { cellsIndoor--; peopleIndoor -= p; }
        if (s & 16) { cellsNoService--; peopleNoService -= p; }
        if (cls >= 1) {
          const d = dlMbps[i];
          builtUpDlSumMbps -= d;
          hist[Math.min(DL_BINS - 1, Math.floor(d))]--;
        }
      }
      const rs = rsrpDbm[i];
      const ri = indoorRsrpDbm[i];
      const sinr = sinrDb[i];
      // NaN compares false: no signal misses every target; no server at all is "no service"
      let s = rs === rs ? 0 : 16;
      if (rs >= baseRsrp && sinr >= baseSinr) s |= 1;
      if (ri >= baseRsrp && sinr >= baseSinr) s |= 2;
      const t = targetIndex[i];
      const sinrOk = sinr >= tSinr[t];
      const outdoorOk = rs >= tRsrp[t] && sinrOk;
      if (outdoorOk) s |= 8;
      // strong enough but interfered: the signal meets the target, the SINR does not
      else if (rs >= tRsrp[t]) s |= 32;
      if (tIndoor[t] === 1 ? ri >= tRsrp[t] && sinrOk : outdoorOk) s |= 4;
      if ((status[i] ^ s) & 60) dirtyTiles[tileRow + Math.floor((i - rowStart) / GAP_TILE)] = 1;
      status[i] = s;
      if (s & 1) {
        cellsOutdoor++;
        peopleOutdoor += p;
        if (cls === 2) peopleUrbanOutdoor += p;
        else peopleRuralOutdoor += p;
      }
      if (s & 2) { cellsIndoor++; peopleIndoor += p; }
      if (s & 16) { cellsNoService++; peopleNoService += p; }
      if (cls >= 1) {
        const raw = dlThroughputMbps[i];
        // no signal is a 0 Mbit/s cell, not a missing one
        const d = raw > 0 ? raw : 0;
        dlMbps[i] = d;
        builtUpDlSumMbps += d;
        hist[Math.min(DL_BINS - 1, Math.floor(d))]++;
      }
    }
  }
  Object.assign(sums, { cellsOutdoor, cellsIndoor, peopleOutdoor, peopleIndoor, peopleUrbanOutdoor, peopleRuralOutdoor, builtUpDlSumMbps, cellsNoService, peopleNoService });
}
