import { buildListRows, fibreUpgradesForBuildList } from '../../core/buildList';
import type { FibreResult } from '../../core/ftth';
import type { BuildListRow } from '../../core/model';
import { currentProject, type ProjectSession } from './ProjectSession';

/**
 * The build list (建设清单) of an open project as it stands: its planned and proposed sites
 * (core/buildList buildListRows, costs from the unit-cost table where a site has none) and the fibre
 * upgrades of the compute's fibre result (fibreUpgradesForBuildList), with the county's Chinese name.
 * Per-site newly covered people are left empty: the score report has no per-site attribution.
 * @example const rows = sessionBuildList(session, compute.getSnapshot().fibre);
 */
export function sessionBuildList(session: ProjectSession, fibre: FibreResult | null): BuildListRow[] {
  return buildListRows(currentProject(session), {
    countyName: session.county.name,
    fibreUpgrades: fibre ? fibreUpgradesForBuildList(fibre.upgrades) : [],
  });
}
