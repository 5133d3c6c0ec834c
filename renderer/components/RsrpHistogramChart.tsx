import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/EChart';
import { countyPopulationWeights, rsrpHistogram } from '../charts/rsrpHistogram';
import { rsrpHistogramOption } from '../charts/rsrpHistogramOption';
import type { PlanCompute } from '../session/PlanCompute';
import type { ProjectBase } from '../session/ProjectSession';

interface Props {
  base: ProjectBase;
  compute: PlanCompute;
  /** the coverage threshold marked on the chart, dBm */
  thresholdDbm: number;
}

/**
 * The county's people by best-server RSRP (5 dB bins, population-weighted, inside the boundary), redrawn
 * when the coverage changes; deferred so a drag's repaints come first. Says so when there is no population.
 */
export function RsrpHistogramChart({ base, compute, thresholdDbm }: Props) {
  const { t } = useTranslation();
  const version = useDeferredValue(useSyncExternalStore(compute.subscribe, () => compute.getSnapshot().rasterVersion));
  const weights = useMemo(() => countyPopulationWeights(base), [base]);
  const option = useMemo(() => {
    if (!weights || version === 0) return null;
    const hist = rsrpHistogram(compute.rasters.rsrpDbm, weights);
    return rsrpHistogramOption(hist, { title: t('charts.rsrpTitle'), xAxis: t('charts.rsrpX'), yAxis: t('charts.rsrpY'), threshold: t('charts.threshold', { dbm: thresholdDbm }) }, thresholdDbm);
  }, [weights, version, compute, thresholdDbm, t]);
  if (!weights) return <p className="muted small">{t('charts.noPopulation')}</p>;
  if (!option) return null;
  return (
    <>
      <EChart option={option} height={200} testId="rsrp-histogram" />
      <p className="muted small">{t('charts.rsrpNote')}</p>
    </>
  );
}
