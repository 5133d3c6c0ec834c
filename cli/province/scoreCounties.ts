import type { CancelToken } from '../../core/cancel';
import { runCountyPool } from './countyPool';
import { scoreCounty } from './scoreCounty';
import type { CountyOutcome, CountyRequest } from './types';

const ENTRY = new URL('./countyWorker.ts', import.meta.url).href;

/**
 * Scores `requests` (scoreCounty) and returns one outcome per request, in request order; a county that
 * throws becomes `{ ok: false, message }` and the others go on. With `countyWorkers` > 0, that many
 * worker_threads each score whole counties (runCountyPool); with 0, counties run one after another in this
 * thread and each request's `coverageWorkers` spreads its footprints. `onDone` is called as each county finishes.
 * @example const outcomes = await scoreCounties(requests, { countyWorkers: 2, onDone: (o, n) => log(`${n} done`) });
 */
export function scoreCounties(
  requests: readonly CountyRequest[],
  options: { countyWorkers: number; cancel?: CancelToken; onDone?: (outcome: CountyOutcome, doneCount: number) => void },
): Promise<CountyOutcome[]> {
  return runCountyPool(requests, { ...options, workerEntry: ENTRY, runInline: (r) => scoreCounty(r) });
}
