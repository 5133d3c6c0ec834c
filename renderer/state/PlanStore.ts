import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { PlanState } from './planState';

enablePatches();

/** An edit: a name for the undo menu and an immer recipe that changes a draft of the state. */
export interface PlanAction<A> {
  readonly name: string;
  perform(draft: Draft<PlanState>, args: A): void;
}

interface HistoryEntry {
  name: string;
  patches: Patch[];
  inverse: Patch[];
}

type Recipe = (draft: Draft<PlanState>) => void;

/** How many edits undo remembers. */
const HISTORY_LIMIT = 200;

/**
 * The one store of the planner's state, with undo/redo by inverse patches. A gesture (a drag) applies
 * many transient edits and records them as ONE undo entry when it ends. Works with React through
 * `useSyncExternalStore(store.subscribe, store.getState)` (or `useSelect(store, (s) => s.sites)`).
 */
export class PlanStore {
  private state: PlanState;
  private readonly listeners = new Set<() => void>();
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private gesture: { base: PlanState; recipes: Recipe[] } | null = null;

  constructor(initial: PlanState) {
    this.state = initial;
  }

  readonly getState = (): PlanState => this.state;

  /** The state, under the name React's stores use (useSelect). */
  readonly getSnapshot = this.getState;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an edit and records it for undo (ending any open gesture first). */
  dispatch<A>(action: PlanAction<A>, args: A): void {
    this.endGesture();
    const [next, patches, inverse] = produceWithPatches(this.state, (draft) => action.perform(draft, args));
    if (patches.length === 0) return;
    this.push({ name: action.name, patches, inverse });
    this.set(next);
  }

  /** Applies an edit as part of the current gesture: shown at once, recorded when the gesture ends. */
  dispatchTransient<A>(action: PlanAction<A>, args: A): void {
    const recipe: Recipe = (draft) => action.perform(draft, args);
    this.gesture ??= { base: this.state, recipes: [] };
    this.gesture.recipes.push(recipe);
    const [next] = produceWithPatches(this.state, recipe);
    this.set(next);
  }

  /** Ends the gesture: its edits become one undo entry named `name` (e.g. the drag's action name). */
  endGesture(name?: string): void {
    const gesture = this.gesture;
    if (!gesture) return;
    this.gesture = null;
    const [, patches, inverse] = produceWithPatches(gesture.base, (draft) => {
      for (const recipe of gesture.recipes) recipe(draft);
    });
    if (patches.length > 0) this.push({ name: name ?? 'gesture', patches, inverse });
  }

  /** Replaces the whole state (opening a project): history is cleared. */
  reset(state: PlanState): void {
    this.gesture = null;
    this.undoStack = [];
    this.redoStack = [];
    this.set(state);
  }

  /** True while a gesture (a drag) is open: its edits are shown but not yet one undo entry. */
  isInGesture(): boolean {
    return this.gesture !== null;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0 || this.gesture !== null;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Name of the edit undo would revert, for menus and tooltips. */
  undoName(): string | null {
    return this.undoStack.at(-1)?.name ?? null;
  }

  redoName(): string | null {
    return this.redoStack.at(-1)?.name ?? null;
  }

  undo(): void {
    this.endGesture();
    const entry = this.undoStack.pop();
    if (!entry) return;
    this.redoStack.push(entry);
    this.set(applyPatches(this.state, entry.inverse));
  }

  redo(): void {
    this.endGesture();
    const entry = this.redoStack.pop();
    if (!entry) return;
    this.undoStack.push(entry);
    this.set(applyPatches(this.state, entry.patches));
  }

  private push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  private set(next: PlanState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
