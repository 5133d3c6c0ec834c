import * as Comlink from 'comlink';
import type { ProgressFn } from '../../core/cancel';
import type { Project } from '../../core/model/project';
import { fail, ok, type Result } from '../../core/result';
import type { ProjectSuggestion, SuggestRunOptions, SuggestWorkerApi } from '../../core/suggest';

/** The worker side a runner needs: a comlink endpoint that can be terminated. */
export type SuggestWorkerLike = Comlink.Endpoint & { terminate(): void };

/**
 * Runs site suggestions off the UI thread in one web worker (suggest.worker.ts), with progress and cancel.
 * Keep one runner in a long-lived object (a session, not React state): comlink 4.4 releases the worker when
 * its wrap() proxy is garbage collected, and the worker is created on the first run, never during a render.
 * A new run cancels the previous one; cancel terminates the worker (its loops are synchronous) and the next
 * run starts a fresh one. Results are Result values: 'cancelled', 'bad-input' (a RangeError) or 'failed'.
 * @example const runner = new SuggestRunner(); const r = await runner.run(project, { budgetCny: 5e6 }, setProgress); if (r.ok) show(r.value)
 */
export class SuggestRunner {
  private worker: SuggestWorkerLike | undefined;
  private api: Comlink.Remote<SuggestWorkerApi> | undefined;
  private pending: ((r: Result<ProjectSuggestion>) => void) | undefined;

  constructor(
    private readonly createWorker: () => SuggestWorkerLike = () =>
      new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  /** One suggestion run for `project`; resolves with the result or why not. */
  run(project: Project, options: SuggestRunOptions, onProgress?: ProgressFn): Promise<Result<ProjectSuggestion>> {
    this.cancel();
    if (!this.worker) {
      this.worker = this.createWorker();
      this.api = Comlink.wrap<SuggestWorkerApi>(this.worker);
    }
    const api = this.api!;
    return new Promise((resolve) => {
      const settle = (r: Result<ProjectSuggestion>): void => {
        if (this.pending !== settle) return;
        this.pending = undefined;
        resolve(r);
      };
      this.pending = settle;
      // progress comes over its own channel and can trail the result: drop what arrives after the run settled
      const report = (f: number): void => {
        if (this.pending === settle) onProgress?.(f);
      };
      api.run(project, options, onProgress ? Comlink.proxy(report) : undefined).then(
        (value) => {
          report(1);
          settle(ok(value));
        },
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          // comlink rebuilds a worker's RangeError as an Error named 'RangeError'
          settle(fail(err instanceof Error && err.name === 'RangeError' ? 'bad-input' : 'failed', message));
        },
      );
    });
  }

  /** Stops the run under way, if any: its promise resolves to { ok: false, code: 'cancelled' }. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.terminate();
    pending(fail('cancelled', 'site suggestion cancelled'));
  }

  /** Stops the worker; a later run starts a new one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }
}
