import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CancelToken, ProgressFn } from '../../core/cancel';
import {
  createFootprintWorker,
  runFootprintJobs,
  SplitCoverageEngine,
  type CoverageContext,
  type CoverageShardApi,
  type FootprintWorkerApi,
  type SiteFootprint,
  type TerrainMethod,
} from '../../core/coverage';
import type { Site } from '../../core/model/site';

const BOOT = fileURLToPath(new URL('./boot.mjs', import.meta.url));
const ENTRY = new URL('./coverageWorker.ts', import.meta.url).href;
const SHARD_ENTRY = new URL('./coverageShardWorker.ts', import.meta.url).href;

/**
 * A worker_threads pool for coverage recomputes in the CLI and benchmarks: `size` workers (default: one per
 * core) each started through boot.mjs (tsx), driven over comlink like the app's web-worker pool;
 * `size: 0` runs inline. Call `close()` when done, or the process stays alive.
 * @example const pool = new NodeCoveragePool({ size: 2 }); const fps = await pool.predictFootprints(ctx, sites); await pool.close();
 */
export class NodeCoveragePool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly apis: FootprintWorkerApi[];

  constructor(options: { size?: number } = {}) {
    this.size = options.size ?? availableParallelism();
    if (!Number.isInteger(this.size) || this.size < 0) throw new RangeError(`size must be an integer >= 0, got ${this.size}`);
    for (let i = 0; i < this.size; i++) this.workers.push(new Worker(BOOT, { workerData: { entry: ENTRY } }));
    this.apis = this.size === 0 ? [createFootprintWorker()] : this.workers.map((w) => Comlink.wrap<FootprintWorkerApi>(nodeEndpoint(w)));
  }

  /** Footprints of `sites` in site order (see runFootprintJobs); rejects with CancelledError or a worker's error. */
  predictFootprints(
    ctx: CoverageContext,
    sites: readonly Site[],
    options: { terrainMethod?: TerrainMethod; shared?: boolean; batchSize?: number; cancel?: CancelToken; onProgress?: ProgressFn } = {},
  ): Promise<SiteFootprint[]> {
    return runFootprintJobs(this.apis, ctx, sites, options);
  }

  /**
   * A SplitCoverageEngine whose second thread is a new worker of its own (ended by `close`): edits on two
   * cores. Feed it footprints predicted with `shared: true`.
   */
  async splitEngine(ctx: CoverageContext, options: { terrainMethod?: TerrainMethod } = {}): Promise<SplitCoverageEngine> {
    const worker = new Worker(BOOT, { workerData: { entry: SHARD_ENTRY } });
    this.workers.push(worker);
    return SplitCoverageEngine.create(ctx, Comlink.wrap<CoverageShardApi>(nodeEndpoint(worker)), options);
  }

  /** Terminates the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
