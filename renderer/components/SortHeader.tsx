import type { ReactNode } from 'react';
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
        {withBreakBeforeBracket(label)}
        <span className="sort-mark" aria-hidden="true">{isActive ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/**
 * The label with a line-break opportunity before its bracketed unit ('新增覆盖人口<wbr>（模型）'): Chinese headers
 * never break inside a word (styles.css), so a narrow panel wraps them there instead of cutting the table off.
 */
function withBreakBeforeBracket(label: string): ReactNode {
  const at = label.search(/[（(]/);
  if (at <= 0) return label;
  return (
    <>
      {label.slice(0, at)}
      <wbr />
      {label.slice(at)}
    </>
  );
}
