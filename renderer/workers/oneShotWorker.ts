import * as Comlink from 'comlink';
import type { ProgressFn } from '../../core/cancel';
import { fail, type Result } from '../../core/result';

/** The worker side a one-shot runner needs: a comlink endpoint that can be terminated. */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

/** How a run reports back: `report` drops progress after the run settled, `isStopped` says it has. */
export interface OneShotContext {
  report: ProgressFn;
  isStopped(): boolean;
}

/** What one kind of one-shot job needs: how to start its worker, what to call there, what to run inline. */
export interface OneShotSpec<Job, T, Api> {
  /** for people: names the job in the cancel message, e.g. 'import of a.csv' */
  describe(job: Job): string;
  createWorker(): WorkerLike;
  /** the call(s) into the fresh worker behind `api`; transfer the job's buffers here */
  inWorker(api: Comlink.Remote<Api>, job: Job, context: OneShotContext): Promise<Result<T>>;
  /** the same work on the calling thread (unit tests) */
  inline(job: Job, context: OneShotContext): Promise<Result<T>>;
}

/**
 * Runs rare, long jobs (an import, an export, opening a project) off the UI thread, one fresh web worker per
 * run, terminated when the run settles: a finished worker would keep the job's garbage, and readers and
 * writers that run synchronously can only be stopped by terminating their worker. A new run, cancel() or the
 * run's AbortSignal resolves the run under way as { ok: false, code: 'cancelled' } at once. Throws become
 * Result values: 'bad-input' (a RangeError, also as comlink rebuilds it) or 'failed'. `inline: true` runs
 * spec.inline on the calling thread instead (unit tests; a cancelled inline run's answer is dropped).
 * @example class ExportRunner extends OneShotRunner<ExportJob, Uint8Array, ExportWorkerApi> {}
 */
export class OneShotRunner<Job, T, Api> {
  private cancelCurrent: (() => void) | undefined;

  constructor(
    private readonly spec: OneShotSpec<Job, T, Api>,
    private readonly isInline = false,
  ) {}

  /** Runs `job`; buffers the spec transfers are gone from the caller afterwards. */
  run(job: Job, { signal, onProgress }: { signal?: AbortSignal; onProgress?: ProgressFn } = {}): Promise<Result<T>> {
    this.cancel();
    // named now: the job's buffers are gone once transferred
    const what = this.spec.describe(job);
    return new Promise<Result<T>>((resolve) => {
      let worker: WorkerLike | undefined;
      let isSettled = false;
      const settle = (r: Result<T>): void => {
        if (isSettled) return;
        isSettled = true;
        worker?.terminate();
        signal?.removeEventListener('abort', cancel);
        if (this.cancelCurrent === cancel) this.cancelCurrent = undefined;
        resolve(r);
      };
      const cancel = (): void => settle(fail('cancelled', `${what} cancelled`));
      this.cancelCurrent = cancel;
      if (signal?.aborted) return cancel();
      signal?.addEventListener('abort', cancel);
      // progress comes over its own channel and can trail the result: drop what arrives after the run settled
      const context: OneShotContext = {
        report: (f) => {
          if (!isSettled) onProgress?.(f);
        },
        isStopped: () => isSettled,
      };
      // async, so a throw while starting (no Worker support, a bad job) settles the run like any other
      const answer = (async () => {
        if (this.isInline) return this.spec.inline(job, context);
        worker = this.spec.createWorker();
        return this.spec.inWorker(Comlink.wrap<Api>(worker), job, context);
      })();
      answer.then((r) => {
        context.report(1);
        settle(r);
      }, (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        // comlink rebuilds a worker's RangeError as an Error named 'RangeError'
        settle(fail(err instanceof Error && err.name === 'RangeError' ? 'bad-input' : 'failed', message));
      });
    });
  }

  /** Stops the run under way, if any: its promise resolves to { ok: false, code: 'cancelled' }. */
  cancel(): void {
    this.cancelCurrent?.();
  }
}
