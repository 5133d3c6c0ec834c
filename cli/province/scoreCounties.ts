import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { CancelledError, type CancelToken } from '../../core/cancel';
import { scoreCounty } from './scoreCounty';
import type { CountyOutcome, CountyRequest, CountyResult, CountyWorkerApi } from './types';

const BOOT = fileURLToPath(new URL('../workers/boot.mjs', import.meta.url));
const ENTRY = new URL('./countyWorker.ts', import.meta.url).href;

/**
 * Scores `requests` (scoreCounty) and returns one outcome per request, in request order; a county that
 * throws becomes `{ ok: false, message }` and the others go on. With `countyWorkers` > 0, that many
 * worker_threads each score whole counties, taking the next county when done (largest counties should
 * come first for an even finish); with 0, counties run one after another in this thread and each
 * request's `coverageWorkers` spreads its footprints. `onDone` is called as each county finishes.
 * @example const outcomes = await scoreCounties(requests, { countyWorkers: 2, onDone: (o, n) => log(`${n} done`) });
 */
export async function scoreCounties(
  requests: readonly CountyRequest[],
  options: { countyWorkers: number; cancel?: CancelToken; onDone?: (outcome: CountyOutcome, doneCount: number) => void },
): Promise<CountyOutcome[]> {
  if (!Number.isInteger(options.countyWorkers) || options.countyWorkers < 0) {
    throw new RangeError(`countyWorkers must be an integer >= 0, got ${options.countyWorkers}`);
  }
  const outcomes: CountyOutcome[] = new Array(requests.length);
  let next = 0;
  let doneCount = 0;
  const drain = async (score: (r: CountyRequest) => Promise<CountyResult>) => {
    while (next < requests.length) {
      if (options.cancel?.aborted) throw new CancelledError();
      const k = next++;
      const request = requests[k];
      try {
        outcomes[k] = { code: request.code, ok: true, value: await score(request) };
      } catch (err) {
        outcomes[k] = { code: request.code, ok: false, message: err instanceof Error ? err.message : String(err) };
      }
      options.onDone?.(outcomes[k], ++doneCount);
    }
  };
  if (options.countyWorkers === 0) {
    await drain((r) => scoreCounty(r));
    return outcomes;
  }
  const workers = Array.from({ length: Math.min(options.countyWorkers, requests.length) }, () => new Worker(BOOT, { workerData: { entry: ENTRY } }));
  try {
    await Promise.all(workers.map((w) => {
      const api = Comlink.wrap<CountyWorkerApi>(nodeEndpoint(w));
      return drain((r) => api.score(r));
    }));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
