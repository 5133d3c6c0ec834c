import { describe, expect, it } from 'vitest';
import type { RoadmapCountyEntry, RoadmapIndex } from '../../../core/roadmap';
import { colourOfValue, figureClasses, figureOf, NO_VALUE_COLOUR, provinceStanding, rankCounties } from '../../../renderer/province/provinceFigures';

function county(code: string, per10k: number | null, costCny: number, met: (boolean | null)[], basis: 'from-zero' | 'operator-file' = 'from-zero'): RoadmapCountyEntry {
  const targets = met.map((isMet, i) => ({ id: (['outdoorPopulation', 'towns', 'keyPlaces', 'capacity'] as const)[i], kpis: [], isMet }));
  return {
    code, name: code, prefecture: 'p', isPilot: false, proposedPer10k: per10k, costPerResidentCny: null, sitesPer10kAfter: null,
    proposed: { macro: 1, micro: 0, indoor: 0, total: 1, costCny },
    network: { basis, existingSites: 0, plannedSites: 0 },
    after: { targets } as unknown as RoadmapCountyEntry['after'],
  } as unknown as RoadmapCountyEntry;
}

describe('province figures', () => {
  it('reads each figure of a county: per 10,000, cost in 万元, share of judged targets met', () => {
    const c = county('520102', 2.5, 3_000_000, [true, false, null, true]);
    expect(figureOf(c, 'per10k')).toBe(2.5);
    expect(figureOf(c, 'cost')).toBe(300);
    expect(figureOf(c, 'reached')).toBeCloseTo(2 / 3, 10);
    expect(figureOf(county('520103', null, 0, [null, null]), 'reached')).toBeNull();
  });

  it('classes by quantile, merges repeated breaks, and colours a missing value grey', () => {
    const classes = figureClasses([5, 1, 4, 2, 3, null, 10, 8, 6, 7], 'per10k');
    expect(classes.map((c) => c.min)).toEqual([1, 2, 4, 6, 8]);
    expect(classes[4].max).toBe(10); // 9 values: breaks at the 0th, 1st, 3rd, 5th and 7th
    expect(colourOfValue(9, classes)).toBe(classes[4].colour);
    expect(colourOfValue(1, classes)).toBe(classes[0].colour);
    expect(colourOfValue(null, classes)).toBe(NO_VALUE_COLOUR);
    expect(figureClasses([2, 2, 2], 'cost')).toHaveLength(1);
    expect(figureClasses([0.1, 0.9], 'reached').map((c) => c.min)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('ranks highest need first, least reached first, counties without the figure last', () => {
    const index = { counties: [county('1', 1, 100, [true]), county('2', 3, 50, [false]), county('3', null, 10, [null])] };
    expect(rankCounties(index, 'per10k').map((c) => c.code)).toEqual(['2', '1', '3']);
    expect(rankCounties(index, 'cost').map((c) => c.code)).toEqual(['1', '2', '3']);
    expect(rankCounties(index, 'reached').map((c) => c.code)).toEqual(['2', '1', '3']);
  });

  it('sets the province against the plan and says the network basis', () => {
    const province = { existingSites: 100, plannedSites: 20, sitesAfter: 40_000, planTargetBaseStations: 160_000 } as RoadmapIndex['province'];
    expect(provinceStanding({ province, counties: [county('1', 1, 1, []), county('2', 1, 1, [])] })).toEqual({ existing: 120, shareOfPlan: 0.25, basis: 'all-from-zero', fromZero: 2 });
    expect(provinceStanding({ province, counties: [county('1', 1, 1, []), county('2', 1, 1, [], 'operator-file')] }).basis).toBe('some-from-zero');
  });
});
