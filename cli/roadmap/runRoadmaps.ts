import type { CancelToken } from '../../core/cancel';
import { runCountyPool, type CountyJobOutcome } from '../province/countyPool';
import { roadmapCounty } from './roadmapCounty';
import type { RoadmapCountyOutcome, RoadmapRequest } from './types';

const ENTRY = new URL('./roadmapWorker.ts', import.meta.url).href;

/**
 * Plans and writes each county's roadmap (roadmapCounty) in the province batch's worker pool (runCountyPool):
 * `countyWorkers` threads each take whole counties, largest first when the requests are so sorted; 0 runs
 * them one after another in this thread. One outcome per request, in request order.
 * @example await runRoadmaps(requests, { countyWorkers: 2 })
 */
export function runRoadmaps(
  requests: readonly RoadmapRequest[],
  options: { countyWorkers: number; cancel?: CancelToken; onDone?: (outcome: CountyJobOutcome<RoadmapCountyOutcome>, doneCount: number) => void },
): Promise<CountyJobOutcome<RoadmapCountyOutcome>[]> {
  return runCountyPool(requests, { ...options, workerEntry: ENTRY, runInline: roadmapCounty });
}
