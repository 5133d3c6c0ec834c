import { describe, expect, it } from 'vitest';
import { BUDGET_CLASSES, maxReachKm, opticalBudgetDb, splitSchemeLoss } from '../../../core/ftth';

describe('opticalBudgetDb', () => {
  it('reproduces the ftth.md §1 worked check: C+, 20 km, 1:4 x 1:16, 6 connectors, 4 splices = 31.6 dB', () => {
    const lossDb = opticalBudgetDb({ fibreKm: 20, scheme: '1:4x1:16', connectorCount: 6, spliceCount: 4 });
    expect(lossDb).toBeCloseTo(31.6, 6);
    expect(lossDb).toBeLessThanOrEqual(BUDGET_CLASSES['C+'].budgetDb);
    expect(lossDb).toBeGreaterThan(BUDGET_CLASSES['B+'].budgetDb);
  });

  it('sums each component separately', () => {
    const base = opticalBudgetDb({ fibreKm: 0, scheme: '1:32', connectorCount: 0, spliceCount: 0 });
    expect(base).toBeCloseTo(17, 6);
    expect(opticalBudgetDb({ fibreKm: 10, scheme: '1:32', connectorCount: 0, spliceCount: 0, fibreDbPerKm: 0.35 })).toBeCloseTo(20.5, 6);
    expect(opticalBudgetDb({ fibreKm: 0, scheme: '1:32', connectorCount: 2, connectorLossDb: 0.5, spliceCount: 3, marginDb: 1 })).toBeCloseTo(17 + 1 + 0.3 + 1, 6);
  });

  it('gives splitter loss and split ratio per scheme', () => {
    expect(splitSchemeLoss('1:4x1:16')).toEqual({ lossDb: expect.closeTo(20.8, 6), splitRatio: 64 });
    expect(splitSchemeLoss('1:8x1:8').splitRatio).toBe(64);
    expect(splitSchemeLoss('1:4x1:8')).toEqual({ lossDb: expect.closeTo(17.6, 6), splitRatio: 32 });
    expect(splitSchemeLoss('1:64').lossDb).toBeGreaterThanOrEqual(19.5);
    expect(splitSchemeLoss('1:64').lossDb).toBeLessThanOrEqual(21);
  });

  it('rejects bad arguments naming them', () => {
    expect(() => opticalBudgetDb({ fibreKm: -1, scheme: '1:64' })).toThrow(/fibreKm/);
    expect(() => opticalBudgetDb({ fibreKm: 1, scheme: '1:3' as never })).toThrow(/scheme/);
    expect(() => opticalBudgetDb({ fibreKm: 1, scheme: '1:64', spliceCount: -2 })).toThrow(/spliceCount/);
  });
});

describe('maxReachKm', () => {
  it('is the fibre length that uses up the budget', () => {
    // B+: (28 - 23.6) / 0.4 = 11 km
    expect(maxReachKm('B+', '1:4x1:16')).toBeCloseTo(11, 6);
    // N2: (31 - 23.6) / 0.4 = 18.5 km
    expect(maxReachKm('N2', '1:4x1:16')).toBeCloseTo(18.5, 6);
    const reach = maxReachKm('N1', '1:32');
    expect(opticalBudgetDb({ fibreKm: reach, scheme: '1:32' })).toBeCloseTo(29, 6);
  });

  it('is capped by the differential reach (GPON 20 km, XGS-PON 40 km)', () => {
    expect(maxReachKm('C+', '1:4x1:16')).toBe(20);
    expect(maxReachKm('C++', '1:32')).toBe(20);
    // E1 with 1:32: (33 - 19.8) / 0.4 = 33 km, under the 40 km cap
    expect(maxReachKm('E1', '1:32')).toBeCloseTo(33, 6);
  });

  it('is 0 when the fixed losses exceed the budget', () => {
    expect(maxReachKm('B+', '1:64', { marginDb: 10 })).toBe(0);
  });

  it('rejects an unknown class', () => {
    expect(() => maxReachKm('D' as never, '1:64')).toThrow(/budgetClass/);
  });
});
