import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { County } from '../../geodata/counties';
import { searchCounties } from './countySearch';

interface Props {
  counties: readonly County[];
  selectedCode: string | null;
  onSelect(code: string): void;
}

/** The searchable list of the 88 counties, pilot counties marked, with a pilots-only filter. */
export function CountyList({ counties, selectedCode, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [pilotsOnly, setPilotsOnly] = useState(false);
  const shown = useMemo(() => searchCounties(counties, query, { pilotsOnly }), [counties, query, pilotsOnly]);
  const pilots = counties.filter((c) => c.isPilot).length;
  const isZh = i18n.language === 'zh';

  return (
    <section className="county-list" aria-label={t('counties.heading')}>
      <h2>{t('counties.heading')}</h2>
      <p className="muted">{t('counties.summary', { total: counties.length, pilots })}</p>
      <input
        type="search"
        className="search"
        placeholder={t('counties.search')}
        aria-label={t('counties.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown.length > 0) onSelect(shown[0].code);
        }}
      />
      <div className="filters" role="group">
        <button type="button" aria-pressed={!pilotsOnly} onClick={() => setPilotsOnly(false)}>
          {t('counties.filterAll')}
        </button>
        <button type="button" aria-pressed={pilotsOnly} onClick={() => setPilotsOnly(true)}>
          {t('counties.filterPilot')}
        </button>
        <span className="muted count">{t('counties.count', { shown: shown.length })}</span>
      </div>
      <ul className="items">
        {shown.length === 0 && <li className="muted empty">{t('counties.noMatch')}</li>}
        {shown.map((c) => (
          <li key={c.code}>
            <button
              type="button"
              className={c.code === selectedCode ? 'item selected' : 'item'}
              data-code={c.code}
              onClick={() => onSelect(c.code)}
            >
              <span className="name">{isZh ? c.name : c.nameEn}</span>
              {c.isPilot && <span className="badge">{t('counties.pilot')}</span>}
              <span className="meta">
                {isZh ? c.prefecture : c.prefectureEn} · {c.code}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
