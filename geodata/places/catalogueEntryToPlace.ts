import type { Place } from '../../core/model/place';
import type { CatalogueEntry } from './catalogueEntry';

/**
 * Default served radius of a catalogue point by subcategory, m. A planning default (a point stands for an
 * area the sources do not outline), not a sourced figure; planners redraw the area.
 */
export const DEFAULT_PLACE_RADIUS_M: Record<string, number> = { airport: 1500, rail_hub: 400, scenic_5a: 1500, scenic_4a: 800 };

/**
 * A project Place (core/model/place.ts) from a located catalogue entry: a WGS-84 Point with the default
 * radius of its subcategory, its source and source CRS. Returns undefined for a 'to-locate' entry.
 * @example catalogueEntryToPlace(locatedPlacesInCounty('520382')[0])?.geometry // { type: 'Point', coordinates: [106.43889, 27.96806] }
 */
export function catalogueEntryToPlace(entry: CatalogueEntry): Place | undefined {
  if (entry.status !== 'located' || !entry.lonLat) return undefined;
  return {
    id: entry.id,
    name: entry.name,
    category: entry.category,
    subcategory: entry.subcategory,
    geometry: { type: 'Point', coordinates: [entry.lonLat[0], entry.lonLat[1]] },
    radiusM: DEFAULT_PLACE_RADIUS_M[entry.subcategory] ?? 500,
    source: entry.source,
    ...(entry.sourceCrs && { sourceCrs: entry.sourceCrs }),
  };
}
