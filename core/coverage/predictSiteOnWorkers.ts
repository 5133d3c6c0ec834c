import type { Site } from '../model/site';
import type { FootprintWorkerApi } from './createFootprintWorker';
import { mergeFootprintOctants } from './mergeFootprintOctants';
import type { SiteFootprint } from './predictSiteFootprint';

/**
 * One site's footprint predicted on two workers at once, one half of its cells each (predictSiteFootprint
 * `octants`), joined by mergeFootprintOctants: an edit's prediction in about half the time on two cores.
 * The workers must hold the context (setContext). With one worker it predicts the whole site there.
 * Rejects as the workers do (RangeError for a bad site).
 * @example const fp = await predictSiteOnWorkers(pool.workers, site); engine.upsertFootprint(fp)
 */
export async function predictSiteOnWorkers(workers: readonly FootprintWorkerApi[], site: Site): Promise<SiteFootprint> {
  if (workers.length === 0) throw new RangeError('workers must hold at least one worker');
  if (workers.length === 1) return (await workers[0].predict([site]))[0];
  const [xMajor, yMajor] = await Promise.all([workers[0].predictOctants(site, 'xMajor'), workers[1].predictOctants(site, 'yMajor')]);
  return mergeFootprintOctants(xMajor, yMajor);
}
