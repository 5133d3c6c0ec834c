import type { GridSpec } from '../grid/gridSpec';
import type { GigabitReach } from './gigabitReach';
import type { HouseholdSet } from './households';

/**
 * Households without gigabit fibre per grid cell (the map's "uncovered households" layer): the sum over
 * household entries that no 10G-PON OLT reaches within the optical budget; NaN where there are none, so the
 * map leaves those cells clear. Entries outside the grid are skipped.
 * @example uncoveredHouseholdsPerCell(project.grid, fibre.households, fibre.reach)
 */
export function uncoveredHouseholdsPerCell(grid: GridSpec, households: HouseholdSet, reach: GigabitReach): Float32Array {
  if (reach.isGigabit.length !== households.households.length) {
    throw new RangeError(`reach must have one entry per household entry (${households.households.length}), got ${reach.isGigabit.length}`);
  }
  const out = new Float32Array(grid.cols * grid.rows).fill(NaN);
  for (let i = 0; i < households.households.length; i++) {
    const cell = households.cellIndex[i];
    if (cell < 0 || reach.isGigabit[i] === 1) continue;
    out[cell] = (Number.isNaN(out[cell]) ? 0 : out[cell]) + households.households[i];
  }
  return out;
}
