import type { KpiTarget } from './settings';

/**
 * Red/amber/green for a KPI whose value should be at least its target (see {@link KpiTarget}); 'none' when
 * the value is not a number (no input).
 * @example kpiStatus(0.86, { target: 0.95, provenance: { cites: [] } }) // 'amber' (0.86 >= 0.9 x 0.95)
 */
export function kpiStatus(value: number, t: KpiTarget): 'green' | 'amber' | 'red' | 'none' {
  if (!Number.isFinite(value)) return 'none';
  if (value >= t.target) return 'green';
  return value >= (t.amberFrom ?? 0.9 * t.target) ? 'amber' : 'red';
}
