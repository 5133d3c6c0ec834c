import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceScore } from '../../core/scoring';
import { formatScore } from './formatScore';
import { SortHeader } from './SortHeader';
import { sortRows, type SortDirection } from './sortRows';

interface Props {
  places: readonly PlaceScore[];
  selectedId?: string | null;
  /** click-to-zoom: the app centres the map on the place and highlights it */
  onSelect(id: string): void;
}

const COLUMNS: Record<string, (p: PlaceScore) => number | string> = {
  name: (p) => p.name,
  coveredShare: (p) => p.coveredShare,
  isMet: (p) => Number(p.isMet),
  peopleAffected: (p) => p.peopleAffected,
  keyPoints: (p) => (p.keyPointCount > 0 ? p.keyPointsMet / p.keyPointCount : NaN),
};

const dbText = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

/** Priority places with their scores; sortable by any column (worst covered first by default). */
export function PlaceList({ places, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ column: string; direction: SortDirection }>({ column: 'coveredShare', direction: 'asc' });
  const onSort = (column: string) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const rows = sortRows(places, COLUMNS[sort.column], sort.direction, i18n.language);
  const header = (column: string, label: string, numeric?: boolean) => (
    <SortHeader label={label} column={column} sortColumn={sort.column} direction={sort.direction} onSort={onSort} numeric={numeric} />
  );
  return (
    <section className="place-list" aria-label={t('score.places')}>
      <h2>
        {t('score.places')} <span className="muted">· {t('score.placesMet', { met: places.filter((p) => p.isMet).length, total: places.length })}</span>
      </h2>
      <table className="score-table">
        <thead>
          <tr>
            {header('name', t('score.name'))}
            {header('coveredShare', t('score.coveredShare'), true)}
            {header('isMet', t('score.status'))}
            {header('peopleAffected', t('score.peopleAffected'), true)}
            {header('keyPoints', t('score.keyPoints'), true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-place-id={p.id} className={p.id === selectedId ? 'selected' : undefined} onClick={() => onSelect(p.id)}>
              <td>
                <button type="button" className="link" onClick={(e) => { e.stopPropagation(); onSelect(p.id); }}>{p.name}</button>
                {/* the category under the name: a column of its own left the 320-400 px panel no room (issue 22) */}
                <span className="muted sub">{t(`score.categories.${p.category}`)} · {t(`score.environments.${p.environment}`)}</span>
              </td>
              <td className="num">{formatScore(p.coveredShare, 'share')} %</td>
              <td>
                <span className={`status status-${p.isMet ? 'green' : 'red'}`}>{t(p.isMet ? 'score.met' : 'score.notMet')}</span>
                {p.isDeepCovered !== null && <span className="muted sub">{t(p.isDeepCovered ? 'score.deepYes' : 'score.deepNo')}</span>}
              </td>
              <td className="num">{Math.round(p.peopleAffected)}</td>
              <td
                className="num"
                title={p.worstKeyPoint ? t('score.worstKeyPoint', { index: p.worstKeyPoint.index + 1, rsrp: dbText(p.worstKeyPoint.rsrpDbm), sinr: dbText(p.worstKeyPoint.sinrDb) }) : undefined}
              >
                {p.keyPointCount > 0 ? `${p.keyPointsMet}/${p.keyPointCount}` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {places.length === 0 && <p className="muted small">{t('score.noPlaces')}</p>}
    </section>
  );
}
