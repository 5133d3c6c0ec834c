import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { cellCentreLonLat, cellCentreXM, cellCentreYM, gridForBoundsM } from '../../../core/grid';

describe('cellCentreLonLat', () => {
  it('is the WGS-84 position of the cell centre, as the grid projection gives it back', () => {
    const projection = makeLocalProjection(104.25, 26.88);
    const grid = gridForBoundsM([-5000, -4000, 5000, 4000], 50, projection.proj4);
    for (const [col, row] of [[0, 0], [grid.cols - 1, grid.rows - 1], [grid.cols >> 1, grid.rows >> 1]]) {
      const [lonDeg, latDeg] = cellCentreLonLat(grid, row * grid.cols + col);
      const [xM, yM] = projection.forward([lonDeg, latDeg]);
      expect(xM).toBeCloseTo(cellCentreXM(grid, col), 3);
      expect(yM).toBeCloseTo(cellCentreYM(grid, row), 3);
    }
  });
});
