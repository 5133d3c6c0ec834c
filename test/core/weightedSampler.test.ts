import { describe, expect, it } from 'vitest';
import { mulberry32, weightedSampler } from '../../core/random';

describe('weightedSampler', () => {
  it('draws indices in proportion to their weights, never a zero, negative or NaN one, the same on every run', () => {
    const weights = [0, 1, -5, 3, NaN, 6];
    const draw = weightedSampler(weights, mulberry32(3));
    const counts = new Array(weights.length).fill(0);
    for (let k = 0; k < 20_000; k++) counts[draw()]++;
    expect([counts[0], counts[2], counts[4]]).toEqual([0, 0, 0]);
    expect(counts[1] / 20_000).toBeCloseTo(0.1, 1);
    expect(counts[3] / 20_000).toBeCloseTo(0.3, 1);
    expect(counts[5] / 20_000).toBeCloseTo(0.6, 1);
    const again = weightedSampler(weights, mulberry32(3));
    const first = weightedSampler(weights, mulberry32(3));
    expect(Array.from({ length: 50 }, again)).toEqual(Array.from({ length: 50 }, first));
    expect(() => weightedSampler([0, -1], mulberry32(1))).toThrow(RangeError);
  });
});
