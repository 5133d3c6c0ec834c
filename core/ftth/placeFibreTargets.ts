import { centroid } from '@turf/turf';
import proj4 from 'proj4';
import type { GridSpec } from '../grid/gridSpec';
import type { Place, PlaceCategory } from '../model/place';
import { fibreDistances } from './fibreDistances';
import type { OltPoints } from './gigabitReach';
import type { RoadGraph } from './roadGraph';

/** Place categories that carry a fibre target, and what the target is. */
export const FIBRE_TARGET_BY_CATEGORY: Readonly<Partial<Record<PlaceCategory, string>>> = {
  // 万兆楼宇: 10G to business buildings
  business_building: '10G-PON to the building',
  // 万兆园区 ("百兆乡村、千兆城区、万兆园区", kpis.md §4)
  dev_zone: '10G-PON to the park',
  // old residential areas: gigabit homes need an ODN on 10G-PON
  community: 'gigabit ODN (10G-PON) for the homes',
};

/** Whether one place meets its fibre target. */
export interface PlaceFibreStatus {
  placeId: string;
  name: string;
  category: PlaceCategory;
  target: string;
  isMet: boolean;
  /** fibre route to the nearest 10G-PON OLT from the place's point or centroid, m (Infinity when none) */
  routeM: number;
  /** that OLT's index in the analysed OLT list, -1 when none */
  oltIdx: number;
}

/**
 * Fibre targets of places (business buildings, development zones / parks, residential communities): a place
 * meets its target when its point (or polygon centroid, turf centroid) is within `xgsReachM` of a 10G-PON
 * OLT by fibre route (roads when given, else straight line x `detourFactor`). Whether a community's ODN is
 * old is not in the data: an unmet community is the one whose homes need a new (renewed) 10G-PON ODN.
 * @example placeFibreTargets(project.places, olts, grid, 18500, 1.3)[0].isMet
 */
export function placeFibreTargets(
  places: readonly Place[],
  olts: OltPoints,
  grid: GridSpec,
  xgsReachM: number,
  detourFactor: number,
  graph?: RoadGraph,
): PlaceFibreStatus[] {
  const toMetric = proj4('WGS84', grid.crs);
  const targeted = places.filter((p) => FIBRE_TARGET_BY_CATEGORY[p.category] && p.geometry);
  const xy = targeted.map((p) => {
    const c = p.geometry.type === 'Point' ? p.geometry.coordinates : centroid(p.geometry).geometry.coordinates;
    return toMetric.forward([c[0], c[1]]);
  });
  const xgs: number[] = [];
  for (let k = 0; k < olts.isXgs.length; k++) if (olts.isXgs[k]) xgs.push(k);
  const d = fibreDistances(
    Float64Array.from(xy, (p) => p[0]),
    Float64Array.from(xy, (p) => p[1]),
    Float64Array.from(xgs, (k) => olts.xM[k]),
    Float64Array.from(xgs, (k) => olts.yM[k]),
    graph,
    { detourFactor },
  );
  return targeted.map((p, i) => ({
    placeId: p.id,
    name: p.name,
    category: p.category,
    target: FIBRE_TARGET_BY_CATEGORY[p.category]!,
    isMet: d.distanceM[i] <= xgsReachM,
    routeM: d.distanceM[i],
    oltIdx: d.sourceIdx[i] >= 0 ? xgs[d.sourceIdx[i]] : -1,
  }));
}
