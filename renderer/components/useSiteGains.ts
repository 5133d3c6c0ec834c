import { useEffect, useState } from 'react';
import { isBuildListSite, type SiteGains } from '../../core/buildList';
import type { Site } from '../../core/model';
import type { PlanCompute } from '../session/PlanCompute';

/**
 * What each build-list site of `sites` adds on its own (PlanCompute.siteGains), asked `delayMs` after `sites`
 * last changed (a drag would otherwise ask on every move); undefined while `sites` is null and until the answer for
 * these very sites has come.
 * @example const perSite = useSiteGains(compute, isOpen ? state.sites : null, 300);
 */
export function useSiteGains(compute: PlanCompute | null, sites: readonly Site[] | null, delayMs = 0): Record<string, SiteGains> | undefined {
  const [answer, setAnswer] = useState<{ sites: readonly Site[]; perSite: Record<string, SiteGains> } | null>(null);
  useEffect(() => {
    if (!compute || !sites) return;
    const ids = sites.filter(isBuildListSite).map((s) => s.id);
    let isCurrent = true;
    const ask = () =>
      compute.siteGains(ids).then(
        (perSite) => isCurrent && setAnswer({ sites, perSite }),
        () => undefined,
      );
    const timer = delayMs > 0 ? setTimeout(ask, delayMs) : (ask(), undefined);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [compute, sites, delayMs]);
  return sites && answer?.sites === sites ? answer.perSite : undefined;
}
