/** Sort direction of a table column. */
export type SortDirection = 'asc' | 'desc';

/**
 * A sorted copy of `rows` by `value(row)`: numbers numerically, strings by the UI language's collation;
 * NaN and undefined last in either direction; ties keep their order.
 * @example sortRows(places, (p) => p.coveredShare, 'asc', 'zh')
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => number | string | undefined, direction: SortDirection, locale: string): T[] {
  const collator = new Intl.Collator(locale);
  const sign = direction === 'asc' ? 1 : -1;
  const isMissing = (v: number | string | undefined) => v === undefined || (typeof v === 'number' && Number.isNaN(v));
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (isMissing(a.v) || isMissing(b.v)) return Number(isMissing(a.v)) - Number(isMissing(b.v)) || a.index - b.index;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return sign * c || a.index - b.index;
    })
    .map((x) => x.row);
}
