import { GAP_TILE, type ScoringState } from './scoringState';

/**
 * The id of the gap holding cell `i` (row * cols + col), 0 when the cell meets its target or is outside
 * the county.
 * @example gapIdAt(state, row * grid.cols + col)
 */
export function gapIdAt(state: ScoringState, i: number): number {
  const piece = state.pieceOfCell[i];
  if (piece === 0) return 0;
  const { cols } = state.prep.grid;
  const col = i % cols;
  const tile = Math.floor((i - col) / cols / GAP_TILE) * state.tilesX + Math.floor(col / GAP_TILE);
  return state.gapOfNode[state.nodeBase[tile] + piece - 1];
}
