import type { Place, PlaceCategory } from '../../core/model';
import type { PlanAction } from '../state/PlanStore';

/** The next free id of the form 'P<n>' among `places`. @example nextPlaceId([{ id: 'P2' }]) // 'P3' */
export function nextPlaceId(places: readonly Pick<Place, 'id'>[]): string {
  let max = 0;
  for (const p of places) {
    const m = /^P(\d+)$/.exec(p.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `P${max + 1}`;
}

/** Default radius of a place drawn as a point, m: a hospital's or a school's grounds [EST: edit per place]. */
export const DRAWN_POINT_RADIUS_M = 150;

/**
 * A place drawn on the map: a point (with DRAWN_POINT_RADIUS_M) or a polygon of the clicked vertices, its
 * category and name; its source says it was drawn in the app. Scores follow (PlanCompute recomputes on places).
 */
export const addPlace: PlanAction<{ id: string; name: string; category: PlaceCategory; vertices: [number, number][] }> = {
  name: 'countyLayers.actions.addPlace',
  perform(draft, { id, name, category, vertices }) {
    const geometry: Place['geometry'] = vertices.length === 1
      ? { type: 'Point', coordinates: vertices[0] }
      : { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
    draft.places.push({
      id, name, category, geometry, keyPoints: [],
      ...(vertices.length === 1 && { radiusM: DRAWN_POINT_RADIUS_M }),
      source: 'drawn in the app', sourceCrs: 'wgs84',
    });
  },
};

/** Renames a place, or changes its category or radius. */
export const updatePlace: PlanAction<{ placeId: string; changes: Partial<Pick<Place, 'name' | 'category' | 'radiusM'>> }> = {
  name: 'countyLayers.actions.updatePlace',
  perform(draft, { placeId, changes }) {
    const place = draft.places.find((p) => p.id === placeId);
    if (place) Object.assign(place, changes);
  },
};

export const deletePlace: PlanAction<{ placeId: string }> = {
  name: 'countyLayers.actions.deletePlace',
  perform(draft, { placeId }) {
    draft.places = draft.places.filter((p) => p.id !== placeId);
  },
};

/** A key point (an indoor spot deep coverage is judged at) clicked on the map. */
export const addKeyPoint: PlanAction<{ placeId: string; lonLat: [number, number] }> = {
  name: 'countyLayers.actions.addKeyPoint',
  perform(draft, { placeId, lonLat }) {
    const place = draft.places.find((p) => p.id === placeId);
    if (place) (place.keyPoints ??= []).push(lonLat);
  },
};

export const removeKeyPoint: PlanAction<{ placeId: string; index: number }> = {
  name: 'countyLayers.actions.removeKeyPoint',
  perform(draft, { placeId, index }) {
    const place = draft.places.find((p) => p.id === placeId);
    place?.keyPoints?.splice(index, 1);
  },
};
