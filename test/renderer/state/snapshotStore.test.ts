import { describe, expect, it, vi } from 'vitest';
import { SnapshotStore } from '../../../renderer/state/SnapshotStore';

describe('SnapshotStore', () => {
  it('makes a new snapshot and tells listeners only when a field changes', () => {
    const store = new SnapshotStore({ tool: 'select', count: 0 });
    const heard = vi.fn();
    const stop = store.subscribe(heard);
    const first = store.getSnapshot();
    store.update({ tool: 'select' });
    expect(store.getSnapshot()).toBe(first);
    expect(heard).not.toHaveBeenCalled();
    store.update({ tool: 'macro' });
    expect(store.getSnapshot()).toEqual({ tool: 'macro', count: 0 });
    expect(store.getSnapshot()).not.toBe(first);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    store.update({ count: 1 });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('compares with Object.is: NaN is the same, a new array is not', () => {
    const store = new SnapshotStore<{ x: number; list: number[] }>({ x: NaN, list: [] });
    const heard = vi.fn();
    store.subscribe(heard);
    store.update({ x: NaN });
    expect(heard).not.toHaveBeenCalled();
    store.update({ list: [] });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
