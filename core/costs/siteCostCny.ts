import type { BuildMethod, SiteKind } from '../model/site';
import type { CostEntry, CostTable } from './costTable';

/**
 * Cost of one site of `kind` built by `method`, CNY, with the table entry it came from. Indoor systems with
 * a known covered floor area are priced per m² when the entry has a per-m² figure.
 * Returns undefined when the table offers no such kind x method.
 * @example siteCostCny(DEFAULT_COST_TABLE, 'indoor', 'indoor-system', { floorAreaM2: 2000 })?.costCny // 80000
 */
export function siteCostCny(
  table: CostTable,
  kind: SiteKind,
  method: BuildMethod,
  options: { floorAreaM2?: number } = {},
): { costCny: number; entry: CostEntry } | undefined {
  const entry = table[kind][method];
  if (!entry) return undefined;
  const { floorAreaM2 } = options;
  if (floorAreaM2 !== undefined && !(floorAreaM2 > 0)) throw new RangeError(`floorAreaM2 must be > 0, got ${floorAreaM2}`);
  if (floorAreaM2 !== undefined && entry.perFloorAreaCnyPerM2 !== undefined) {
    return { costCny: floorAreaM2 * entry.perFloorAreaCnyPerM2, entry };
  }
  return { costCny: entry.costCny, entry };
}
