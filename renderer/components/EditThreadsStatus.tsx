import { useTranslation } from 'react-i18next';
import type { OneThreadReason } from '../../core/evaluation';
import type { PlanCompute } from '../session/PlanCompute';
import { useSelect } from '../state/useStore';

const REASON_KEYS: Record<OneThreadReason, string> = { 'not-isolated': 'notIsolated', 'one-core': 'oneCore', 'shard-failed': 'shardFailed' };

/**
 * The status bar's note on how edits are computed: on two threads, or on one and why (the page is not
 * cross-origin isolated, one core, the second thread failed). Nothing until the project's coverage is open.
 */
export function EditThreadsStatus({ compute }: { compute: PlanCompute }) {
  const { t } = useTranslation();
  const threads = useSelect(compute, (s) => s.threads);
  if (!threads) return null;
  const text = threads.count === 2 ? t('compute.threadsTwo') : t('compute.threadsOne', { reason: t(`compute.oneThread.${REASON_KEYS[threads.reason ?? 'not-isolated']}`) });
  return (
    <span className="muted" data-testid="edit-threads" data-threads={threads.count} data-reason={threads.reason ?? ''} title={[t('compute.threadsHint'), threads.detail].filter(Boolean).join('\n')}>
      {text}
    </span>
  );
}
