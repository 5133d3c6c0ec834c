import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../core/model';
import { acceptedSuggestionIds } from '../actions/suggestActions';
import type { PlanCompute } from '../session/PlanCompute';

/**
 * The last suggestion's sites not yet accepted into `sites`, each with its map tooltip (rank, name, cost, people),
 * for the map's proposed layer.
 * @example const proposed = useProposedSites(compute, state.sites); map.setProposed(proposed);
 */
export function useProposedSites(compute: PlanCompute, sites: readonly Site[]): (Site & { describe: string })[] {
  const { t } = useTranslation();
  const suggested = useSyncExternalStore(compute.suggest.subscribe, () => compute.suggest.getSnapshot().last);
  const acceptedIds = useMemo(() => acceptedSuggestionIds({ sites }), [sites]);
  return useMemo(() => {
    if (!suggested) return [];
    return suggested.result.sites
      .map((r, k) => ({ r, site: suggested.chosenSites[k] }))
      .filter(({ r }) => !acceptedIds.has(r.candidateId))
      .map(({ r, site }) => ({
        ...site,
        describe: t('suggest.mapTip', { rank: r.rank, name: site.name, cost: (r.costCny / 1e4).toFixed(1), people: Math.round(r.gainPeople) }),
      }));
  }, [suggested, acceptedIds, t]);
}
