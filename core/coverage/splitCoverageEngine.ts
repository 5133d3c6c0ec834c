import type { Site } from '../model/site';
import type { CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';
import { CoverageEngine, createCoverageEngineState, type CoverageEngineState, type RowBand } from './coverageEngine';
import { planFootprint, predictSiteFootprint, type SiteFootprint, type TerrainMethod } from './predictSiteFootprint';
import { inSharedMemory } from './sharedMemory';
import { resolveSiteRadio } from './siteRadio';
import type { FootprintHalf } from './sweepTerrainLoss';

/**
 * What the second thread of a SplitCoverageEngine offers (a worker over comlink, or inline in tests): an engine
 * over the shared state that updates only the rows it is given. Only plain objects and typed arrays cross.
 */
export interface CoverageShardApi {
  init(ctx: CoverageContext, state: CoverageEngineState, terrainMethod?: TerrainMethod): void | Promise<void>;
  setFootprints(footprints: SiteFootprint[], rows: RowBand): void | Promise<void>;
  /** predicts `half` of `site` into `into` (its shared planFootprint), then updates `rows` */
  upsertSite(site: Site, into: SiteFootprint, half: FootprintHalf, rows: RowBand): CellWindow | Promise<CellWindow>;
  removeSite(siteId: string, rows: RowBand): CellWindow | Promise<CellWindow>;
}

/** CoverageShardApi in this thread: synchronous, with the engine it holds. */
export interface CoverageShard extends CoverageShardApi {
  init(ctx: CoverageContext, state: CoverageEngineState, terrainMethod?: TerrainMethod): void;
  setFootprints(footprints: SiteFootprint[], rows: RowBand): void;
  upsertSite(site: Site, into: SiteFootprint, half: FootprintHalf, rows: RowBand): CellWindow;
  removeSite(siteId: string, rows: RowBand): CellWindow;
  engine(): CoverageEngine;
}

/**
 * The thread-side state behind CoverageShardApi: one CoverageEngine over the shared state. Throws Error when
 * called before `init`, RangeError for a bad site.
 * @example const shard = createCoverageShard(); shard.init(ctx, state); shard.removeSite('S1', { lo: 0, hi: 100 })
 */
export function createCoverageShard(): CoverageShard {
  let engine: CoverageEngine | undefined;
  let terrainMethod: TerrainMethod | undefined;
  const held = (): CoverageEngine => {
    if (!engine) throw new Error('coverage shard: called before init');
    return engine;
  };
  return {
    init(ctx, state, method) {
      engine = new CoverageEngine(ctx, { terrainMethod: method, state });
      terrainMethod = method;
    },
    setFootprints(footprints, rows) {
      held().setFootprints(footprints, { rows });
    },
    upsertSite(site, into, half, rows) {
      const e = held();
      predictSiteFootprint(e.ctx, site, { terrainMethod, half, into });
      return e.upsertFootprint(into, rows);
    },
    removeSite(siteId, rows) {
      return held().removeSite(siteId, rows);
    },
    engine: held,
  };
}

/**
 * The coverage engine on two threads: this one and a shard (CoverageShardApi) in another, both over one state in
 * SharedArrayBuffers. An edit is split at the edited site's row: each thread predicts its half of the footprint
 * (FootprintHalf: half the sweep's rays, a band of rows) into one shared footprint, then updates the sums, best
 * servers and raster of its band of rows. No cell is touched by both threads in one edit, and each cell goes
 * through the same steps in the same order as in one CoverageEngine, so the raster is identical (unit test).
 * Edits run one at a time (the bands of two edits could overlap). Footprints for setFootprints must be shared
 * (predictFootprints `shared`), or they are copied into shared memory first. Needs SharedArrayBuffer: in a browser,
 * a cross-origin-isolated page; `create` throws Error otherwise.
 * @example const engine = await SplitCoverageEngine.create(ctx, shardWorker); await engine.upsertSite(site)
 */
export class SplitCoverageEngine {
  readonly ctx: CoverageContext;
  private readonly local = createCoverageShard();
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * sector buffers of footprints no longer held, by byte length, for the next plans: a dragged site's footprint
   * keeps its size, and allocating 0.75 MB of shared memory per edit made V8 collect garbage for it in both threads
   */
  private readonly spare = new Map<number, SharedArrayBuffer[]>();
  /** the buffers this engine allocated itself: only those are reused (the caller may still read the ones it gave) */
  private readonly owned = new WeakSet<SharedArrayBuffer>();

  private constructor(
    ctx: CoverageContext,
    private readonly remote: CoverageShardApi,
  ) {
    this.ctx = ctx;
  }

  static async create(ctx: CoverageContext, remote: CoverageShardApi, options: { terrainMethod?: TerrainMethod } = {}): Promise<SplitCoverageEngine> {
    const state = createCoverageEngineState(ctx.grid.cols * ctx.grid.rows, { shared: true });
    if (!(state.sumMw.buffer instanceof SharedArrayBuffer)) throw new Error('SplitCoverageEngine needs SharedArrayBuffer (a cross-origin-isolated page)');
    const engine = new SplitCoverageEngine(ctx, remote);
    engine.local.init(ctx, state, options.terrainMethod);
    await remote.init(ctx, state, options.terrainMethod);
    return engine;
  }

  /** The raster both threads keep up to date (read it between edits). */
  get raster(): CoverageEngine['raster'] {
    return this.local.engine().raster;
  }

  /** Footprint of a site held, or undefined. */
  footprint(siteId: string): SiteFootprint | undefined {
    return this.local.engine().footprint(siteId);
  }

  get siteCount(): number {
    return this.local.engine().siteCount;
  }

  /** The sites held but left out of the coverage, with why. */
  skippedSites(): ReturnType<CoverageEngine['skippedSites']> {
    return this.local.engine().skippedSites();
  }

  /** Replaces the whole network; each thread composes half the grid's rows. Returns the whole grid. */
  setFootprints(footprints: readonly SiteFootprint[]): Promise<CellWindow> {
    return this.serially(async () => {
      const shared = footprints.map(toShared);
      const mid = Math.floor(this.ctx.grid.rows / 2);
      const remoteDone = this.remote.setFootprints(shared, { lo: mid, hi: this.ctx.grid.rows });
      this.local.setFootprints(shared, { lo: 0, hi: mid });
      await remoteDone;
      return { col0: 0, row0: 0, cols: this.ctx.grid.cols, rows: this.ctx.grid.rows };
    });
  }

  /** Adds or replaces one site (a site the coverage cannot take is held empty: CoverageEngine.skippedSites); resolves to the window of cells that changed. */
  upsertSite(site: Site): Promise<CellWindow> {
    return this.serially(async () => {
      const old = this.footprint(site.id);
      const into = planFootprint(this.ctx, site, { shared: true, sectorBuffer: (bytes) => this.sectorBuffer(bytes) });
      // A skipped site has an empty footprint: the shard takes every row (to drop the old footprint), this thread none.
      const siteRow = into.skipped ? 0 : resolveSiteRadio(this.ctx, site).row;
      const remoteDone = this.remote.upsertSite(site, into, 'south', { lo: siteRow, hi: this.ctx.grid.rows });
      const win = this.local.upsertSite(site, into, 'north', { lo: 0, hi: siteRow });
      await remoteDone;
      if (old) this.recycle(old);
      return win;
    });
  }

  /** Removes a site (split at its footprint's middle row); resolves to the window of cells that changed. */
  removeSite(siteId: string): Promise<CellWindow> {
    return this.serially(async () => {
      const old = this.local.engine().footprint(siteId);
      const mid = old ? old.row0 + Math.floor(old.rows / 2) : 0;
      const remoteDone = this.remote.removeSite(siteId, { lo: mid, hi: this.ctx.grid.rows });
      const win = this.local.removeSite(siteId, { lo: 0, hi: mid });
      await remoteDone;
      if (old) this.recycle(old);
      return win;
    });
  }

  /** A spare buffer of `bytes`, or a new one. */
  private sectorBuffer(bytes: number): SharedArrayBuffer {
    const reused = this.spare.get(bytes)?.pop();
    if (reused) return reused;
    const buffer = new SharedArrayBuffer(bytes);
    this.owned.add(buffer);
    return buffer;
  }

  /** Keeps the sector buffers of a footprint both threads have let go (a few per size), if this engine made them. */
  private recycle(fp: SiteFootprint): void {
    for (const { rsrpCentiDbm } of fp.sectors) {
      const buffer = rsrpCentiDbm.buffer;
      if (!(buffer instanceof SharedArrayBuffer) || !this.owned.has(buffer)) continue;
      const list = this.spare.get(buffer.byteLength) ?? [];
      if (list.length < SPARE_BUFFERS_PER_SIZE) list.push(buffer);
      this.spare.set(buffer.byteLength, list);
    }
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Spare sector buffers kept per byte length: the sectors of one site, and a few more. */
const SPARE_BUFFERS_PER_SIZE = 6;

/** The footprint with its arrays in SharedArrayBuffers (itself when they already are). */
function toShared(fp: SiteFootprint): SiteFootprint {
  return {
    ...fp,
    spanCol0: inSharedMemory(fp.spanCol0),
    spanStart: inSharedMemory(fp.spanStart),
    sectors: fp.sectors.map((s) => ({ cellId: s.cellId, rsrpCentiDbm: inSharedMemory(s.rsrpCentiDbm) })),
  };
}
