import type { BuildMethod, SiteKind } from '../model';

/**
 * Default build cost per site when a site carries no cost of its own, CNY. All are estimates from
 * ../shared/reference/ftth.md section 4 (marked [EST] there); a project cost table replaces them.
 * - macro, new tower: 625,000 (Guizhou 2019-2022 planned capex / base stations, "incl. everything" [EST derived])
 * - macro, shared tower / rooftop / smart pole: 325,000 (midpoint of "64T64R on an existing 铁塔 site" 250k-400k [EST])
 * - micro: 50,000 ("use ¥50k installed" [EST])
 * - indoor: 92,000 (8 pRRU heads x 11,500, the midpoint of ¥8k-15k per head installed [EST]; 8 heads is an assumption)
 * @example defaultSiteCostCny('macro', 'shared-tower') // 325000
 */
export function defaultSiteCostCny(kind: SiteKind, method: BuildMethod): number {
  if (kind === 'micro') return 50_000;
  if (kind === 'indoor' || method === 'indoor-system') return 8 * 11_500;
  return method === 'new-tower' ? 625_000 : 325_000;
}

/** XGS-PON port incl. chassis share, CNY: midpoint of ¥3k-8k (ftth.md section 4 [EST]). */
export const XGS_PON_PORT_COST_CNY = 5_500;
