import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../core/model';
import { STATUS_COLOURS } from '../map/siteIcon';

interface Props {
  sites: readonly Site[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * The project's sites, newest last; click to select and centre the map on one. Rows are memoised on the
 * site object (the store keeps unchanged sites identical), so a drag re-renders one row, not the list.
 */
export const SiteList = memo(function SiteList({ sites, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <section className="site-list" aria-label={t('plan.sites')}>
      <h2>
        {t('plan.sites')} <span className="muted">· {t('plan.sitesCount', { count: sites.length })}</span>
      </h2>
      {sites.length === 0 && <p className="muted small">{t('plan.noSites')}</p>}
      <ul>
        {sites.map((s) => (
          <SiteRow key={s.id} site={s} isSelected={s.id === selectedId} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
});

const SiteRow = memo(function SiteRow({ site, isSelected, onSelect }: { site: Site; isSelected: boolean; onSelect(id: string): void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className={isSelected ? 'item selected' : 'item'} data-site-id={site.id} onClick={() => onSelect(site.id)}>
        <span className="dot" style={{ background: STATUS_COLOURS[site.status] }} />
        <span className="name">{site.name}</span>
        <span className="meta">
          {t(`site.kinds.${site.kind}`)} · {t(`site.statuses.${site.status}`)} · {site.heightAglM} m
        </span>
        {site.outsideCounty && (
          <span className="meta warn" data-testid="site-outside">
            {t('layout.outsideCounty', { km: (site.outsideCounty.distanceM / 1000).toFixed(1) })}
          </span>
        )}
      </button>
    </li>
  );
});
