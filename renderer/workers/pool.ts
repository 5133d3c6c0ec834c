import * as Comlink from 'comlink';
import { CancelledError, type CancelToken, type ProgressFn } from '../../core/cancel';
import {
  createFootprintWorker,
  runFootprintJobs,
  type CoverageContext,
  type FootprintWorkerApi,
  type SiteFootprint,
  type TerrainMethod,
} from '../../core/coverage';
import type { Site } from '../../core/model/site';
import { fail, ok, type Result } from '../../core/result';

/**
 * A pool of coverage web workers (comlink). Full recomputes are split into batches handed to whichever
 * worker is free; `size: 0` runs inline on the calling thread (tests). A new request cancels the previous
 * one (its promise resolves to { ok: false, code: 'cancelled' }).
 * @example const pool = new CoveragePool({ size: navigator.hardwareConcurrency - 1 });
 *          const r = await pool.predictFootprints(ctx, sites, { onProgress }); if (r.ok) engine.setFootprints(r.value);
 */
export class CoveragePool {
  private readonly workers: Worker[] = [];
  private readonly apis: FootprintWorkerApi[];
  private current: { aborted: boolean } | undefined;

  constructor(options: { size: number; createWorker?: () => Worker }) {
    if (!Number.isInteger(options.size) || options.size < 0) throw new RangeError(`size must be an integer >= 0, got ${options.size}`);
    const create =
      options.createWorker ?? (() => new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' }));
    for (let i = 0; i < options.size; i++) this.workers.push(create());
    this.apis = options.size === 0 ? [createFootprintWorker()] : this.workers.map((w) => Comlink.wrap<FootprintWorkerApi>(w));
  }

  /**
   * Footprints of `sites` (site order), or a Result error: 'cancelled' (superseded or `cancel`), 'bad-input', 'failed'.
   * `shared`: in SharedArrayBuffers (a cross-origin-isolated page), for the plan worker's two threads.
   */
  async predictFootprints(
    ctx: CoverageContext,
    sites: readonly Site[],
    options: { terrainMethod?: TerrainMethod; batchSize?: number; shared?: boolean; cancel?: CancelToken; onProgress?: ProgressFn } = {},
  ): Promise<Result<SiteFootprint[]>> {
    if (this.current) this.current.aborted = true;
    const token = { aborted: false };
    this.current = token;
    const outer = options.cancel;
    const cancel: CancelToken = { get aborted() { return token.aborted || !!outer?.aborted; } };
    try {
      return ok(await runFootprintJobs(this.apis, ctx, sites, { ...options, cancel }));
    } catch (err) {
      if (err instanceof CancelledError || cancel.aborted) return fail('cancelled', 'coverage recompute cancelled');
      // comlink rebuilds a worker's RangeError as an Error named 'RangeError'
      if (err instanceof Error && err.name === 'RangeError') return fail('bad-input', err.message);
      return fail('failed', err instanceof Error ? err.message : String(err));
    } finally {
      if (this.current === token) this.current = undefined;
    }
  }

  /** Stops every worker; the pool is unusable afterwards. */
  terminate(): void {
    if (this.current) this.current.aborted = true;
    for (const w of this.workers) w.terminate();
  }
}
