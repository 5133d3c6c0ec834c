import type { SkippedSite } from '../model/coverage';
import type { Site } from '../model/site';
import { SITE_LIMITS } from '../model/siteLimits';
import type { CoverageContext } from './coverageContext';
import { resolveSiteRadio, SiteOutsideGridError, type SiteRadio } from './siteRadio';

/**
 * Whether the coverage can take `site`, and its resolved radio when it can. A site is skipped, with the
 * reason, when it stands outside the grid, was kept outside the county at import and still stands there
 * (Site.outsideCounty), has more sectors than SITE_LIMITS.sectorsPerSite, or the propagation model refuses it
 * (resolveSiteRadio's RangeError: a height outside the model's validity, a NaN tilt). The engine then leaves
 * that one site out instead of failing the whole network (issue 22, bug 1).
 * @example const c = checkSiteForCoverage(ctx, site); if ('skipped' in c) report(c.skipped.reason)
 */
export function checkSiteForCoverage(ctx: CoverageContext, site: Site): { radio: SiteRadio } | { skipped: SkippedSite } {
  const skip = (code: SkippedSite['code'], reason: string) => ({ skipped: { siteId: site.id, code, reason } });
  const out = site.outsideCounty;
  if (out && out.lonDeg === site.lonDeg && out.latDeg === site.latDeg) {
    return skip('outside-county', `site ${site.id} (${site.name}) stands ${(out.distanceM / 1000).toFixed(1)} km outside the county, where the import kept it; move it into the county to count it`);
  }
  const maxSectors = SITE_LIMITS.sectorsPerSite.max;
  if (site.sectors.length > maxSectors) return skip('too-many-sectors', `site ${site.id} (${site.name}) has ${site.sectors.length} sectors; at most ${maxSectors} are computed`);
  try {
    return { radio: resolveSiteRadio(ctx, site) };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return skip(err instanceof SiteOutsideGridError ? 'outside-grid' : 'not-modelled', `site ${site.id} (${site.name}): ${err.message}`);
  }
}
