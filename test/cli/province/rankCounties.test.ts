import { describe, expect, it } from 'vitest';
import { rankCounties } from '../../../cli/province/rankCounties';
import type { CountyKpi, CountyResult } from '../../../cli/province/types';

function county(code: string, kpis: [number | null, number][]): CountyResult {
  return { code, kpis: kpis.map(([value, target], i) => ({ id: `k${i}`, value, target }) as unknown as CountyKpi) } as CountyResult;
}

describe('rankCounties', () => {
  it('averages capped attainment over the KPIs with a value; equal composites share a rank; none ranks last', () => {
    const ranks = rankCounties([
      county('A', [[0.5, 1], [200, 100]]), // min(1, 0.5) and min(1, 2) -> 0.75
      county('B', [[0.9, 1], [null, 100]]), // n/a left out -> 0.9 over 1 KPI
      county('C', [[1.5, 2], [0.75, 1]]), // 0.75
      county('D', [[null, 1]]),
    ]);
    expect(ranks.map((r) => [r.code, r.composite, r.kpisCounted, r.rank])).toEqual([
      ['A', 0.75, 2, 2],
      ['B', 0.9, 1, 1],
      ['C', 0.75, 2, 2],
      ['D', null, 0, 4],
    ]);
  });
});
