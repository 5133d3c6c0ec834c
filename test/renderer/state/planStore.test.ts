import { describe, expect, it } from 'vitest';
import { addSite, copySite, deleteSite, moveSite, rotateSite, updateSector, updateSite } from '../../../renderer/actions/siteActions';
import { EMPTY_PLAN } from '../../../renderer/state/planState';
import { PlanStore } from '../../../renderer/state/PlanStore';

const fresh = () => new PlanStore({ ...EMPTY_PLAN, countyCode: '520382', name: 'test' });

describe('PlanStore with site actions', () => {
  it('adds a macro site with 3 sectors and undoes/redoes it', () => {
    const store = fresh();
    store.dispatch(addSite, { kind: 'macro', lonLat: [106.4, 27.8] });
    const site = store.getState().sites[0];
    expect(site).toMatchObject({ id: 'S1', kind: 'macro', status: 'planned', heightAglM: 35, lonDeg: 106.4 });
    expect(site.sectors.map((s) => s.azimuthDeg)).toEqual([0, 120, 240]);
    expect(store.undoName()).toBe('addSite');
    store.undo();
    expect(store.getState().sites).toEqual([]);
    store.redo();
    expect(store.getState().sites[0]).toEqual(site);
  });

  it('records a drag of many moves as one undo step back to the start point', () => {
    const store = fresh();
    store.dispatch(addSite, { kind: 'micro', lonLat: [106.4, 27.8] });
    for (let i = 1; i <= 30; i++) store.dispatchTransient(moveSite, { siteId: 'S1', lonLat: [106.4 + i * 0.001, 27.8] });
    expect(store.getState().sites[0].lonDeg).toBeCloseTo(106.43, 10);
    store.endGesture('moveSite');
    expect(store.undoName()).toBe('moveSite');
    store.undo();
    expect(store.getState().sites[0].lonDeg).toBe(106.4);
    store.undo();
    expect(store.getState().sites).toHaveLength(0);
    expect(store.canUndo()).toBe(false);
  });

  it('rotates, edits, copies and deletes, each undoable, and a new edit clears redo', () => {
    const store = fresh();
    store.dispatch(addSite, { kind: 'macro', lonLat: [106.4, 27.8] });
    store.dispatch(rotateSite, { siteId: 'S1', deltaDeg: -30 });
    expect(store.getState().sites[0].sectors.map((s) => s.azimuthDeg)).toEqual([330, 90, 210]);
    store.dispatch(updateSite, { siteId: 'S1', changes: { heightAglM: 40, name: '茅台宏站' } });
    store.dispatch(updateSector, { siteId: 'S1', sectorId: '2', changes: { mechanicalTiltDeg: 6 } });
    store.dispatch(copySite, { siteId: 'S1', lonLat: [106.41, 27.81], name: '茅台宏站 (副本)' });
    expect(store.getState().sites.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(store.getState().sites[1]).toMatchObject({ name: '茅台宏站 (副本)', heightAglM: 40, lonDeg: 106.41 });
    store.dispatch(deleteSite, { siteId: 'S1' });
    expect(store.getState().sites.map((s) => s.id)).toEqual(['S2']);
    store.undo();
    store.undo();
    expect(store.getState().sites.map((s) => s.id)).toEqual(['S1']);
    expect(store.getState().sites[0].sectors[1].mechanicalTiltDeg).toBe(6);
    store.undo();
    expect(store.getState().sites[0].sectors[1].mechanicalTiltDeg).toBe(3);
    expect(store.canRedo()).toBe(true);
    store.dispatch(moveSite, { siteId: 'S1', lonLat: [106.5, 27.9] });
    expect(store.canRedo()).toBe(false);
  });

  it('notifies subscribers on change only, and keeps unchanged sites identical (cheap React updates)', () => {
    const store = fresh();
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch(addSite, { kind: 'macro', lonLat: [106.4, 27.8] });
    store.dispatch(addSite, { kind: 'micro', lonLat: [106.5, 27.8] });
    const before = store.getState().sites[0];
    store.dispatch(moveSite, { siteId: 'S2', lonLat: [106.6, 27.8] });
    expect(store.getState().sites[0]).toBe(before);
    store.dispatch(moveSite, { siteId: 'nope', lonLat: [0, 0] });
    expect(calls).toBe(3);
  });
});
