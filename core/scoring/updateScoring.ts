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
 * where a cell changed gap status are re-labelled, their links and those of the tiles before them
 * re-listed, and the pieces re-joined, so merges and splits come out exactly as in a full scoring. Work:
 * the window's cells, the changed tiles, and a union-find over all pieces (pieces, not cells).
 * Mutates and returns `state`.
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

  const { dirtyTiles } = state;
  const relink = new Set<number>();
  for (let ty = Math.floor(row0 / GAP_TILE); ty <= Math.floor((row1 - 1) / GAP_TILE); ty++) {
    for (let tx = Math.floor(col0 / GAP_TILE); tx <= Math.floor((col1 - 1) / GAP_TILE); tx++) {
      const t = ty * tilesX + tx;
      if (dirtyTiles[t] === 0) continue;
      dirtyTiles[t] = 0;
      labelTile(state, t);
      // links are kept by the lower tile of each pair: the tile itself and those left of and above it
      for (const [dx, dy] of [[0, 0], [-1, 0], [-1, -1], [0, -1], [1, -1]]) {
        if (tx + dx >= 0 && tx + dx < tilesX && ty + dy >= 0 && ty + dy < tilesY) relink.add((ty + dy) * tilesX + tx + dx);
      }
    }
  }
  if (relink.size > 0) {
    for (const t of relink) linkTile(state, t);
    mergeGaps(state);
  }

  for (const k of prep.placeIndex?.search(col0, row0, col1 - 1, row1 - 1) ?? []) state.placeScores[k] = scorePlace(prep, raster, k);
  return state;
}
