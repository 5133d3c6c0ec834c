import { describe, expect, it } from 'vitest';
import { pearsonCorrelation } from '../../../core/stats';

describe('pearsonCorrelation', () => {
  it('is 1 / -1 on exact lines, about 0.9934 for (1,2),(2,4),(3,7), and counts only the pairs the mask keeps', () => {
    expect(pearsonCorrelation([1, 2, 3], [3, 5, 7])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3], [7, 5, 3])).toBeCloseTo(-1, 12);
    expect(pearsonCorrelation([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 12);
    expect(pearsonCorrelation([1, 2, 3, 100], [2, 4, 7, -50], [1, 1, 1, 0])).toBeCloseTo(pearsonCorrelation([1, 2, 3], [2, 4, 7]), 12);
    expect(pearsonCorrelation([1, 1], [2, 3])).toBeNaN();
    expect(() => pearsonCorrelation([1], [1, 2])).toThrow(RangeError);
  });
});
