import { gapOfPieces } from './gapOfPieces';
import type { Gap, ScoringState, TilePiece } from './scoringState';

/**
 * Joins tile pieces into gaps with a union-find over the pieces and the links between tiles, and rebuilds
 * `state.gaps` with each gap's sums, fix and places (gapOfPieces). Work grows with the number of pieces and
 * links, not cells.
 * @example mergeGaps(state); [...state.gaps.values()]
 */
export function mergeGaps(state: ScoringState): void {
  const { pieces, links, prep } = state;
  const tiles = pieces.length;
  const nodeBase = new Int32Array(tiles + 1);
  for (let t = 0; t < tiles; t++) nodeBase[t + 1] = nodeBase[t] + pieces[t].length;
  const nodes = nodeBase[tiles];
  const parent = new Int32Array(nodes);
  for (let k = 0; k < nodes; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) { parent[k] = parent[parent[k]]; k = parent[k]; }
    return k;
  };
  for (let t = 0; t < tiles; t++) {
    const l = links[t];
    for (let m = 0; m < l.length; m += 3) {
      const a = find(nodeBase[t] + l[m]);
      const b = find(nodeBase[l[m + 1]] + l[m + 2]);
      // the smaller node is the root, so roots come first in tile order
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  const groups: TilePiece[][] = [];
  const rootOfNode = new Int32Array(nodes);
  for (let t = 0; t < tiles; t++) {
    for (let k = 0; k < pieces[t].length; k++) {
      const root = find(nodeBase[t] + k);
      rootOfNode[nodeBase[t] + k] = root;
      (groups[root] ??= []).push(pieces[t][k]);
    }
  }
  const gaps = new Map<number, Gap>();
  const gapPieces = new Map<number, TilePiece[]>();
  const gapOfRoot = new Int32Array(nodes);
  groups.forEach((group, root) => {
    // a gap made of the very same pieces as before is the same gap: keep it (pieces of tiles no edit touched)
    const firstCell = group.reduce((m, p) => Math.min(m, p.firstCell), Infinity);
    gapOfRoot[root] = firstCell;
    gapPieces.set(firstCell, group);
    const before = state.gapPieces.get(firstCell);
    if (before && before.length === group.length && before.every((p, k) => p === group[k])) {
      gaps.set(firstCell, state.gaps.get(firstCell)!);
      return;
    }
    gaps.set(firstCell, gapOfPieces(prep, firstCell, group));
  });
  state.nodeBase = nodeBase;
  state.gapOfNode = rootOfNode.map((root) => gapOfRoot[root]);
  state.gaps = gaps;
  state.gapPieces = gapPieces;
}
