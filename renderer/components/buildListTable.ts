import { buildListWordId } from '../../core/buildList';
import type { BuildListRow } from '../../core/model';

/**
 * The build list's sortable columns in table order (what a planner decides on first: what, how, how much),
 * each with the value it sorts by (undefined sorts last).
 * @example sortRows(rows, BUILD_LIST_COLUMNS.cost, 'desc', 'zh')
 */
export const BUILD_LIST_COLUMNS = {
  priority: (r: BuildListRow) => r.priority,
  name: (r: BuildListRow) => r.name,
  type: (r: BuildListRow) => r.type,
  buildMethod: (r: BuildListRow) => r.buildMethod,
  cost: (r: BuildListRow) => r.costWanCny,
  status: (r: BuildListRow) => r.status,
  height: (r: BuildListRow) => r.heightAglM,
  band: (r: BuildListRow) => r.band,
  sectors: (r: BuildListRow) => (r.kind === 'site' ? r.azimuthsDeg.length : undefined),
  places: (r: BuildListRow) => r.placesServed.length,
  newPeople: (r: BuildListRow) => r.newPeopleCovered,
  lonLat: (r: BuildListRow) => r.lonDeg,
} satisfies Record<string, (r: BuildListRow) => number | string | undefined>;

/** A build-list column id, also the key of its header under `buildList.columns`. */
export type BuildListColumn = keyof typeof BUILD_LIST_COLUMNS;

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

/**
 * The i18n key (`buildList.words.*`) of a build-list word (type, build method or status), or undefined for
 * free text (an imported upgrade name), which the table shows as it is.
 * @example buildListWordKey(row.buildMethod) // 'buildList.words.sharedTower' for a shared tower
 */
export function buildListWordKey(word: string): string | undefined {
  const id = buildListWordId(word);
  return id ? `buildList.words.${id}` : undefined;
}
