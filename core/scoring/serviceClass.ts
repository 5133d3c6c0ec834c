import type { ScoringState } from './scoringState';

/**
 * Classes of the service map, one per grid cell: no service (no site reaches the cell: beyond every site's
 * range, or no site at all) is its own class, apart from poor coverage (a site reaches the cell but misses the
 * cell's target), so the map can draw it with its own legend entry rather than leave it blank.
 */
export const SERVICE_CLASS = { outsideCounty: 0, noService: 1, belowTarget: 2, meetsTarget: 3 } as const;
export type ServiceClass = (typeof SERVICE_CLASS)[keyof typeof SERVICE_CLASS];

/**
 * The service class of every grid cell (SERVICE_CLASS) from a scoring state, row-major like the grid; kept
 * current by updateScoring, so call it again (with `out` to reuse the buffer) after edits, or read one cell
 * with serviceClassAt.
 * @example const classes = serviceClassRaster(state); classes[i] === SERVICE_CLASS.noService
 */
export function serviceClassRaster(state: ScoringState, out = new Uint8Array(state.status.length)): Uint8Array {
  if (out.length !== state.status.length) throw new RangeError(`out must have ${state.status.length} cells, got ${out.length}`);
  const { status } = state;
  const { inCounty } = state.prep;
  for (let i = 0; i < status.length; i++) {
    const s = status[i];
    out[i] = inCounty[i] === 0 ? 0 : s & 16 ? 1 : s & 4 ? 3 : 2;
  }
  return out;
}

/**
 * The service class of cell `i` (row * cols + col).
 * @example serviceClassAt(state, row * grid.cols + col) // 1 = no service
 */
export function serviceClassAt(state: ScoringState, i: number): ServiceClass {
  const s = state.status[i];
  return state.prep.inCounty[i] === 0 ? 0 : s & 16 ? 1 : s & 4 ? 3 : 2;
}
