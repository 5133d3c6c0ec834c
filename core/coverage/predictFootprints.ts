import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { Site } from '../model/site';
import type { CoverageContext } from './coverageContext';
import { planFootprint, predictSiteFootprint, type SiteFootprint, type TerrainMethod } from './predictSiteFootprint';

/**
 * Footprints of `sites`, in order: the unit of work a worker runs for a full recompute (the engine then
 * composes them with CoverageEngine.setFootprints). A site the coverage cannot take gets an empty footprint saying
 * why (checkSiteForCoverage); throws CancelledError when
 * `cancel` is aborted between sites. With `shared`, the footprints' arrays are SharedArrayBuffers (planFootprint),
 * for a SplitCoverageEngine.
 * @example const fps = predictFootprints(ctx, sites.slice(0, 16)); engine.setFootprints(fps)
 */
export function predictFootprints(
  ctx: CoverageContext,
  sites: readonly Site[],
  options: { terrainMethod?: TerrainMethod; shared?: boolean; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): SiteFootprint[] {
  const out: SiteFootprint[] = [];
  for (let i = 0; i < sites.length; i++) {
    throwIfCancelled(options.cancel);
    const into = options.shared ? planFootprint(ctx, sites[i], { shared: true }) : undefined;
    out.push(predictSiteFootprint(ctx, sites[i], { terrainMethod: options.terrainMethod, into, cancel: options.cancel }));
    options.onProgress?.((i + 1) / sites.length);
  }
  return out;
}

/**
 * The ArrayBuffers of `footprints`, to transfer (not copy) them across a worker boundary; SharedArrayBuffers are
 * left out (they cross shared, and cannot be transferred).
 * @example postMessage(footprints, footprintBuffers(footprints))
 */
export function footprintBuffers(footprints: readonly SiteFootprint[]): ArrayBuffer[] {
  return footprints
    .flatMap((fp) => [fp.spanCol0.buffer, fp.spanStart.buffer, ...fp.sectors.map((s) => s.rsrpCentiDbm.buffer)])
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
