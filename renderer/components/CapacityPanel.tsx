import { useTranslation } from 'react-i18next';
import type { CapacityReport } from '../../core/capacity';
import { useFormatter } from '../i18n/useFormatter';
import { sitesCapacity } from './capacityRows';

interface Props {
  capacity: CapacityReport;
  /** the selected site (its sectors' loads are listed) and place (its capacity), or null */
  siteId: string | null;
  siteName: string | null;
  placeId: string | null;
  /** every sector's load as last fetched with the load map, indexed like cellIds */
  sectorLoad: Float32Array;
  cellIds: readonly string[];
}

interface SectorLoadRow {
  id: string;
  load: number;
  /** undefined: not worked out for this sector (shown as —) */
  extraSectors?: number;
  microSites?: number;
  isOverloaded: boolean;
}

/** Sectors with their busy-hour load and the sectors or micro sites they need: the selected site's, or the worst. */
function SectorLoadTable({ rows, pct, n }: { rows: readonly SectorLoadRow[]; pct: (x: number) => string; n: (x: number) => string }) {
  const { t } = useTranslation();
  return (
    <table className="small">
      <thead>
        <tr>
          <th>{t('capacityUi.sector')}</th>
          <th>{t('capacityUi.load')}</th>
          <th>{t('capacityUi.extraSectorsShort')}</th>
          <th>{t('capacityUi.microSitesShort')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.isOverloaded ? 'overloaded' : undefined}>
            <td>{r.id}</td>
            <td>{pct(r.load)}</td>
            <td>{r.extraSectors === undefined ? '—' : n(r.extraSectors)}</td>
            <td>{r.microSites === undefined ? '—' : n(r.microSites)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The county's busy-hour capacity (modelled by core/capacity): overloaded sectors, sectors and micro sites
 * needed, the demand chain with its sources (估 on estimates), the selected site's sectors and the selected
 * place, and the most loaded sectors.
 */
export function CapacityPanel({ capacity: c, siteId, siteName, placeId, sectorLoad, cellIds }: Props) {
  const { t } = useTranslation();
  const f = useFormatter();
  const n = (x: number, digits = 0) => (digits === 0 ? f.n.integer(x) : f.n.fixed(x, digits));
  const pct = (x: number) => (Number.isFinite(x) ? f.n.percent(x, 0) : '—');
  const place = placeId ? c.places.find((p) => p.id === placeId) ?? null : null;
  const siteSectors = siteId ? sitesCapacity(c, siteId, sectorLoad, cellIds) : [];
  const overloaded = c.worstSectors.filter((s) => s.isOverTarget).slice(0, 8);
  const estimate = f.words.marks.estimate;
  return (
    <section className="capacity-panel" aria-label={t('capacityUi.heading')} data-testid="capacity-panel">
      <h2>
        {t('capacityUi.heading')} <span className="tag modelled">{t('score.modelled')}</span>
      </h2>
      <dl className="capacity-figures">
        <dt>{t('capacityUi.overloaded')}</dt>
        <dd data-testid="capacity-overloaded">
          {n(c.overloadedSectors)} / {n(c.sectorsWithDemand)}
        </dd>
        <dt>{t('capacityUi.extraSectors')}</dt>
        <dd data-testid="capacity-extra-sectors">{n(c.extraSectorsNeeded)}</dd>
        <dt>{t('capacityUi.microSites')}</dt>
        <dd data-testid="capacity-micro-sites">{n(c.microSitesNeeded)}</dd>
        <dt>{t('capacityUi.meanLoad')}</dt>
        <dd>{pct(c.meanLoad)}</dd>
        <dt>{t('capacityUi.demand')}</dt>
        <dd>{n(c.totalDemandMbps / 1000, 1)} Gbit/s</dd>
        <dt>{t('capacityUi.targetLoad')}</dt>
        <dd>{pct(c.targetLoad)}</dd>
      </dl>
      {siteId && (
        <div className="capacity-site" data-testid="capacity-site">
          <h3>{t('capacityUi.site', { name: siteName ?? siteId })}</h3>
          {siteSectors.length === 0 ? (
            <p className="muted small">{t('capacityUi.siteNone')}</p>
          ) : (
            <SectorLoadTable
              rows={siteSectors.map((s) => ({ id: s.sectorId, load: s.load, extraSectors: s.detail?.extraSectorsNeeded, microSites: s.detail?.microSitesNeeded, isOverloaded: s.load > 1 }))}
              pct={pct}
              n={n}
            />
          )}
        </div>
      )}
      {place && (
        <div className="capacity-place" data-testid="capacity-place">
          <h3>{t('capacityUi.place', { name: place.name })}</h3>
          <p className="small">
            {t('capacityUi.placeLine', { share: pct(place.shareWithinTarget), maxLoad: pct(place.maxLoad), demand: n(place.demandMbps, 0) })}{' '}
            <span className={`status status-${place.isMet ? 'green' : 'red'}`}>{place.isMet ? t('capacityUi.met') : t('capacityUi.notMet')}</span>
          </p>
        </div>
      )}
      {!siteId && !place && <p className="muted small">{t('capacityUi.selectHint')}</p>}
      {overloaded.length > 0 && (
        <div className="capacity-worst">
          <h3>{t('capacityUi.worst')}</h3>
          <SectorLoadTable
            rows={overloaded.map((s) => ({ id: s.cellId, load: s.load, extraSectors: s.extraSectorsNeeded, microSites: s.microSitesNeeded, isOverloaded: true }))}
            pct={pct}
            n={n}
          />
        </div>
      )}
      <details className="capacity-sources">
        <summary>{t('capacityUi.sources', { year: c.year })}</summary>
        <ul className="small">
          {c.sources.map((s) => (
            <li key={s.figure}>
              {s.figure}: {n(s.value, 3)} — {s.source}
              {s.isEstimate && <span className="tag estimate">{estimate}</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
