import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { Site } from '../model/site';
import type { CoverageContext } from './coverageContext';
import { predictSiteFootprint, type SiteFootprint, type TerrainMethod } from './predictSiteFootprint';

/**
 * Footprints of `sites`, in order: the unit of work a worker runs for a full recompute (the engine then
 * composes them with CoverageEngine.setFootprints). Throws RangeError for a bad site, CancelledError when
 * `cancel` is aborted between sites.
 * @example const fps = predictFootprints(ctx, sites.slice(0, 16)); engine.setFootprints(fps)
 */
export function predictFootprints(
  ctx: CoverageContext,
  sites: readonly Site[],
  options: { terrainMethod?: TerrainMethod; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): SiteFootprint[] {
  const out: SiteFootprint[] = [];
  for (let i = 0; i < sites.length; i++) {
    throwIfCancelled(options.cancel);
    out.push(predictSiteFootprint(ctx, sites[i], { terrainMethod: options.terrainMethod, cancel: options.cancel }));
    options.onProgress?.((i + 1) / sites.length);
  }
  return out;
}

/**
 * The ArrayBuffers of `footprints`, to transfer (not copy) them across a worker boundary.
 * @example postMessage(footprints, footprintBuffers(footprints))
 */
export function footprintBuffers(footprints: readonly SiteFootprint[]): ArrayBuffer[] {
  return footprints.flatMap((fp) => [fp.spanCol0.buffer, fp.spanStart.buffer, ...fp.sectors.map((s) => s.rsrpCentiDbm.buffer)] as ArrayBuffer[]);
}
