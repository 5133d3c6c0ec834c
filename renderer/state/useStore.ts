import { useSyncExternalStore } from 'react';

/** Anything with a snapshot React can follow (SnapshotStore, PlanStore's getState aside). */
export interface Observable<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * The part of `store` that `select` picks, re-rendering only when it changes (Object.is). `select` must
 * return something the snapshot already holds (a field, a comparison), not a new object per call.
 * @example const tool = useSelect(workspace.ui, (ui) => ui.tool);
 */
export function useSelect<T, U>(store: Observable<T>, select: (snapshot: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}
