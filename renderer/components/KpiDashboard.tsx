import { useTranslation } from 'react-i18next';
import type { Kpi } from '../../core/scoring';
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
  return (
    <section className="kpi-dashboard" aria-label={t('score.kpis')}>
      <h2>{t('score.kpis')}</h2>
      <table className="score-table">
        <thead>
          <tr>
            <th>{t('score.kpi')}</th>
            <th className="num">{t('score.value')}</th>
            <th className="num">{t('score.target')}</th>
            <th>{t('score.status')}</th>
            <th className="num">{t('score.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k) => {
            const unit = t(`score.units.${k.unit}`);
            const delta = k.delta;
            const hasDelta = delta !== undefined && Number.isFinite(delta) && Math.abs(delta) > 0;
            return (
              <tr key={k.id} data-kpi={k.id} title={t('score.sourceHover', { source: k.source })}>
                <td>
                  {t(`score.kpiNames.${k.id}`)}
                  {k.isModelled && <span className="tag modelled">{t('score.modelled')}</span>}
                  {k.isUnverified && <span className="tag unverified">{t('score.unverified')}</span>}
                </td>
                <td className="num">
                  {formatScore(k.value, k.unit)} <span className="muted">{Number.isFinite(k.value) ? unit : ''}</span>
                </td>
                <td className="num">
                  ≥ {formatScore(k.target, k.unit)} <span className="muted">{unit}</span>
                </td>
                <td>
                  <span className={`status status-${k.status}`}>{t(`score.statuses.${k.status}`)}</span>
                </td>
                <td className={hasDelta ? (delta! > 0 ? 'num up' : 'num down') : 'num muted'}>
                  {hasDelta ? `${delta! > 0 ? '+' : '−'}${formatScore(Math.abs(delta!), k.unit)}` : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
