import type { BuildListRow } from '../../core/buildList';
import type { Formatter } from '../../core/text';

/** The build list's sortable columns in table order (what a planner decides on first: what, how, how much). */
export const BUILD_LIST_COLUMN_IDS = ['priority', 'name', 'type', 'buildMethod', 'cost', 'status', 'height', 'band', 'sectors', 'places', 'newPeople', 'lonLat'] as const;

/** A build-list column id, also the key of its header under `buildList.columns`. */
export type BuildListColumn = (typeof BUILD_LIST_COLUMN_IDS)[number];

/**
 * The value each column sorts by (undefined sorts last), words in the formatter's language.
 * @example sortRows(rows, buildListSortKeys(f).cost, 'desc', 'zh')
 */
export function buildListSortKeys(f: Formatter): Record<BuildListColumn, (r: BuildListRow) => number | string | undefined> {
  const b = f.words.buildList;
  return {
    priority: (r) => r.priority,
    name: (r) => f.rowName(r),
    type: (r) => b.types[r.type],
    buildMethod: (r) => b.methods[r.buildMethod],
    cost: (r) => r.costWanCny,
    status: (r) => b.statuses[r.status],
    height: (r) => r.heightAglM,
    band: (r) => r.band,
    sectors: (r) => (r.kind === 'site' ? r.azimuthsDeg.length : undefined),
    places: (r) => r.placesServed.length,
    newPeople: (r) => r.newPeopleCovered,
    lonLat: (r) => r.lonDeg,
  };
}

/** The headline figures of a build list. Costs in 万元 (10,000 CNY). */
export interface BuildListTotals {
  count: number;
  sites: number;
  fibre: number;
  costWanCny: number;
  /** the part of costWanCny taken from the unit-cost table rather than a figure of the row's own */
  estimatedCostWanCny: number;
}

/**
 * Count and summed cost of build-list rows, rounded to 0.01 万元 (the export's precision).
 * @example buildListTotals(rows).costWanCny // 1234.5
 */
export function buildListTotals(rows: readonly BuildListRow[]): BuildListTotals {
  let costWanCny = 0;
  let estimatedCostWanCny = 0;
  let sites = 0;
  for (const r of rows) {
    costWanCny += r.costWanCny;
    if (r.isCostEstimated) estimatedCostWanCny += r.costWanCny;
    if (r.kind === 'site') sites++;
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return { count: rows.length, sites, fibre: rows.length - sites, costWanCny: round(costWanCny), estimatedCostWanCny: round(estimatedCostWanCny) };
}
