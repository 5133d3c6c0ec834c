import { contours } from 'd3-contour';
import type { MultiPolygon } from 'geojson';
import type { ScoringState } from './scoringState';

/**
 * The outline of a gap as a WGS-84 MultiPolygon: d3-contour's marching squares at 0.5 over the gap's
 * 0/1 mask (its box plus a one-cell margin, so every ring closes), mapped from cell coordinates to grid
 * metres and through the grid CRS to [lonDeg, latDeg]. Computed on demand: only shown gaps need one.
 * Returns null for an unknown gap id.
 * @example gapOutline(state, report.gaps[0].id)?.coordinates.length
 */
export function gapOutline(state: ScoringState, gapId: number): MultiPolygon | null {
  const gap = state.gaps.get(gapId);
  if (!gap) return null;
  const { cols, originXM, originYM, cellSizeM } = state.prep.grid;
  const [col0, row0, col1, row1] = gap.bbox;
  const w = col1 - col0 + 3;
  const h = row1 - row0 + 3;
  const mask = new Float64Array(w * h);
  for (let row = row0; row <= row1; row++) {
    for (let col = col0; col <= col1; col++) if (state.labels[row * cols + col] === gapId) mask[(row - row0 + 1) * w + (col - col0 + 1)] = 1;
  }
  const [shape] = contours().size([w, h]).smooth(false).thresholds([0.5])(Array.from(mask));
  const toLonLat = (p: number[]): [number, number] => {
    const ll = state.prep.toLonLat([originXM + (col0 - 1 + p[0]) * cellSizeM, originYM - (row0 - 1 + p[1]) * cellSizeM]);
    return [ll[0], ll[1]];
  };
  return { type: 'MultiPolygon', coordinates: shape.coordinates.map((poly) => poly.map((ring) => ring.map(toLonLat))) };
}
