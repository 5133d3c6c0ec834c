import { GAP_TILE, type ScoringState } from './scoringState';

/**
 * Lists which gap pieces of a tile touch (8-connectivity) pieces of the neighbouring tiles with a higher
 * index (right, below-left, below, below-right), so each cross-tile contact is stored once, by the lower
 * tile. Only the tile's edge cells are read. Call after labelTile for the tile and its neighbours.
 * @example linkTile(state, t); mergeGaps(state);
 */
export function linkTile(state: ScoringState, tile: number): void {
  const { pieceOfCell, tilesX } = state;
  const { cols, rows } = state.prep.grid;
  const tc0 = (tile % tilesX) * GAP_TILE;
  const tr0 = Math.floor(tile / tilesX) * GAP_TILE;
  const tc1 = Math.min(cols, tc0 + GAP_TILE) - 1;
  const tr1 = Math.min(rows, tr0 + GAP_TILE) - 1;
  const seen = new Set<number>();
  const links: number[] = [];
  const visit = (col: number, row: number) => {
    const a = pieceOfCell[row * cols + col];
    if (a === 0) return;
    for (let r = row; r <= Math.min(rows - 1, row + 1); r++) {
      for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
        const other = Math.floor(r / GAP_TILE) * tilesX + Math.floor(c / GAP_TILE);
        if (other <= tile) continue;
        const b = pieceOfCell[r * cols + c];
        if (b === 0) continue;
        const key = (a * state.tilesX * state.tilesY + other) * 65536 + b;
        if (seen.has(key)) continue;
        seen.add(key);
        links.push(a - 1, other, b - 1);
      }
    }
  };
  // neighbours of higher index lie right of the last column or below the last row (below-left: first column)
  for (let row = tr0; row <= tr1; row++) { visit(tc1, row); if (tc0 !== tc1) visit(tc0, row); }
  for (let col = tc0 + 1; col < tc1; col++) visit(col, tr1);
  state.links[tile] = Int32Array.from(links);
}
