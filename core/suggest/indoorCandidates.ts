import type { CostTable } from '../costs';
import type { BandId } from '../model/site';
import { proposedSiteAt, type GeneratedCandidate } from './proposedSiteAt';

/** A place that meets the outdoor target but misses the indoor (deep-coverage) one. */
export interface IndoorGapPlace {
  placeId: string;
  name: string;
  lonDeg: number;
  latDeg: number;
  /** covered floor area, m²; prices the indoor system per m² when given */
  floorAreaM2?: number;
}

/**
 * One indoor-system candidate (digital indoor distribution) per place that misses only the indoor target,
 * priced from the cost table (per m² of floor when the area is known).
 * @example indoorCandidates([{ placeId: 'P1', name: '县人民医院', lonDeg: 106.9, latDeg: 27.7, floorAreaM2: 12000 }], DEFAULT_COST_TABLE)
 */
export function indoorCandidates(
  places: readonly IndoorGapPlace[],
  costTable: CostTable,
  options: { band?: BandId } = {},
): GeneratedCandidate[] {
  return places.map((p, i) => {
    if (p.floorAreaM2 !== undefined && !(p.floorAreaM2 > 0)) throw new RangeError(`places[${i}].floorAreaM2 must be > 0, got ${p.floorAreaM2}`);
    const source = `generated: indoor system for ${p.name} (${p.placeId}), outdoor target met, indoor target missed`;
    const site = proposedSiteAt('indoor', 'indoor-system', [p.lonDeg, p.latDeg], costTable, `IN-${p.placeId}`, source, options.band, p.floorAreaM2);
    return { site: { ...site, name: `${p.name} 室分` }, reason: 'indoor' as const, placeId: p.placeId };
  });
}
