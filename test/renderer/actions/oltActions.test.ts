import { describe, expect, it } from 'vitest';
import { addOlt, nextOltId, PLACED_OLT_XGS_PON_PORTS } from '../../../renderer/actions/oltActions';
import { EMPTY_PLAN } from '../../../renderer/state/planState';
import { PlanStore } from '../../../renderer/state/PlanStore';

describe('addOlt', () => {
  it('places a planned 10G-PON OLT as one undoable edit, with the next free id', () => {
    const store = new PlanStore({ ...EMPTY_PLAN, olts: [{ id: 'OLT2', name: 'a', lonDeg: 106, latDeg: 27, gponPorts: 8, xgsPonPorts: 0, status: 'existing' }] });
    const id = nextOltId(store.getState().olts);
    expect(id).toBe('OLT3');
    store.dispatch(addOlt, { lonLat: [106.4, 27.8], id, name: 'new' });
    expect(store.getState().olts.at(-1)).toEqual({ id: 'OLT3', name: 'new', lonDeg: 106.4, latDeg: 27.8, gponPorts: 0, xgsPonPorts: PLACED_OLT_XGS_PON_PORTS, status: 'planned' });
    expect(store.undoName()).toBe('addOlt');
    store.undo();
    expect(store.getState().olts).toHaveLength(1);
  });
});
