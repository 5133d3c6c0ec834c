import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../../core/scoring';
import { useProject } from '../appContext';
import { formatScore } from './formatScore';

/** The KPIs a planner watches while placing sites: shown whatever the details panel's tab. */
const HEADLINE_KPIS: readonly KpiId[] = ['popCoverageOutdoor', 'popCoverageIndoor', 'popCoverageRural', 'keyPlaceReach'];

/**
 * A compact strip over the details panel: the headline KPIs with their status colour and their change since the
 * last edit, so placing or moving a site (which opens the site editor) never hides what it changed.
 */
export function KpiStrip() {
  const { t } = useTranslation();
  const { compute } = useProject();
  const { report } = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  if (!report) return null;
  const kpis = HEADLINE_KPIS.map((id) => report.kpis.find((k) => k.id === id)).filter((k) => k !== undefined);
  return (
    <ul className="kpi-strip" aria-label={t('layout.kpiStrip')} data-testid="kpi-strip">
      {kpis.map((k) => {
        const delta = k.delta;
        const hasDelta = delta !== undefined && Number.isFinite(delta) && Math.abs(delta) > 0;
        const unit = t(`score.units.${k.unit}`);
        const name = t(`score.kpiNames.${k.id}`);
        return (
          <li
            key={k.id}
            className={`kpi-chip kpi-${k.status}`}
            data-strip-kpi={k.id}
            title={`${name}: ${formatScore(k.value, k.unit)} ${unit} · ${t('score.target')} ≥ ${formatScore(k.target, k.unit)} ${unit} · ${t(`score.statuses.${k.status}`)}${k.isModelled ? ` · ${t('score.modelled')}` : ''}`}
          >
            <span className="kpi-chip-name">{name}</span>
            <span className="kpi-chip-value">
              {formatScore(k.value, k.unit)}
              <span className="muted"> {Number.isFinite(k.value) ? unit : ''}</span>
              {hasDelta && (
                <span className={delta! > 0 ? 'up' : 'down'} data-testid="kpi-strip-delta">
                  {' '}
                  {delta! > 0 ? '+' : '−'}
                  {formatScore(Math.abs(delta!), k.unit)}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
