import type { Kpi, KpiId, PlaceScore } from '../scoring';

/**
 * The county targets a roadmap works towards (智慧黔城 2025, plan.md): outdoor population coverage; the
 * cities and towns (城市和乡镇全面覆盖); the priority places' deep coverage (重点场所深度覆盖); and capacity.
 */
export type RoadmapTargetId = 'outdoorPopulation' | 'towns' | 'keyPlaces' | 'capacity';
export const ROADMAP_TARGET_IDS: readonly RoadmapTargetId[] = ['outdoorPopulation', 'towns', 'keyPlaces', 'capacity'];

/**
 * The KPIs each target is judged by. Towns: urban population coverage (cells of at least 1,500 persons/km²,
 * the scoring settings' urban rule) together with every township place (乡镇 category) meeting its target; the
 * reference data locates no town seats, so the dense cells stand for the towns (a proxy, said in the outputs).
 */
export const ROADMAP_TARGET_KPIS: Record<RoadmapTargetId, readonly KpiId[]> = {
  outdoorPopulation: ['popCoverageOutdoor'],
  towns: ['popCoverageUrban'],
  keyPlaces: ['keyPlaceReach'],
  capacity: ['capacityDemandShare'],
};

/** A target judged on a report. */
export interface TargetState {
  id: RoadmapTargetId;
  /** the KPI values (null when the KPI has no input, e.g. no urban cells) and their targets */
  kpis: { id: KpiId; value: number | null; target: number }[];
  /** township places missing their target (towns only) */
  townshipsUnmet?: number;
  /** null: not applicable (every KPI without a value and, for towns, no township place) */
  isMet: boolean | null;
}

/**
 * Judges the roadmap targets on a report's KPIs and places: a target is met when each of its KPIs with a value
 * is at or above its target (and, for towns, every township place is met); not applicable when none of its
 * KPIs has a value.
 * @example judgeTargets(evaluator.kpisNow()).filter((t) => t.isMet === false)
 */
export function judgeTargets(report: { kpis: readonly Kpi[]; places: readonly PlaceScore[] }): TargetState[] {
  const byId = new Map(report.kpis.map((k) => [k.id, k]));
  return ROADMAP_TARGET_IDS.map((id): TargetState => {
    const kpis = ROADMAP_TARGET_KPIS[id].map((kid) => {
      const k = byId.get(kid);
      const value = k && Number.isFinite(k.value) ? k.value : null;
      return { id: kid, value, target: k?.target ?? NaN };
    });
    const valued = kpis.filter((k) => k.value !== null);
    let isMet: boolean | null = valued.length ? valued.every((k) => k.value! >= k.target - 1e-12) : null;
    const state: TargetState = { id, kpis, isMet };
    if (id === 'towns') {
      const townships = report.places.filter((p) => p.category === 'township');
      state.townshipsUnmet = townships.filter((p) => !p.isMet).length;
      if (townships.length > 0) isMet = (isMet ?? true) && state.townshipsUnmet === 0;
      state.isMet = isMet;
    }
    return state;
  });
}

/** True when no target is judged unmet. */
export function allTargetsMet(states: readonly TargetState[]): boolean {
  return states.every((t) => t.isMet !== false);
}
