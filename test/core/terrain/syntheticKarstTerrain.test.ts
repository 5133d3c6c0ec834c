import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { syntheticKarstTerrain } from '../../../core/terrain';

const grid = gridForBoundsM([-5000, -5000, 5000, 5000], 25, makeLocalProjection(106.4, 27.8).proj4);

describe('syntheticKarstTerrain', () => {
  const a = syntheticKarstTerrain(grid, 42);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticKarstTerrain(grid, 42)).toEqual(a);
    const b = syntheticKarstTerrain(grid, 43);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
    expect(diff / a.length).toBeGreaterThan(20);
  });

  it('gives plateau heights with cone-karst relief: many peaks per km2, none NaN', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of a) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThan(200);
    expect(max).toBeLessThan(1600);
    expect(max - min).toBeGreaterThan(150);
    // local maxima over a 5x5 (125 m) window: cones at ~700 m spacing give on the order of 1-4 per km2
    let peaks = 0;
    for (let r = 2; r < grid.rows - 2; r++) {
      for (let c = 2; c < grid.cols - 2; c++) {
        const v = a[r * grid.cols + c];
        let top = true;
        for (let dr = -2; dr <= 2 && top; dr++) for (let dc = -2; dc <= 2; dc++) if ((dr || dc) && a[(r + dr) * grid.cols + c + dc] >= v) top = false;
        if (top) peaks++;
      }
    }
    const perKm2 = peaks / 100;
    expect(perKm2).toBeGreaterThan(0.5);
    expect(perKm2).toBeLessThan(10);
  });

  it('keeps the same landscape at another cell size (noise in metres)', () => {
    const coarse = syntheticKarstTerrain({ ...grid, cols: grid.cols / 4, rows: grid.rows / 4, cellSizeM: 100 }, 42);
    // coarse cell (10, 10) centre = fine cell centre between (41,41),(42,42): compare with their mean
    const fine = (a[41 * grid.cols + 41] + a[42 * grid.cols + 42] + a[41 * grid.cols + 42] + a[42 * grid.cols + 41]) / 4;
    expect(Math.abs(coarse[10 * (grid.cols / 4) + 10] - fine)).toBeLessThan(15);
  });
});
