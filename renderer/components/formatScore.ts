import type { Kpi } from '../../core/scoring';

/**
 * A KPI-style number for display: shares as percent with one decimal, per-10k figures with one decimal,
 * rates in whole Mbit/s; '–' for a missing value. Units are added by the caller's strings.
 * @example formatScore(0.8734, 'share') // '87.3'
 */
export function formatScore(value: number, unit: Kpi['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'share') return (value * 100).toFixed(1);
  if (unit === 'per10k') return value.toFixed(1);
  return value.toFixed(0);
}
