import { CancelledError, type CancelToken, type ProgressFn } from '../cancel';
import type { Site } from '../model/site';
import type { CoverageContext } from './coverageContext';
import type { FootprintWorkerApi } from './createFootprintWorker';
import type { SiteFootprint, TerrainMethod } from './predictSiteFootprint';

/**
 * Splits a full recompute over `workers`: sends the context to each, then hands out batches of
 * `batchSize` sites to whichever worker is free (least busy first) and gathers the footprints in site order.
 * Cancellation stops handing out batches (a batch already running finishes and is dropped) and rejects with
 * CancelledError; the first worker error rejects as well. Progress is the share of sites done. With `shared`, the
 * footprints come in SharedArrayBuffers (for a SplitCoverageEngine).
 * @example const fps = await runFootprintJobs(pool.workers, ctx, sites, { onProgress }); engine.setFootprints(fps)
 */
export async function runFootprintJobs(
  workers: readonly FootprintWorkerApi[],
  ctx: CoverageContext,
  sites: readonly Site[],
  options: { batchSize?: number; terrainMethod?: TerrainMethod; shared?: boolean; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): Promise<SiteFootprint[]> {
  if (workers.length === 0) throw new RangeError('workers must hold at least one worker');
  const batchSize = options.batchSize ?? 8;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  await Promise.all(workers.map((w) => w.setContext(ctx, options.terrainMethod)));
  const results: SiteFootprint[][] = [];
  let next = 0;
  let done = 0;
  const batches = Math.ceil(sites.length / batchSize);
  const drain = async (worker: FootprintWorkerApi): Promise<void> => {
    while (next < batches) {
      if (options.cancel?.aborted) throw new CancelledError();
      const b = next++;
      const batch = sites.slice(b * batchSize, (b + 1) * batchSize);
      results[b] = await worker.predict(batch, { shared: options.shared });
      done += batch.length;
      options.onProgress?.(done / sites.length);
    }
  };
  await Promise.all(workers.map(drain));
  if (options.cancel?.aborted) throw new CancelledError();
  return results.flat();
}
