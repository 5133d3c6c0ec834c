import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { CoverageRaster } from '../model/coverage';
import { floodGap } from './floodGap';
import { rescoreCells } from './rescoreCells';
import { scorePlace } from './scorePlace';
import { DL_BINS, type ScoringPrep, type ScoringState } from './scoringState';

/**
 * Full scoring of a coverage raster: every county cell against its target (KPI sums), every place, and
 * the gaps labelled by flood fill. The returned state is what updateScoring keeps current after edits.
 * @example const state = scoreCoverage(prepareScoring(inputs), raster); scoringReport(state)
 */
export function scoreCoverage(
  prep: ScoringPrep,
  raster: CoverageRaster,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): ScoringState {
  const { grid } = prep;
  const n = grid.cols * grid.rows;
  if (raster.grid.cols !== grid.cols || raster.grid.rows !== grid.rows) {
    throw new RangeError(`raster.grid must be ${grid.cols} x ${grid.rows} like the project grid, got ${raster.grid.cols} x ${raster.grid.rows}`);
  }
  for (const key of ['rsrpDbm', 'indoorRsrpDbm', 'sinrDb', 'dlThroughputMbps'] as const) {
    if (raster[key].length !== n) throw new RangeError(`raster.${key} must have ${n} values, got ${raster[key].length}`);
  }
  const { inCounty, populationPerCell: pop, densityClass } = prep;
  const sums = {
    cells: 0, cellsOutdoor: 0, cellsIndoor: 0, people: 0, peopleOutdoor: 0, peopleIndoor: 0,
    peopleUrban: 0, peopleUrbanOutdoor: 0, peopleRural: 0, peopleRuralOutdoor: 0,
    builtUpCells: 0, builtUpDlSumMbps: 0, builtUpDlHistogram: new Int32Array(DL_BINS),
  };
  for (let i = 0; i < n; i++) {
    if (inCounty[i] === 0) continue;
    sums.cells++;
    sums.people += pop[i];
    if (densityClass[i] === 2) sums.peopleUrban += pop[i];
    else sums.peopleRural += pop[i];
    if (densityClass[i] >= 1) sums.builtUpCells++;
  }
  const state: ScoringState = {
    prep,
    sums,
    status: new Uint8Array(n),
    dlMbps: new Float32Array(n),
    labels: new Int32Array(n),
    gaps: new Map(),
    nextGapId: 1,
    placeScores: [],
    stack: new Int32Array(n),
  };
  // rows in bands so cancel and progress are checked per band, not per cell
  const band = 64;
  for (let row0 = 0; row0 < grid.rows; row0 += band) {
    throwIfCancelled(options.cancel);
    rescoreCells(state, raster, { col0: 0, row0, cols: grid.cols, rows: Math.min(band, grid.rows - row0) }, false);
    options.onProgress?.((0.5 * (row0 + band)) / grid.rows);
  }
  const { status, labels } = state;
  for (let row = 0; row < grid.rows; row++) {
    throwIfCancelled(options.cancel);
    for (let i = row * grid.cols, end = i + grid.cols; i < end; i++) {
      if (labels[i] === 0 && inCounty[i] === 1 && (status[i] & 4) === 0) {
        const id = state.nextGapId++;
        state.gaps.set(id, floodGap(state, i, id));
      }
    }
    if (row % 64 === 0) options.onProgress?.(0.5 + (0.5 * row) / grid.rows);
  }
  state.placeScores = prep.places.map((_, k) => scorePlace(prep, raster, k));
  options.onProgress?.(1);
  return state;
}
