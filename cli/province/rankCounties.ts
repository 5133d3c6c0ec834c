import type { CountyResult } from './types';

/** A county's place in the province ranking. */
export interface CountyRank {
  code: string;
  /** mean KPI attainment, 0..1; null when no KPI has a value */
  composite: number | null;
  /** KPIs that had a value and entered the mean */
  kpisCounted: number;
  /** 1 = best; equal composites share a rank (1, 1, 3); counties without a composite come last */
  rank: number;
}

/** How the composite is computed, for the summary's method sheet and --help. */
export const COMPOSITE_METHOD =
  'composite = mean over the KPIs that have a value of min(1, value / target) (attainment, capped at 1 so a ' +
  'surplus on one KPI cannot hide a shortfall on another); KPIs marked n/a are left out and the number counted is ' +
  'shown; rank 1 = highest composite, equal composites share a rank, counties without any KPI value rank last. ' +
  'Every KPI weighs the same: a tool convention [EST], not a published index.';

/**
 * Ranks counties by the composite of COMPOSITE_METHOD. Returns one entry per result, in the results' order.
 * @example rankCounties(results).find((r) => r.code === '520382')?.rank
 */
export function rankCounties(results: readonly CountyResult[]): CountyRank[] {
  const ranks = results.map((r): CountyRank => {
    const attained = r.kpis.filter((k) => k.value !== null && k.target > 0).map((k) => Math.min(1, k.value! / k.target));
    const composite = attained.length ? attained.reduce((a, b) => a + b, 0) / attained.length : null;
    return { code: r.code, composite, kpisCounted: attained.length, rank: 0 };
  });
  const sorted = [...ranks].sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1));
  sorted.forEach((r, k) => {
    const prev = sorted[k - 1];
    r.rank = prev && prev.composite === r.composite ? prev.rank : k + 1;
  });
  return ranks;
}
