import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildListRow } from '../../core/model';
import { BUILD_LIST_COLUMNS, buildListTotals, buildListWordKey, type BuildListColumn } from './buildListTable';
import { SortHeader } from './SortHeader';
import { sortRows, type SortDirection } from './sortRows';

interface Props {
  /** the build list as the project stands (sessionBuildList), in priority order */
  rows: readonly BuildListRow[];
  selectedId: string | null;
  /** click-to-zoom: the app selects the site (if it is one) and fits the map to the row's position */
  onSelect(row: BuildListRow): void;
  /** opens the export dialog */
  onExport(): void;
}

const NUMERIC: ReadonlySet<BuildListColumn> = new Set(['priority', 'height', 'sectors', 'places', 'newPeople', 'cost']);

/**
 * The build list (建设清单) as a table: the rows the export writes, sortable by every column, with the
 * count and the estimated total cost on top. Costs from the unit-cost table and modelled people are
 * labelled so.
 * @example <BuildListPanel rows={sessionBuildList(session, fibre)} selectedId={null} onSelect={zoomTo} onExport={openExport} />
 */
export function BuildListPanel({ rows, selectedId, onSelect, onExport }: Props) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ column: BuildListColumn; direction: SortDirection }>({ column: 'priority', direction: 'asc' });
  const onSort = (column: string) =>
    setSort((s) => ({ column: column as BuildListColumn, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const sorted = sortRows(rows, BUILD_LIST_COLUMNS[sort.column], sort.direction, i18n.language);
  const totals = buildListTotals(rows);
  const word = (w: string) => {
    const key = buildListWordKey(w);
    return key ? t(key) : w;
  };
  const number = (x: number, digits: number) => x.toLocaleString(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const columns = Object.keys(BUILD_LIST_COLUMNS) as BuildListColumn[];
  return (
    <section className="build-list" aria-label={t('buildList.heading')} data-testid="build-list">
      <div className="build-list-head">
        <h2>{t('buildList.heading')}</h2>
        <button type="button" data-testid="build-list-export" onClick={onExport}>{t('buildList.export')}</button>
      </div>
      <p className="build-list-totals" data-testid="build-list-totals" data-count={totals.count} data-cost-wan={totals.costWanCny}>
        <span>{t('buildList.totals', { count: totals.count, sites: totals.sites, fibre: totals.fibre })}</span>
        <strong>{t('buildList.totalCost', { cost: number(totals.costWanCny, 2) })}</strong>
        {totals.estimatedCostWanCny > 0 && <span className="muted">{t('buildList.estimatedPart', { cost: number(totals.estimatedCostWanCny, 2) })}</span>}
      </p>
      <p className="muted small">{t('buildList.note')}</p>
      {rows.length === 0 ? (
        <p className="muted small">{t('buildList.empty')}</p>
      ) : (
        <div className="build-list-scroll">
          <table className="score-table build-list-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <SortHeader key={c} label={t(`buildList.columns.${c}`)} column={c} sortColumn={sort.column} direction={sort.direction} onSort={onSort} numeric={NUMERIC.has(c)} />
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={`${r.kind}-${r.id}`} data-row-id={r.id} data-kind={r.kind} className={r.id === selectedId ? 'selected' : undefined} onClick={() => onSelect(r)}>
                  <td className="num">{r.priority}</td>
                  <td>
                    <button type="button" className="link" onClick={(e) => { e.stopPropagation(); onSelect(r); }}>{r.name}</button>
                  </td>
                  <td>{word(r.type)}</td>
                  <td>{word(r.buildMethod)}</td>
                  <td className="num">
                    {number(r.costWanCny, 2)}
                    {r.isCostEstimated && <span className="estimate-mark" title={t('buildList.estimatedHint')}>{t('buildList.estimated')}</span>}
                  </td>
                  <td>{word(r.status)}</td>
                  <td className="num">{r.heightAglM ?? '–'}</td>
                  <td>{r.band ?? '–'}</td>
                  <td className="num" title={r.azimuthsDeg.length ? t('buildList.azimuths', { list: r.azimuthsDeg.join(' / ') }) : undefined}>
                    {r.kind === 'site' ? r.azimuthsDeg.length : '–'}
                  </td>
                  <td className="num" title={r.placesServed.join(' / ') || undefined}>{r.placesServed.length}</td>
                  <td className="num" data-new-people={r.newPeopleCovered ?? ''}>{r.newPeopleCovered === undefined ? '–' : number(r.newPeopleCovered, 0)}</td>
                  <td className="num coords">{r.lonDeg.toFixed(5)}<br />{r.latDeg.toFixed(5)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
