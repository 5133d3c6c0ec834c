import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { CancelledError, type CancelToken } from '../../core/cancel';

const BOOT = fileURLToPath(new URL('../workers/boot.mjs', import.meta.url));

/** What a county worker thread offers over comlink: one county's job at a time. */
export interface CountyJobApi<R, T> {
  run(request: R): Promise<T>;
}

/** One county's outcome in a batch: its value, or why it failed. */
export type CountyJobOutcome<T> = { code: string; ok: true; value: T } | { code: string; ok: false; message: string };

/**
 * Runs one job per county and returns one outcome per request, in request order; a county that throws
 * becomes `{ ok: false, message }` and the others go on. With `countyWorkers` > 0, that many worker_threads
 * (each started through cli/workers/boot.mjs with `workerEntry`, a module exposing a CountyJobApi) take whole
 * counties, the next one when done (put the largest first for an even finish); a worker keeps nothing of a
 * county once its job has returned. With 0, `runInline` takes the counties one after another in this thread.
 * `onDone` is called as each county finishes. Shared by qcplan province and qcplan roadmap.
 * @example await runCountyPool(requests, { countyWorkers: 2, workerEntry: new URL('./countyWorker.ts', import.meta.url).href, runInline: scoreCounty })
 */
export async function runCountyPool<R extends { code: string }, T>(
  requests: readonly R[],
  options: {
    countyWorkers: number;
    workerEntry: string;
    runInline: (request: R) => Promise<T>;
    cancel?: CancelToken;
    onDone?: (outcome: CountyJobOutcome<T>, doneCount: number) => void;
  },
): Promise<CountyJobOutcome<T>[]> {
  if (!Number.isInteger(options.countyWorkers) || options.countyWorkers < 0) {
    throw new RangeError(`countyWorkers must be an integer >= 0, got ${options.countyWorkers}`);
  }
  const outcomes: CountyJobOutcome<T>[] = new Array(requests.length);
  let next = 0;
  let doneCount = 0;
  const drain = async (run: (r: R) => Promise<T>) => {
    while (next < requests.length) {
      if (options.cancel?.aborted) throw new CancelledError();
      const k = next++;
      const request = requests[k];
      try {
        outcomes[k] = { code: request.code, ok: true, value: await run(request) };
      } catch (err) {
        outcomes[k] = { code: request.code, ok: false, message: err instanceof Error ? err.message : String(err) };
      }
      options.onDone?.(outcomes[k], ++doneCount);
    }
  };
  if (options.countyWorkers === 0) {
    await drain(options.runInline);
    return outcomes;
  }
  const workers = Array.from({ length: Math.min(options.countyWorkers, requests.length) }, () => new Worker(BOOT, { workerData: { entry: options.workerEntry } }));
  try {
    await Promise.all(workers.map((w) => {
      // jobs and results are plain data (structured clone), so the remote call is typed as the local one
      const api = Comlink.wrap(nodeEndpoint(w)) as unknown as CountyJobApi<R, T>;
      return drain((r) => api.run(r));
    }));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
