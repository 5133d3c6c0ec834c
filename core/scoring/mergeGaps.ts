import type { Gap, GapFix, ScoringState, TilePiece } from './scoringState';

/**
 * Joins tile pieces into gaps with a union-find over the pieces and the links between tiles, and rebuilds
 * `state.gaps` with each gap's sums, fix and places. Work grows with the number of pieces and links, not
 * cells. Fix rule: 'indoor' when every cell meets its target's outdoor thresholds (it misses only
 * indoors); else 'micro' when the gap is at most settings.microMaxAreaM2 and mostly urban
 * (urbanShare >= 0.5); else 'macro'.
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
  const { cellSizeM, originXM, originYM } = prep.grid;
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
    let cellCount = 0, people = 0, weightedPeople = 0, urbanPeople = 0, urbanCells = 0, outdoorMisses = 0, sumCol = 0, sumRow = 0;
    let col0 = Infinity, row0 = Infinity, col1 = -1, row1 = -1;
    const ks = new Set<number>();
    for (const p of group) {
      cellCount += p.cellCount;
      people += p.people;
      weightedPeople += p.weightedPeople;
      urbanPeople += p.urbanPeople;
      urbanCells += p.urbanCells;
      outdoorMisses += p.outdoorMisses;
      sumCol += p.sumCol;
      sumRow += p.sumRow;
      col0 = Math.min(col0, p.col0);
      row0 = Math.min(row0, p.row0);
      col1 = Math.max(col1, p.col1);
      row1 = Math.max(row1, p.row1);
      for (const k of p.placeKs) ks.add(k);
    }
    const areaM2 = cellCount * cellSizeM * cellSizeM;
    const urbanShare = people > 0 ? urbanPeople / people : urbanCells / cellCount;
    const isIndoorOnly = outdoorMisses === 0;
    const fix: GapFix = isIndoorOnly ? 'indoor' : areaM2 <= prep.settings.microMaxAreaM2 && urbanShare >= 0.5 ? 'micro' : 'macro';
    const ll = prep.toLonLat([originXM + (sumCol / cellCount + 0.5) * cellSizeM, originYM - (sumRow / cellCount + 0.5) * cellSizeM]);
    gaps.set(firstCell, {
      id: firstCell,
      cellCount,
      areaM2,
      people,
      weightedPeople,
      urbanShare,
      isIndoorOnly,
      fix,
      centroidLonLat: [ll[0], ll[1]],
      bbox: [col0, row0, col1, row1],
      placeIds: [...ks].sort((a, b) => a - b).map((k) => prep.places[k].id),
    });
  });
  state.nodeBase = nodeBase;
  state.gapOfNode = rootOfNode.map((root) => gapOfRoot[root]);
  state.gaps = gaps;
  state.gapPieces = gapPieces;
}
