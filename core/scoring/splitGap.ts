import { gapLocation, type GapLocation } from './gapLocation';
import { gapOfPieces } from './gapOfPieces';
import { GAP_TILE, type Gap, type ScoringState, type TilePiece } from './scoringState';

/**
 * A gap as the planner acts on it: a whole uncovered region when it is at most settings.gapPieceMaxAreaM2
 * (about one macro site's service area), else one piece of it. `id` is the piece's smallest cell index
 * (the region's id when it is whole).
 */
export interface GapPiece extends Gap {
  /** id of the connected region the piece belongs to (Gap.id) */
  regionId: number;
  regionAreaM2: number;
  /** pieces the region was split into (1 = whole) */
  pieceCount: number;
  /** share of the piece's cells that no site reaches (no service), 0..1 */
  noServiceShare: number;
  /** named by the nearest landmark: '县城东北 12 km'; undefined without a seat or places */
  location?: GapLocation;
}

/** Pieces per gap object: a gap mergeGaps kept (same object) keeps its pieces, so only changed gaps are split again. */
const piecesOfGap = new WeakMap<Gap, GapPiece[]>();
/** The tile pieces behind each piece, for its outline. */
const tilePiecesOf = new WeakMap<GapPiece, readonly TilePiece[]>();

/**
 * The pieces of a gap: the gap itself when it is at most settings.gapPieceMaxAreaM2, else compact pieces of
 * at most about that size. Method: recursive bisection of the gap's tile pieces (its parts in each 64 x 64
 * cell tile, GAP_TILE) along the longer axis of their centres, into ceil(area / max) pieces of about equal
 * size (k-d splitting; Bentley 1975). Tile pieces are not cut, so a piece can exceed the maximum by part of a
 * tile, and a piece need not be connected on its own. Each piece has its
 * sums, fix and places (gapOfPieces) and is named by the nearest landmark (gapLocation). Cached by gap object.
 * @example for (const piece of splitGap(state, gap)) console.log(piece.location?.zh, piece.areaM2);
 */
export function splitGap(state: ScoringState, gap: Gap): GapPiece[] {
  const cached = piecesOfGap.get(gap);
  if (cached) return cached;
  const { prep } = state;
  const { cellSizeM, originXM, originYM } = prep.grid;
  const group = state.gapPieces.get(gap.id) ?? [];
  const maxCells = Math.max(1, Math.floor(prep.settings.gapPieceMaxAreaM2 / (cellSizeM * cellSizeM)));
  const parts = gap.cellCount > maxCells && group.length > 1 ? bisect(group, Math.ceil(gap.cellCount / maxCells)) : [group];
  const pieces = parts.map((part): GapPiece => {
    const id = part.reduce((m, p) => Math.min(m, p.firstCell), Infinity);
    const sums = parts.length === 1 ? gap : gapOfPieces(prep, id, part);
    let sumCol = 0, sumRow = 0;
    for (const p of part) { sumCol += p.sumCol; sumRow += p.sumRow; }
    const xM = originXM + (sumCol / sums.cellCount + 0.5) * cellSizeM;
    const yM = originYM - (sumRow / sums.cellCount + 0.5) * cellSizeM;
    // one literal shape for every piece: reports copy thousands of them per edit
    const piece: GapPiece = {
      id: parts.length === 1 ? gap.id : id, cellCount: sums.cellCount, areaM2: sums.areaM2, people: sums.people,
      weightedPeople: sums.weightedPeople, urbanShare: sums.urbanShare, isIndoorOnly: sums.isIndoorOnly, fix: sums.fix,
      centroidLonLat: sums.centroidLonLat, bbox: sums.bbox, placeIds: sums.placeIds, noServiceCells: sums.noServiceCells,
      regionId: gap.id, regionAreaM2: gap.areaM2, pieceCount: parts.length, noServiceShare: sums.noServiceCells / sums.cellCount,
      location: gapLocation(prep.landmarks, xM, yM),
    };
    tilePiecesOf.set(piece, part);
    return piece;
  });
  piecesOfGap.set(gap, pieces);
  return pieces;
}

/**
 * Splits tile pieces into `count` groups of about equal cell count: cut along the longer axis of the pieces'
 * centres where the share of cells on the near side comes closest to floor(count / 2) / count, and recurse.
 * The pieces are sorted by each axis once; each cut partitions both orders in linear time (as a k-d tree is
 * built from presorted lists), so a 1,000 km2 gap of some 400 tile pieces splits in well under a millisecond.
 */
function bisect(group: readonly TilePiece[], count: number): TilePiece[][] {
  const n = group.length;
  const cx = Float64Array.from(group, (p) => p.sumCol / p.cellCount);
  const cy = Float64Array.from(group, (p) => p.sumRow / p.cellCount);
  const byX = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => cx[a] - cx[b] || group[a].firstCell - group[b].firstCell);
  const byY = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => cy[a] - cy[b] || group[a].firstCell - group[b].firstCell);
  const isNear = new Uint8Array(n);
  const out: TilePiece[][] = [];
  // [from, to) of byX and byY hold the same pieces, each sorted by its axis
  const split = (from: number, to: number, parts: number) => {
    if (parts <= 1 || to - from <= 1) {
      out.push(Array.from(byX.subarray(from, to), (k) => group[k]));
      return;
    }
    const alongX = cx[byX[to - 1]] - cx[byX[from]] >= cy[byY[to - 1]] - cy[byY[from]];
    const [order, other] = alongX ? [byX, byY] : [byY, byX];
    let total = 0;
    for (let j = from; j < to; j++) total += group[order[j]].cellCount;
    const left = Math.floor(parts / 2);
    const cut = (total * left) / parts;
    let mid = from + 1;
    let acc = group[order[from]].cellCount;
    while (mid < to - 1 && Math.abs(acc + group[order[mid]].cellCount - cut) < Math.abs(acc - cut)) acc += group[order[mid++]].cellCount;
    for (let j = from; j < to; j++) isNear[order[j]] = j < mid ? 1 : 0;
    // stable partition of the other order: near pieces first, each side still sorted
    const near: number[] = [];
    const far: number[] = [];
    for (let j = from; j < to; j++) (isNear[other[j]] ? near : far).push(other[j]);
    other.set(near, from);
    other.set(far, from + near.length);
    split(from, mid, left);
    split(mid, to, parts - left);
  };
  split(0, n, count);
  return out;
}

/**
 * Whether cell `i` lies in `piece`, for tracing its outline: the cell's tile piece is one of the piece's.
 * Returns a test built once per piece.
 * @example const isIn = gapPieceCellTest(state, piece); isIn(row * cols + col)
 */
export function gapPieceCellTest(state: ScoringState, piece: GapPiece): (i: number) => boolean {
  const { cols } = state.prep.grid;
  const tileOf = (i: number) => {
    const col = i % cols;
    return Math.floor((i - col) / cols / GAP_TILE) * state.tilesX + Math.floor(col / GAP_TILE);
  };
  const keys = new Set<number>();
  for (const p of tilePiecesOf.get(piece) ?? []) keys.add(tileOf(p.firstCell) * 65536 + state.pieceOfCell[p.firstCell]);
  return (i) => {
    const label = state.pieceOfCell[i];
    return label !== 0 && keys.has(tileOf(i) * 65536 + label);
  };
}
