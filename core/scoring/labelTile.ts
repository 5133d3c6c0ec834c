import { GAP_TILE, type ScoringState, type TilePiece } from './scoringState';

/**
 * Finds the gap pieces of one tile: 8-connected flood fills, inside the tile only, over county cells that
 * miss their target, each piece with its sums and the places it touches. 8-connectivity because a hole
 * that continues through a cell corner (a diagonal terrain shadow) is one hole to a planner. Pieces of neighbouring tiles are
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
  const weightOf = Float64Array.from(targets, (t) => t.weight);
  const pieces: TilePiece[] = [];
  for (let row = tr0; row < tr1; row++) {
    for (let seed = row * cols + tc0, end = row * cols + tc1; seed < end; seed++) {
      if (pieceOfCell[seed] !== 0 || inCounty[seed] === 0 || (status[seed] & 4) !== 0) continue;
      const label = pieces.length + 1;
      // sums in locals, written once: this loop visits every gap cell under an edit
      let cellCount = 0, people = 0, weightedPeople = 0, urbanPeople = 0, urbanCells = 0, outdoorMisses = 0, interferenceMisses = 0, noServiceCells = 0, sumCol = 0, sumRow = 0;
      let col0 = cols, row0 = rows, col1 = -1, row1 = -1, firstCell = seed;
      let top = 0;
      stack[top++] = seed;
      pieceOfCell[seed] = label;
      while (top > 0) {
        const i = stack[--top];
        const col = i % cols;
        const r = (i - col) / cols;
        const p = pop[i];
        cellCount++;
        people += p;
        weightedPeople += p * weightOf[targetIndex[i]];
        if (densityClass[i] === 2) { urbanPeople += p; urbanCells++; }
        if ((status[i] & 8) === 0) outdoorMisses++;
        if ((status[i] & 32) !== 0) interferenceMisses++;
        if ((status[i] & 16) !== 0) noServiceCells++;
        sumCol += col;
        sumRow += r;
        if (col < col0) col0 = col;
        if (col > col1) col1 = col;
        if (r < row0) row0 = r;
        if (r > row1) row1 = r;
        if (i < firstCell) firstCell = i;
        const ra = r > tr0 ? r - 1 : r;
        const rb = r < tr1 - 1 ? r + 1 : r;
        const ca = col > tc0 ? col - 1 : col;
        const cb = col < tc1 - 1 ? col + 1 : col;
        for (let rr = ra; rr <= rb; rr++) {
          for (let j = rr * cols + ca, jEnd = rr * cols + cb; j <= jEnd; j++) {
            if (pieceOfCell[j] === 0 && inCounty[j] === 1 && (status[j] & 4) === 0) {
              pieceOfCell[j] = label;
              stack[top++] = j;
            }
          }
        }
      }
      pieces.push({ cellCount, people, weightedPeople, urbanPeople, urbanCells, outdoorMisses, interferenceMisses, noServiceCells, sumCol, sumRow, col0, row0, col1, row1, firstCell, placeKs: [] });
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
