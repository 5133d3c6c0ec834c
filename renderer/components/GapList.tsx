import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedGap } from '../../core/scoring';
import { SortHeader } from './SortHeader';
import { sortRows, type SortDirection } from './sortRows';

interface Props {
  gaps: readonly RankedGap[];
  selectedId?: number | null;
  /** click-to-zoom: the app fits the map to the gap and highlights its outline */
  onSelect(id: number): void;
}

const COLUMNS: Record<string, (g: RankedGap) => number | string> = {
  rank: (g) => g.rank,
  areaM2: (g) => g.areaM2,
  people: (g) => g.people,
  weightedPeople: (g) => g.weightedPeople,
  places: (g) => g.placeIds.length,
  fix: (g) => g.fix,
  location: (g) => g.location?.distanceM ?? Infinity,
};

/** Coverage gaps, worst first (people x place weight); sortable; each with its recommended fix. */
export function GapList({ gaps, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ column: string; direction: SortDirection }>({ column: 'rank', direction: 'asc' });
  const onSort = (column: string) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));
  const rows = sortRows(gaps, COLUMNS[sort.column], sort.direction, i18n.language);
  const header = (column: string, label: string, numeric?: boolean) => (
    <SortHeader label={label} column={column} sortColumn={sort.column} direction={sort.direction} onSort={onSort} numeric={numeric} />
  );
  return (
    <section className="gap-list" aria-label={t('score.gaps')}>
      <h2>
        {t('score.gaps')} <span className="muted">· {t('score.gapsCount', { count: gaps.length })}</span>
      </h2>
      <table className="score-table">
        <thead>
          <tr>
            {header('rank', t('score.rank'), true)}
            {header('location', t('countyLayers.gapWhere'))}
            {header('areaM2', t('score.area'), true)}
            {header('people', t('score.people'), true)}
            {header('weightedPeople', t('score.weightedPeople'), true)}
            {header('places', t('score.placesAffected'), true)}
            {header('fix', t('score.fixShort'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.id} data-gap-id={g.id} className={g.id === selectedId ? 'selected' : undefined} onClick={() => onSelect(g.id)}>
              <td className="num">
                <button type="button" className="link" onClick={(e) => { e.stopPropagation(); onSelect(g.id); }}>{g.rank}</button>
              </td>
              <td data-field="location" title={[i18n.language === 'en' ? g.location?.en : g.location?.zh, g.pieceCount > 1 ? t('countyLayers.gapPieceOf', { count: g.pieceCount, km2: (g.regionAreaM2 / 1e6).toFixed(0) }) : ''].filter(Boolean).join(' · ')}>
                {(i18n.language === 'en' ? g.location?.en : g.location?.zh) ?? '—'}
              </td>
              <td className="num">{(g.areaM2 / 1e6).toFixed(g.areaM2 < 1e6 ? 3 : 1)}</td>
              <td className="num">{Math.round(g.people)}</td>
              <td className="num">{Math.round(g.weightedPeople)}</td>
              <td className="num">{g.placeIds.length}</td>
              <td title={t(`score.fixWhy.${g.fix}`)}>{t(`score.fixes.${g.fix}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {gaps.length === 0 && <p className="muted small">{t('score.noGaps')}</p>}
    </section>
  );
}
