import { describe, expect, it } from 'vitest';
import type { GridSpec } from '../../../core/grid';
import { uncoveredHouseholdsPerCell, type GigabitReach, type HouseholdSet } from '../../../core/ftth';

const grid: GridSpec = { cols: 2, rows: 2, originXM: 0, originYM: 50, cellSizeM: 25, crs: '+proj=tmerc +units=m' };

describe('uncoveredHouseholdsPerCell', () => {
  it('sums the households no 10G-PON OLT reaches per cell and leaves other cells NaN', () => {
    const households = {
      source: 'points', xM: new Float64Array(4), yM: new Float64Array(4),
      households: Float64Array.from([3, 2, 5, 7]), cellIndex: Int32Array.from([0, 0, 1, -1]), isUrban: new Uint8Array(4),
    } as HouseholdSet;
    const reach = { isGigabit: Uint8Array.from([0, 0, 1, 0]) } as GigabitReach;
    const out = uncoveredHouseholdsPerCell(grid, households, reach);
    expect(out[0]).toBe(5); // 3 + 2 uncovered in cell 0
    expect(out[1]).toBeNaN(); // the 5 households of cell 1 are gigabit-capable
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeNaN(); // the entry outside the grid is skipped
  });
});
