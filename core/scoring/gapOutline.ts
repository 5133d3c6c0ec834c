import { contours } from 'd3-contour';
import type { MultiPolygon } from 'geojson';
import { gapIdAt } from './gapIdAt';
import type { ScoringState } from './scoringState';
import { gapPieceCellTest, type GapPiece } from './splitGap';

/** Outlines are traced on at most this many mask cells, bigger gaps on a coarser grid: an outline is for the
 * map and is re-traced after every edit that touches its gap, so it must stay cheap (~ a few ms). */
const MAX_OUTLINE_CELLS = 40_000;

/**
 * The outline of a gap as a WGS-84 MultiPolygon: d3-contour's marching squares at 0.5 over the gap's
 * 0/1 mask (its box plus a one-cell margin, so every ring closes), mapped from cell coordinates to grid
 * metres and through the grid CRS to [lonDeg, latDeg]. A gap whose box exceeds 40,000 cells is traced on
 * blocks of f x f cells (a block is in the gap when any of its cells is), f the smallest that fits, so the
 * outline of a 1,000 km2 hole costs the same as a small one's. Computed on demand: only shown gaps need one.
 * Returns null for an unknown gap id.
 * @example gapOutline(state, report.gaps[0].id)?.coordinates.length
 */
export function gapOutline(state: ScoringState, gapId: number): MultiPolygon | null {
  const gap = state.gaps.get(gapId);
  if (!gap) return null;
  return traceOutline(state, gap.bbox, (i) => gapIdAt(state, i) === gapId);
}

/**
 * The outline of a piece of a gap (splitGap), traced as gapOutline traces a whole gap.
 * @example gapPieceOutline(state, splitGap(state, gap)[0])
 */
export function gapPieceOutline(state: ScoringState, piece: GapPiece): MultiPolygon {
  return traceOutline(state, piece.bbox, gapPieceCellTest(state, piece));
}

/** Marching squares over the cells of `bbox` for which `isIn` holds, to WGS-84 (see gapOutline). */
function traceOutline(state: ScoringState, bbox: readonly [number, number, number, number], isIn: (i: number) => boolean): MultiPolygon {
  const { cols, originXM, originYM, cellSizeM } = state.prep.grid;
  const [col0, row0, col1, row1] = bbox;
  const f = Math.max(1, Math.ceil(Math.sqrt(((col1 - col0 + 1) * (row1 - row0 + 1)) / MAX_OUTLINE_CELLS)));
  const w = Math.ceil((col1 - col0 + 1) / f) + 2;
  const h = Math.ceil((row1 - row0 + 1) / f) + 2;
  const mask = new Array<number>(w * h).fill(0);
  for (let row = row0; row <= row1; row++) {
    const m = (Math.floor((row - row0) / f) + 1) * w + 1;
    for (let col = col0; col <= col1; col++) if (isIn(row * cols + col)) mask[m + Math.floor((col - col0) / f)] = 1;
  }
  const [shape] = contours().size([w, h]).smooth(false).thresholds([0.5])(mask);
  const toLonLat = (p: number[]): [number, number] => {
    const ll = state.prep.toLonLat([originXM + (col0 + (p[0] - 1) * f) * cellSizeM, originYM - (row0 + (p[1] - 1) * f) * cellSizeM]);
    return [ll[0], ll[1]];
  };
  return { type: 'MultiPolygon', coordinates: shape.coordinates.map((poly) => poly.map((ring) => ring.map(toLonLat))) };
}
