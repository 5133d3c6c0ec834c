import type { ProjectSuggestion } from '../../core/suggest';
import { acceptedSuggestionIds, acceptSuggestedSites } from '../actions/suggestActions';
import type { TaskTracker } from '../tasks/TaskTracker';
import { SuggestRunner } from '../workers/suggestRunner';
import { currentProject, type ProjectSession } from './ProjectSession';

export interface SuggestSnapshot {
  /** 0..1 while a run is under way; undefined when idle */
  progress?: number;
  /** the last finished run's answer, for the project as it stood then */
  last?: ProjectSuggestion;
  /** the budget and site limit of the latest run, so the form shows them again */
  request?: { budgetCny: number; maxSites?: number };
  /** why the last run gave nothing ('cancelled' is not an error and leaves this unset) */
  error?: string;
}

/**
 * Site suggestion for one open project: runs in a SuggestRunner worker (task bar progress and cancel),
 * keeps the last answer for the panel, the map's proposed layer and the report, and accepts suggestions
 * into the store as one undoable action (PlanCompute then re-scores). Long-lived: build it outside render
 * or lazily in a ref; its worker starts on the first run.
 * @example const s = new SuggestSession(session, tracker); await s.run({ budgetCny: 2e6 }); s.accept(['GC-1'])
 */
export class SuggestSession {
  private snapshot: SuggestSnapshot = {};
  private readonly listeners = new Set<() => void>();
  private readonly runner: SuggestRunner;

  constructor(
    private readonly session: ProjectSession,
    private readonly tracker: TaskTracker,
    runner?: SuggestRunner,
  ) {
    this.runner = runner ?? new SuggestRunner();
  }

  readonly getSnapshot = (): SuggestSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Suggests sites for the project as it stands; a newer run or the task bar's Cancel stops this one. */
  async run(request: { budgetCny: number; maxSites?: number }): Promise<void> {
    const project = currentProject(this.session);
    this.set({ ...this.snapshot, request, progress: 0, error: undefined });
    const result = await this.tracker.run('tasks.suggest', (signal, onProgress) => {
      signal.addEventListener('abort', () => this.runner.cancel());
      return this.runner.run(project, { ...request, seed: 1 }, (f) => {
        onProgress(f);
        if (Math.round(f * 100) !== Math.round((this.snapshot.progress ?? 0) * 100)) this.set({ ...this.snapshot, progress: f });
      });
    });
    if (result.ok) this.set({ request, last: result.value });
    else this.set({ request, last: this.snapshot.last, error: result.code === 'cancelled' ? undefined : result.message });
  }

  /** Turns these suggestions of the last run into planned sites (skipping those already accepted): one undo step. */
  accept(candidateIds: readonly string[]): void {
    const last = this.snapshot.last;
    const accepted = acceptedSuggestionIds(this.session.store.getState());
    const fresh = candidateIds.filter((id) => !accepted.has(id));
    if (!last || fresh.length === 0) return;
    this.session.store.dispatch(acceptSuggestedSites, { suggested: last.chosenSites, candidateIds: fresh });
  }

  /** Stops the worker (closing the project). */
  dispose(): void {
    this.runner.terminate();
    this.listeners.clear();
  }

  private set(next: SuggestSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
