import type { Site } from '../model/site';
import type { CoverageContext } from './coverageContext';
import type { SiteFootprint, TerrainMethod } from './predictSiteFootprint';
import { predictFootprints } from './predictFootprints';

/**
 * What a coverage worker offers (web worker via comlink, Node worker_threads, or inline): the context is
 * sent once, then batches of sites come back as footprints. Only plain objects and typed arrays cross.
 */
export interface FootprintWorkerApi {
  setContext(ctx: CoverageContext, terrainMethod?: TerrainMethod): void | Promise<void>;
  /** `shared`: footprints in SharedArrayBuffers, for a SplitCoverageEngine (predictFootprints) */
  predict(sites: Site[], options?: { shared?: boolean }): SiteFootprint[] | Promise<SiteFootprint[]>;
}

/**
 * The worker-side state machine behind FootprintWorkerApi: keeps the last context (a DEM is tens of MB:
 * sent once per recompute, not per batch) and predicts batches against it. Throws Error when `predict`
 * comes before `setContext`, RangeError for a bad site.
 * @example const w = createFootprintWorker(); w.setContext(ctx); w.predict(sites)
 */
export function createFootprintWorker(): {
  setContext: FootprintWorkerApi['setContext'];
  predict(sites: Site[], options?: { shared?: boolean }): SiteFootprint[];
} {
  let ctx: CoverageContext | undefined;
  let method: TerrainMethod | undefined;
  return {
    setContext(next, terrainMethod) {
      ctx = next;
      method = terrainMethod;
    },
    predict(sites, options = {}) {
      if (!ctx) throw new Error('coverage worker: predict before setContext');
      return predictFootprints(ctx, sites, { terrainMethod: method, shared: options.shared });
    },
  };
}
