/**
 * A small observable record for UI state outside React (the workspace's selection, tool and tabs, the app's
 * open project and messages): `update` makes a new snapshot only when a field changes, so components reading
 * it through `useSyncExternalStore(store.subscribe, store.getSnapshot)` re-render only then.
 * @example const ui = new SnapshotStore({ tool: 'select' }); ui.update({ tool: 'macro' }); ui.getSnapshot().tool
 */
export class SnapshotStore<T extends object> {
  private snapshot: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.snapshot = initial;
  }

  readonly getSnapshot = (): T => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Sets the fields of `changes`; listeners hear of it only when one of them differs (Object.is). */
  update(changes: Partial<T>): void {
    const keys = Object.keys(changes) as (keyof T)[];
    if (keys.every((k) => Object.is(changes[k], this.snapshot[k]))) return;
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}
