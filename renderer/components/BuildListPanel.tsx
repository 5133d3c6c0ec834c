import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildListRow } from '../../core/buildList';
import { useFormatter } from '../i18n/useFormatter';
import { BUILD_LIST_COLUMN_IDS, buildListSortKeys, buildListTotals, type BuildListColumn } from './buildListTable';
import { SortHeader } from './SortHeader';
import { sortRows, type SortDirection } from './sortRows';

interface Props {
  /** the build list as the project stands (sessionBuildList), in priority order */
  rows: readonly BuildListRow[];
  selectedId: string | null;
  /** the project's sites, all statuses, and how many are existing: says why a list without sites has none */
  siteCounts: { total: number; existing: number };
  /** click-to-zoom: the app selects the site (if it is one) and fits the map to the row's position */
  onSelect(row: BuildListRow): void;
  /** opens the export dialog */
  onExport(): void;
}

/** The build method goes under the type (one column less: the table fits the panel at 1366x768, issue 22). */
const SHOWN_COLUMNS = BUILD_LIST_COLUMN_IDS.filter((c) => c !== 'buildMethod');
const NUMERIC: ReadonlySet<BuildListColumn> = new Set(['priority', 'height', 'sectors', 'places', 'newPeople', 'cost']);

/**
 * The build list (建设清单) as a table: the rows the export writes, in the same words (the formatter), sortable by
 * every column, with the count and the estimated total cost on top. Costs from the unit-cost table carry the
 * estimate mark, modelled people are labelled so. A list without sites in a project with sites says why: every
 * site is existing (现网), and existing sites are not built.
 * @example <BuildListPanel rows={sessionBuildList(session, fibre)} selectedId={null} siteCounts={{ total: 87, existing: 87 }} onSelect={zoomTo} onExport={openExport} />
 */
export function BuildListPanel({ rows, selectedId, siteCounts, onSelect, onExport }: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormatter();
  const b = f.words.buildList;
  const [sort, setSort] = useState<{ column: BuildListColumn; direction: SortDirection }>({ column: 'priority', direction: 'asc' });
  const onSort = (column: string) =>
    setSort((s) => ({ column: column as BuildListColumn, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const sorted = sortRows(rows, buildListSortKeys(f)[sort.column], sort.direction, i18n.language);
  const totals = buildListTotals(rows);
  const isOnlyExisting = totals.sites === 0 && siteCounts.total > 0 && siteCounts.existing === siteCounts.total;
  return (
    <section className="build-list" aria-label={t('buildList.heading')} data-testid="build-list">
      <div className="build-list-head">
        <h2>{t('buildList.heading')}</h2>
        <button type="button" data-testid="build-list-export" onClick={onExport}>{t('buildList.export')}</button>
      </div>
      <p className="build-list-totals" data-testid="build-list-totals" data-count={totals.count} data-cost-wan={totals.costWanCny}>
        <span>{t('buildList.totals', { count: totals.count, sites: totals.sites, fibre: totals.fibre })}</span>
        <strong>{t('buildList.totalCost', { cost: f.n.fixed(totals.costWanCny, 2) })}</strong>
        {totals.estimatedCostWanCny > 0 && <span className="muted">{t('buildList.estimatedPart', { cost: f.n.fixed(totals.estimatedCostWanCny, 2) })}</span>}
      </p>
      {isOnlyExisting && (
        <p className="warning small" role="status" data-testid="build-list-no-sites">{t('buildList.onlyExisting', { count: siteCounts.total })}</p>
      )}
      <p className="muted small">{t('buildList.note')}</p>
      {rows.length === 0 ? (
        <p className="muted small">{t('buildList.empty')}</p>
      ) : (
        <div className="build-list-scroll">
          <table className="score-table build-list-table">
            <thead>
              <tr>
                {SHOWN_COLUMNS.map((c) => (
                  <SortHeader key={c} label={t(`buildList.columns.${c}`)} column={c} sortColumn={sort.column} direction={sort.direction} onSort={onSort} numeric={NUMERIC.has(c)} />
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={`${r.kind}-${r.id}`} data-row-id={r.id} data-kind={r.kind} className={r.id === selectedId ? 'selected' : undefined} onClick={() => onSelect(r)}>
                  <td className="num">{r.priority}</td>
                  <td title={f.rowNotes(r) || undefined}>
                    <button type="button" className="link" onClick={(e) => { e.stopPropagation(); onSelect(r); }}>{f.rowName(r)}</button>
                  </td>
                  <td>
                    {b.types[r.type]}
                    <span className="muted sub">{b.methods[r.buildMethod]}</span>
                  </td>
                  <td className="num" data-estimated={r.isCostEstimated ? 'true' : 'false'}>
                    {f.n.fixed(r.costWanCny, 2)}
                    {r.isCostEstimated && <span className="estimate-mark" title={t('buildList.estimatedHint')}>{f.words.marks.estimate}</span>}
                  </td>
                  <td>{b.statuses[r.status]}</td>
                  <td className="num">{r.heightAglM ?? '–'}</td>
                  <td>{r.band ?? '–'}</td>
                  <td className="num" title={r.azimuthsDeg.length ? t('buildList.azimuths', { list: r.azimuthsDeg.join(' / ') }) : undefined}>
                    {r.kind === 'site' ? r.azimuthsDeg.length : '–'}
                  </td>
                  <td className="num" title={r.placesServed.join(f.words.nameSeparator) || undefined}>{r.placesServed.length}</td>
                  <td
                    className="num"
                    data-new-people={r.newPeopleCovered ?? ''}
                    title={r.peopleLostToInterference ? t('buildList.peopleLost', { people: f.n.integer(r.peopleLostToInterference) }) : undefined}
                  >
                    {r.newPeopleCovered === undefined ? '–' : f.n.integer(r.newPeopleCovered)}
                    {r.peopleLostToInterference ? <span className="lost-mark">−{f.n.integer(r.peopleLostToInterference)}</span> : null}
                  </td>
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
