import { siteCostCny, type CostTable } from '../costs';
import { makeSite } from '../model/siteDefaults';
import type { BandId, BuildMethod, Site, SiteKind } from '../model/site';

/** A candidate the tool proposes itself, with why. */
export interface GeneratedCandidate {
  /** status 'proposed', with buildMethod and costCny from the cost table */
  site: Site;
  reason: 'gap-centre' | 'terrain-high-point' | 'indoor';
  /** the gap it serves (labelGaps id), for gap centres and high points */
  gapId?: number;
  placeId?: string;
}

/**
 * A proposed Site of `kind` built by `method` at [lonDeg, latDeg], priced from `costTable` (per m² of floor
 * for indoor systems when `floorAreaM2` is given), flagged when the price is an
 * estimate (isCostEstimate). Shared by the candidate generators.
 * @example proposedSiteAt('micro', 'smart-pole', [106.7, 26.6], DEFAULT_COST_TABLE, 'GC-1', 'gap centre').costCny // 50000
 */
export function proposedSiteAt(
  kind: SiteKind,
  method: BuildMethod,
  lonLat: readonly [number, number],
  costTable: CostTable,
  id: string,
  source: string,
  band?: BandId,
  floorAreaM2?: number,
): Site {
  const cost = siteCostCny(costTable, kind, method, { floorAreaM2 });
  if (!cost) throw new RangeError(`costTable has no ${kind} x ${method} entry`);
  const site = makeSite(kind, lonLat, id, { band, status: 'proposed' });
  const isCostEstimate = cost.entry.provenance.isEstimate === true;
  return { ...site, buildMethod: method, costCny: cost.costCny, isCostEstimate, source };
}
