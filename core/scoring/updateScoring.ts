import type { CoverageRaster } from '../model/coverage';
import { labelTile } from './labelTile';
import { linkTile } from './linkTile';
import { mergeGaps } from './mergeGaps';
import { rescoreCells, type CellWindow } from './rescoreCells';
import { scorePlace } from './scorePlace';
import { GAP_TILE, type ScoringState } from './scoringState';

/**
 * Brings `state` up to date after the coverage engine changed only `window` of the raster (a site edit):
 * KPI sums move by the window's cells; places whose cells touch the window are re-scored; the gap tiles
 * under the window are re-labelled, their links and those of the tiles before them re-listed, and the
 * pieces re-joined, so merges and splits come out exactly as in a full scoring. Work: the window's cells,
 * the tiles under it, and a union-find over all pieces (pieces, not cells). Mutates and returns `state`.
 * @example updateScoring(state, engine.raster, engine.upsertSite(site))
 */
export function updateScoring(state: ScoringState, raster: CoverageRaster, window: CellWindow): ScoringState {
  const { prep, tilesX, tilesY } = state;
  const { cols, rows } = prep.grid;
  const col0 = Math.max(0, window.col0);
  const row0 = Math.max(0, window.row0);
  const col1 = Math.min(cols, window.col0 + window.cols);
  const row1 = Math.min(rows, window.row0 + window.rows);
  if (!(col1 > col0 && row1 > row0)) return state;
  if (raster.rsrpDbm.length !== cols * rows) throw new RangeError(`raster must have ${cols * rows} cells, got ${raster.rsrpDbm.length}`);

  rescoreCells(state, raster, { col0, row0, cols: col1 - col0, rows: row1 - row0 }, true);

  const tx0 = Math.floor(col0 / GAP_TILE);
  const tx1 = Math.floor((col1 - 1) / GAP_TILE);
  const ty0 = Math.floor(row0 / GAP_TILE);
  const ty1 = Math.floor((row1 - 1) / GAP_TILE);
  for (let ty = ty0; ty <= ty1; ty++) for (let tx = tx0; tx <= tx1; tx++) labelTile(state, ty * tilesX + tx);
  // links are kept by the lower tile of each pair: re-list the changed tiles and the ring above and left
  for (let ty = Math.max(0, ty0 - 1); ty <= Math.min(tilesY - 1, ty1); ty++) {
    for (let tx = Math.max(0, tx0 - 1); tx <= Math.min(tilesX - 1, tx1 + 1); tx++) linkTile(state, ty * tilesX + tx);
  }
  mergeGaps(state);

  for (const k of prep.placeIndex?.search(col0, row0, col1 - 1, row1 - 1) ?? []) state.placeScores[k] = scorePlace(prep, raster, k);
  return state;
}
