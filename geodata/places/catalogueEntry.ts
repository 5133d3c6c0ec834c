import type { PlaceCategory } from '../../core/model/place';

/**
 * One entry of the Guizhou priority-place catalogue (5A/4A scenic areas, rail hubs, airports), built by
 * scripts/buildPlaces.ts from ../shared/reference/places.csv. Coordinates are present only where a source
 * gives them; the rest are 'to-locate' (no geometry, never guessed).
 */
export interface CatalogueEntry {
  /** stable id, 'gz-' + row number in places.csv (1-based, header excluded) */
  id: string;
  name: string;
  category: PlaceCategory;
  /** finer label from the source: 'scenic_5a', 'scenic_4a', 'rail_hub', 'airport' */
  subcategory: string;
  prefecture: string;
  /** GB/T 2260 county code; absent where the source names no GB/T 2260 county (e.g. 百里杜鹃管理区) */
  countyCode?: string;
  /** the county as the source wrote it (may name a management area or several counties) */
  countyText: string;
  /** how the county was assigned: 'source', 'inferred from name', ... */
  countyBasis: string;
  status: 'located' | 'to-locate';
  /** WGS-84 [lonDeg, latDeg], converted from GCJ-02 with gcoord where the source was GCJ-02 */
  lonLat?: [number, number];
  /** the coordinate system the source gave, e.g. 'WGS-84 (Wikipedia)' */
  sourceCrs?: string;
  /** GB/T 2260 code of the county whose boundary holds lonLat, when it differs from countyCode */
  boundaryCountyCode?: string;
  notes?: string;
  /** URLs and descriptions of the sources, ' | '-separated as in places.csv */
  source: string;
}
