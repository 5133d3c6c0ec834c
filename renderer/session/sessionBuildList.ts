import { buildListRows, type BuildListRow, type SiteGains } from '../../core/buildList';
import type { FibreResult } from '../../core/ftth';
import { currentProject, type ProjectSession } from './ProjectSession';

/**
 * The build list (建设清单) of an open project as it stands: its planned and proposed sites
 * (core/buildList buildListRows, costs from the project's unit-cost table where a site has none) and the fibre
 * upgrades of the compute's fibre result, with the county's name in both languages.
 * `perSite`: what each site adds on its own (PlanCompute.siteGains); without it the newly covered people stay empty.
 * @example const rows = sessionBuildList(session, compute.getSnapshot().fibre, await compute.siteGains(ids));
 */
export function sessionBuildList(session: ProjectSession, fibre: FibreResult | null, perSite?: Record<string, SiteGains>): BuildListRow[] {
  return buildListRows(currentProject(session), {
    countyName: { zh: session.county.name, en: session.county.nameEn },
    perSite,
    fibreUpgrades: fibre?.upgrades ?? [],
  });
}
