import { useTranslation } from 'react-i18next';
import type { Site } from '../../core/model';
import { STATUS_COLOURS } from '../map/siteIcon';

interface Props {
  sites: readonly Site[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** The project's sites, newest last; click to select and centre the map on one. */
export function SiteList({ sites, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <section className="site-list" aria-label={t('plan.sites')}>
      <h2>
        {t('plan.sites')} <span className="muted">· {t('plan.sitesCount', { count: sites.length })}</span>
      </h2>
      {sites.length === 0 && <p className="muted small">{t('plan.noSites')}</p>}
      <ul>
        {sites.map((s) => (
          <li key={s.id}>
            <button type="button" className={s.id === selectedId ? 'item selected' : 'item'} data-site-id={s.id} onClick={() => onSelect(s.id)}>
              <span className="dot" style={{ background: STATUS_COLOURS[s.status] }} />
              <span className="name">{s.name}</span>
              <span className="meta">
                {t(`site.kinds.${s.kind}`)} · {t(`site.statuses.${s.status}`)} · {s.heightAglM} m
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
