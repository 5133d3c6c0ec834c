import { useTranslation } from 'react-i18next';
import type { Kpi } from '../../core/scoring';
import { useFormatter } from '../i18n/useFormatter';
import { formatScore } from './formatScore';

interface Props {
  kpis: readonly Kpi[];
}

/**
 * County KPIs against their targets: value, target, red/amber/green (with the word, not colour alone),
 * the change since the last edit, the source on hover, and labels for modelled inputs and unverified
 * thresholds. Status rule: green at target, amber from the amber threshold, red below (core/scoring).
 */
export function KpiDashboard({ kpis }: Props) {
  const { t } = useTranslation();
  const f = useFormatter();
  return (
    <section className="kpi-dashboard" aria-label={t('score.kpis')}>
      <h2>{t('score.kpis')}</h2>
      <ul className="kpi-cards">
        {kpis.map((k) => {
          const unit = t(`score.units.${k.unit}`);
          const delta = k.delta;
          const hasDelta = delta !== undefined && Number.isFinite(delta) && Math.abs(delta) > 0;
          return (
            <li key={k.id} className={`kpi-card kpi-${k.status}`} data-kpi={k.id} data-value={String(k.value)} title={t('score.sourceHover', { source: f.provenance(k.provenance) })}>
              <div className="kpi-name">{t(`score.kpiNames.${k.id}`)}</div>
              <div className="kpi-line">
                <span className="kpi-value">
                  {formatScore(k.value, k.unit)} <span className="muted">{Number.isFinite(k.value) ? unit : ''}</span>
                </span>
                <span className="muted kpi-target">
                  {t('score.target')} ≥ {formatScore(k.target, k.unit)} {unit}
                </span>
                <span className={`status status-${k.status}`}>{t(`score.statuses.${k.status}`)}</span>
              </div>
              <div className="kpi-tags">
                {hasDelta && (
                  <span className={delta! > 0 ? 'up' : 'down'} data-testid="kpi-delta">
                    {t('score.delta')} {delta! > 0 ? '+' : '−'}
                    {formatScore(Math.abs(delta!), k.unit)}
                  </span>
                )}
                {k.isModelled && <span className="tag modelled">{t('score.modelled')}</span>}
                {k.isEstimate && <span className="tag estimate" title={f.words.markLegend.estimate}>{t('score.estimateTarget')}</span>}
                {k.isUnverified && <span className="tag unverified" title={f.words.markLegend.unverified}>{t('score.unverified')}</span>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
