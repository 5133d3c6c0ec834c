import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanCompute } from '../session/PlanCompute';

/**
 * The toolbar's compute status ("updated in N ms"), the one view that follows every coverage update; kept
 * apart so those updates re-render this line only. `data-version` is the raster version (tests watch it),
 * `data-worker-ms` the plan worker's own time for the last edit (the drag benchmark reads it).
 */
export function ComputeStatus({ compute }: { compute: PlanCompute }) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(compute.subscribe, compute.getSnapshot);
  return (
    <span className="compute-status muted" data-testid="compute-status" data-status={snapshot.status} data-version={snapshot.rasterVersion} data-worker-ms={snapshot.lastWorkerMs?.toFixed(2) ?? ''}>
      {snapshot.status === 'ready' && snapshot.lastEditMs !== null ? t('compute.updated', { ms: Math.round(snapshot.lastEditMs) }) : t(`compute.${snapshot.status}`)}
      {snapshot.error ? `: ${snapshot.error}` : ''}
    </span>
  );
}
