import type { CoverageRaster } from '../model/coverage';
import { floodGap } from './floodGap';
import { rescoreCells, type CellWindow } from './rescoreCells';
import { scorePlace } from './scorePlace';
import type { ScoringState } from './scoringState';

/**
 * Brings `state` up to date after the coverage engine changed only `window` of the raster (a site edit):
 * KPI sums move by the window's cells; places whose cells touch the window are re-scored; gaps touching
 * the window or its one-cell ring are dissolved and re-labelled from their old cells and the window's cells,
 * so merges and splits come out as a full scoring would. Work: window cells + cells of the gaps touched.
 * Mutates and returns `state`; gap ids of untouched gaps are kept, new gaps get fresh ids.
 * @example updateScoring(state, engine.raster, engine.upsertSite(site))
 */
export function updateScoring(state: ScoringState, raster: CoverageRaster, window: CellWindow): ScoringState {
  const { prep, labels, stack, gaps } = state;
  const { cols, rows } = prep.grid;
  const col0 = Math.max(0, window.col0);
  const row0 = Math.max(0, window.row0);
  const col1 = Math.min(cols, window.col0 + window.cols);
  const row1 = Math.min(rows, window.row0 + window.rows);
  if (!(col1 > col0 && row1 > row0)) return state;
  if (raster.rsrpDbm.length !== cols * rows) throw new RangeError(`raster must have ${cols * rows} cells, got ${raster.rsrpDbm.length}`);

  rescoreCells(state, raster, { col0, row0, cols: col1 - col0, rows: row1 - row0 }, true);

  // gaps reaching the window or the ring around it can merge, split or shrink
  const touched = new Set<number>();
  const rc0 = Math.max(0, col0 - 1);
  const rc1 = Math.min(cols, col1 + 1);
  for (let row = Math.max(0, row0 - 1); row < Math.min(rows, row1 + 1); row++) {
    for (let i = row * cols + rc0, end = row * cols + rc1; i < end; i++) if (labels[i] !== 0) touched.add(labels[i]);
  }
  // dissolve them, remembering their cells: their old connectivity (labels) drives the walk
  const freed: number[] = [];
  for (const id of touched) {
    const { firstCell } = gaps.get(id)!;
    gaps.delete(id);
    let top = 0;
    stack[top++] = firstCell;
    labels[firstCell] = 0;
    while (top > 0) {
      const i = stack[--top];
      freed.push(i);
      const col = i % cols;
      const row = (i - col) / cols;
      for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
        for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
          const j = r * cols + c;
          if (labels[j] === id) { labels[j] = 0; stack[top++] = j; }
        }
      }
    }
  }
  const { inCounty } = prep;
  const { status } = state;
  const seed = (i: number) => {
    if (labels[i] === 0 && inCounty[i] === 1 && (status[i] & 4) === 0) {
      const id = state.nextGapId++;
      gaps.set(id, floodGap(state, i, id));
    }
  };
  for (const i of freed) seed(i);
  for (let row = row0; row < row1; row++) for (let i = row * cols + col0, end = row * cols + col1; i < end; i++) seed(i);

  for (const k of prep.placeIndex?.search(col0, row0, col1 - 1, row1 - 1) ?? []) state.placeScores[k] = scorePlace(prep, raster, k);
  return state;
}
