import { describe, expect, it } from 'vitest';
import { errorByGroup, scorePredictions } from '../../../core/calibration';

describe('errorByGroup', () => {
  it('splits the squared error into the groups\' mean errors and the scatter about them, skipping masked and missing pairs', () => {
    const predicted = [-100, -104, -90, -80, NaN];
    const measured = [-102, -102, -95, -70, -99];
    const group = [0, 0, 1, 1, 1];
    const mask = [1, 1, 1, 0, 1];
    const s = errorByGroup(predicted, measured, group, mask);
    expect(s.count).toBe(3);
    expect([...s.groupMeanErrorDb]).toEqual([[0, 0], [1, 5]]);
    expect(s.withinGroupDb).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.betweenGroupDb).toBeCloseTo(Math.sqrt(25 / 3), 12);
    const rmse = scorePredictions(predicted, measured, { mask }).rmseDb;
    expect(s.betweenGroupDb ** 2 + s.withinGroupDb ** 2).toBeCloseTo(rmse ** 2, 10);
    expect(() => errorByGroup([1], [1, 2], [0, 0])).toThrow(RangeError);
  });
});
