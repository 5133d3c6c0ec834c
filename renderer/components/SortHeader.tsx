import type { SortDirection } from './sortRows';

interface Props {
  label: string;
  column: string;
  sortColumn: string;
  direction: SortDirection;
  onSort(column: string): void;
  numeric?: boolean;
}

/** A table header cell that sorts its column on click (again to reverse) and tells screen readers so. */
export function SortHeader({ label, column, sortColumn, direction, onSort, numeric }: Props) {
  const isActive = column === sortColumn;
  return (
    <th aria-sort={isActive ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">{isActive ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}
