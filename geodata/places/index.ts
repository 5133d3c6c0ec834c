import type { CatalogueEntry } from './catalogueEntry';
import placesJson from './guizhouPlaces.json';

export type { CatalogueEntry } from './catalogueEntry';
export { catalogueEntryToPlace } from './catalogueEntryToPlace';

/**
 * The Guizhou priority-place catalogue (built by scripts/buildPlaces.ts from ../shared/reference/places.csv),
 * in the order of the source table. Entries with status 'to-locate' carry no coordinates.
 */
export const GUIZHOU_PLACES: readonly CatalogueEntry[] = placesJson as unknown as CatalogueEntry[];

/**
 * Located catalogue entries whose point lies inside county `code`'s boundary (this can differ from the
 * county the source names: see CatalogueEntry.boundaryCountyCode).
 * @example locatedPlacesInCounty('520382').map((e) => e.name) // ['遵义茅台机场 WMT/ZUMT']
 */
export function locatedPlacesInCounty(code: string): CatalogueEntry[] {
  return GUIZHOU_PLACES.filter((e) => e.status === 'located' && (e.boundaryCountyCode ?? e.countyCode) === code);
}

/**
 * Entries the source lists under county `code` that still need coordinates ("to locate").
 * @example placesToLocateInCounty('520382').map((e) => e.name) // ['仁怀茅台酒镇']
 */
export function placesToLocateInCounty(code: string): CatalogueEntry[] {
  return GUIZHOU_PLACES.filter((e) => e.status === 'to-locate' && e.countyCode === code);
}
