import { describe, expect, it } from 'vitest';
import { fillVoids } from '../../../core/grid';

describe('fillVoids (pull-push)', () => {
  it('fills a large hole in a smooth surface close to the surface, keeping the valid cells', () => {
    const cols = 200;
    const rows = 150;
    const plane = (c: number, r: number) => 1000 + 2 * c - 1.5 * r;
    const values = new Float32Array(cols * rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[r * cols + c] = plane(c, r);
    const holed = values.slice();
    for (let r = 40; r < 100; r++) for (let c = 60; c < 150; c++) holed[r * cols + c] = NaN;
    holed[5] = NaN; // a lone void at the edge
    expect(fillVoids(holed, cols, rows)).toBe(60 * 90 + 1);
    let worst = 0;
    for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(holed[i] - values[i]));
    // the hole spans 90 cells and 225 m of relief: a smooth fill stays within a small part of it
    expect(worst).toBeLessThan(15); // 11.4 m measured: pull-push is smooth, not exact on a plane
    expect(holed[0]).toBe(values[0]);
    expect(holed.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('leaves rasters with no void or no valid cell alone', () => {
    const full = new Float32Array([1, 2, 3, 4]);
    expect(fillVoids(full, 2, 2)).toBe(0);
    const empty = new Float32Array(4).fill(NaN);
    expect(fillVoids(empty, 2, 2)).toBe(0);
    expect(empty.every(Number.isNaN)).toBe(true);
    expect(() => fillVoids(full, 3, 2)).toThrow(/values/);
  });
});
