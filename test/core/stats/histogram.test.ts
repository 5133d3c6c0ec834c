import { describe, expect, it } from 'vitest';
import { histogram } from '../../../core/stats';

describe('histogram', () => {
  it('bins values, skipping NaN, clamping the ends', () => {
    const h = histogram(Float32Array.of(-130, -100, -95, -90, NaN, -50, Infinity), -120, -60, 10);
    expect(h.binStarts).toEqual([-120, -110, -100, -90, -80, -70]);
    expect(h.counts).toEqual([1, 0, 2, 1, 0, 1]);
    expect(h.total).toBe(5);
  });
  it('weights values (people per cell) and ignores zero weights', () => {
    const h = histogram([-100, -100, -80], -120, -60, 20, { weights: [10, 0, 2.5] });
    expect(h.counts).toEqual([0, 10, 2.5]);
    expect(h.total).toBe(12.5);
  });
  it('names the bad argument', () => {
    expect(() => histogram([], 0, 0, 1)).toThrow(/minValue < maxValue/);
    expect(() => histogram([], 0, 1, 0)).toThrow(/binWidth/);
    expect(() => histogram([1], 0, 1, 1, { weights: [] })).toThrow(/weights/);
  });
});
