import { afterAll, describe, expect, it } from 'vitest';
import { NodeCoveragePool } from '../../../cli/workers/nodeCoveragePool';
import { CoverageEngine, makeCoverageContext, predictFootprints } from '../../../core/coverage';
import { DEFAULT_RADIO_SETTINGS } from '../../../core/model/project';
import { siteAt, terrainFrom, testGrid } from '../../core/coverage/helpers';

const grid = testGrid(1200);
const ctx = makeCoverageContext(grid, { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 800, micro: 300, indoor: 100 } }, {
  terrainM: terrainFrom(grid, (x, y) => 900 + 50 * Math.sin(x / 300) * Math.cos(y / 250)),
});
const sites = Array.from({ length: 7 }, (_, i) => siteAt(i % 2 ? 'micro' : 'macro', `S${i}`, -900 + 300 * i, 200 * Math.sin(i)));

describe('NodeCoveragePool (worker_threads through the tsx boot shim)', () => {
  const pool = new NodeCoveragePool({ size: 2 });
  afterAll(() => pool.close());

  it('returns the same footprints as the inline computation, in site order, with progress', async () => {
    const progress: number[] = [];
    const fps = await pool.predictFootprints(ctx, sites, { batchSize: 2, onProgress: (f) => progress.push(f) });
    const inline = predictFootprints(ctx, sites);
    expect(fps.map((f) => f.siteId)).toEqual(sites.map((s) => s.id));
    for (let i = 0; i < sites.length; i++) {
      expect(fps[i].sectors.length).toBe(inline[i].sectors.length);
      expect(fps[i].spanStart).toEqual(inline[i].spanStart);
      for (let k = 0; k < fps[i].sectors.length; k++) expect(fps[i].sectors[k].rsrpCentiDbm).toEqual(inline[i].sectors[k].rsrpCentiDbm);
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('edits a network on two threads (shared footprints, a shard worker) exactly as one engine does', async () => {
    const fps = await pool.predictFootprints(ctx, sites, { shared: true });
    expect(fps[0].sectors[0].rsrpCentiDbm.buffer).toBeInstanceOf(SharedArrayBuffer);
    const split = await pool.splitEngine(ctx);
    await split.setFootprints(fps);
    const one = new CoverageEngine(ctx);
    one.setSites(sites);
    const moved = siteAt('macro', 'S2', 150, -260);
    await split.upsertSite(moved);
    one.upsertSite(moved);
    await split.removeSite('S5');
    one.removeSite('S5');
    for (const key of ['rsrpDbm', 'sinrDb', 'indoorDlThroughputMbps'] as const) expect(split.raster[key]).toEqual(one.raster[key]);
    expect(Array.from(split.raster.bestServer, (b) => split.raster.cellIds[b])).toEqual(Array.from(one.raster.bestServer, (b) => one.raster.cellIds[b]));
  });

  it('gives a site outside the grid an empty footprint saying why (the others are computed), and rejects with CancelledError when cancelled', async () => {
    const [far, near] = await pool.predictFootprints(ctx, [siteAt('macro', 'far', 5000, 0), sites[0]]);
    expect(far).toMatchObject({ siteId: 'far', cols: 0, skipped: { code: 'outside-grid' } });
    expect(near.cols).toBeGreaterThan(0);
    await expect(pool.predictFootprints(ctx, sites, { cancel: { aborted: true } })).rejects.toThrow(/cancelled/);
  });
});
