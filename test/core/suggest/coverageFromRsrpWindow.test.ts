import { describe, expect, it } from 'vitest';
import { coverageFromRsrpWindow, demandPerCell } from '../../../core/suggest';
import type { GridSpec } from '../../../core/grid';

const grid: GridSpec = { cols: 4, rows: 3, originXM: 0, originYM: 75, cellSizeM: 25, crs: '+proj=tmerc +units=m' };

describe('coverageFromRsrpWindow', () => {
  it('keeps cells where the best sector meets the target, inside the grid and not covered today', () => {
    // Window 3x2 at (col 2, row 1): its last column falls outside the grid.
    const w = { col0: 2, row0: 1, cols: 3, rows: 2 };
    const s1 = Float32Array.of(-100, -120, -90, NaN, -105, -80);
    const s2 = Float32Array.of(-130, -108, -130, -130, -130, -130);
    const covered = new Uint8Array(12);
    covered[2 * 4 + 3] = 1; // (col 3, row 2) already meets the target
    const c = coverageFromRsrpWindow(w, [s1, s2], -110, grid, covered, 'C1', 50_000);
    expect(Array.from(c.cellIndices)).toEqual([1 * 4 + 2, 1 * 4 + 3]);
    expect(c).toMatchObject({ candidateId: 'C1', costCny: 50_000 });
  });
  it('takes a per-cell threshold (indoor target plus O2I at deep-coverage places)', () => {
    const w = { col0: 0, row0: 0, cols: 2, rows: 1 };
    const threshold = new Float32Array(12).fill(-110);
    threshold[1] = -85;
    const c = coverageFromRsrpWindow(w, [Float32Array.of(-100, -100)], threshold, grid, new Uint8Array(12), 'C2', 1);
    expect(Array.from(c.cellIndices)).toEqual([0]);
  });
  it('names bad arguments', () => {
    const w = { col0: 0, row0: 0, cols: 2, rows: 1 };
    expect(() => coverageFromRsrpWindow(w, [new Float32Array(3)], -110, grid, new Uint8Array(12), 'x', 1)).toThrow(/rsrpDbm\[0\]/);
    expect(() => coverageFromRsrpWindow(w, [new Float32Array(2)], -110, grid, new Uint8Array(5), 'x', 1)).toThrow(/alreadyCovered/);
    expect(() => coverageFromRsrpWindow(w, [new Float32Array(2)], -110, grid, new Uint8Array(12), 'x', 0)).toThrow(/costCny/);
  });
});

describe('demandPerCell', () => {
  it('multiplies persons by place weight, NaN and negatives as 0', () => {
    expect(Array.from(demandPerCell(Float32Array.of(10, NaN, 4, -1), Float32Array.of(1, 1, 3, 1)))).toEqual([10, 0, 12, 0]);
    expect(() => demandPerCell(new Float32Array(2), new Float32Array(3))).toThrow(/placeWeight/);
  });
});
