import { GAP_TILE, type ScoringState, type TilePiece } from './scoringState';

/**
 * Finds the gap pieces of one tile: 8-connected flood fills, inside the tile only, over county cells that
 * miss their target, each piece with its sums and the places it touches. Pieces of neighbouring tiles are
 * joined by linkTile and mergeGaps; splitting the work by tile is what lets an edit redo only the tiles
 * under its window, however large the gap it cuts.
 * @example for (let t = 0; t < state.tilesX * state.tilesY; t++) labelTile(state, t);
 */
export function labelTile(state: ScoringState, tile: number): void {
  const { prep, status, pieceOfCell, stack } = state;
  const { inCounty, populationPerCell: pop, densityClass, targetIndex, targets } = prep;
  const { cols, rows } = prep.grid;
  const tc0 = (tile % state.tilesX) * GAP_TILE;
  const tr0 = Math.floor(tile / state.tilesX) * GAP_TILE;
  const tc1 = Math.min(cols, tc0 + GAP_TILE);
  const tr1 = Math.min(rows, tr0 + GAP_TILE);
  for (let row = tr0; row < tr1; row++) pieceOfCell.fill(0, row * cols + tc0, row * cols + tc1);
  const pieces: TilePiece[] = [];
  for (let row = tr0; row < tr1; row++) {
    for (let seed = row * cols + tc0, end = row * cols + tc1; seed < end; seed++) {
      if (pieceOfCell[seed] !== 0 || inCounty[seed] === 0 || (status[seed] & 4) !== 0) continue;
      const label = pieces.length + 1;
      const piece: TilePiece = {
        cellCount: 0, people: 0, weightedPeople: 0, urbanPeople: 0, urbanCells: 0, outdoorMisses: 0,
        sumCol: 0, sumRow: 0, col0: cols, row0: rows, col1: -1, row1: -1, firstCell: seed, placeKs: [],
      };
      pieces.push(piece);
      let top = 0;
      stack[top++] = seed;
      pieceOfCell[seed] = label;
      while (top > 0) {
        const i = stack[--top];
        const col = i % cols;
        const r = (i - col) / cols;
        const p = pop[i];
        piece.cellCount++;
        piece.people += p;
        piece.weightedPeople += p * targets[targetIndex[i]].weight;
        if (densityClass[i] === 2) { piece.urbanPeople += p; piece.urbanCells++; }
        if ((status[i] & 8) === 0) piece.outdoorMisses++;
        piece.sumCol += col;
        piece.sumRow += r;
        if (col < piece.col0) piece.col0 = col;
        if (col > piece.col1) piece.col1 = col;
        if (r < piece.row0) piece.row0 = r;
        if (r > piece.row1) piece.row1 = r;
        if (i < piece.firstCell) piece.firstCell = i;
        for (let rr = Math.max(tr0, r - 1); rr <= Math.min(tr1 - 1, r + 1); rr++) {
          for (let cc = Math.max(tc0, col - 1); cc <= Math.min(tc1 - 1, col + 1); cc++) {
            const j = rr * cols + cc;
            if (pieceOfCell[j] === 0 && inCounty[j] === 1 && (status[j] & 4) === 0) {
              pieceOfCell[j] = label;
              stack[top++] = j;
            }
          }
        }
      }
    }
  }
  const pairs = state.tilePlaceCells[tile];
  for (let m = 0; m < pairs.length; m += 2) {
    const label = pieceOfCell[pairs[m + 1]];
    if (label === 0) continue;
    const ks = pieces[label - 1].placeKs;
    // pairs are grouped by place, so a repeat is always the last entry
    if (ks[ks.length - 1] !== pairs[m]) ks.push(pairs[m]);
  }
  state.pieces[tile] = pieces;
}
