import { describe, expect, it } from 'vitest';
import { addKeyPoint, addPlace, deletePlace, nextPlaceId, removeKeyPoint, updatePlace, DRAWN_POINT_RADIUS_M } from '../../../renderer/actions/placeActions';
import { EMPTY_PLAN } from '../../../renderer/state/planState';
import { PlanStore } from '../../../renderer/state/PlanStore';

describe('place actions', () => {
  it('draws a point and an area, edits, adds key points and deletes, each one named undo step', () => {
    const store = new PlanStore({ ...EMPTY_PLAN, countyCode: '520526' });
    store.dispatch(addPlace, { id: nextPlaceId(store.getState().places), name: '县医院', category: 'hospital', vertices: [[104.28, 26.86]] });
    const ring: [number, number][] = [[104.2, 26.8], [104.3, 26.8], [104.3, 26.9]];
    store.dispatch(addPlace, { id: nextPlaceId(store.getState().places), name: '商圈', category: 'business_district', vertices: ring });
    const [point, area] = store.getState().places;
    expect(point).toMatchObject({ id: 'P1', geometry: { type: 'Point', coordinates: [104.28, 26.86] }, radiusM: DRAWN_POINT_RADIUS_M, keyPoints: [] });
    expect(area.id).toBe('P2');
    expect(area.geometry).toEqual({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
    expect(area.radiusM).toBeUndefined();

    store.dispatch(updatePlace, { placeId: 'P2', changes: { name: '县城商圈', category: 'community' } });
    store.dispatch(addKeyPoint, { placeId: 'P2', lonLat: [104.25, 26.85] });
    store.dispatch(addKeyPoint, { placeId: 'P2', lonLat: [104.26, 26.86] });
    store.dispatch(removeKeyPoint, { placeId: 'P2', index: 0 });
    expect(store.getState().places[1]).toMatchObject({ name: '县城商圈', category: 'community', keyPoints: [[104.26, 26.86]] });
    expect(store.undoName()).toBe('countyLayers.actions.removeKeyPoint');

    store.dispatch(deletePlace, { placeId: 'P1' });
    expect(store.getState().places.map((p) => p.id)).toEqual(['P2']);
    store.undo();
    expect(store.getState().places.map((p) => p.id)).toEqual(['P1', 'P2']);
    store.undo();
    expect(store.getState().places[1].keyPoints).toHaveLength(2);
  });
});
