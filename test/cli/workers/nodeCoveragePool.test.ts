import { afterAll, describe, expect, it } from 'vitest';
import { NodeCoveragePool } from '../../../cli/workers/nodeCoveragePool';
import { makeCoverageContext, predictFootprints } from '../../../core/coverage';
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

  it('predicts one site split over the two workers, equal to the inline prediction', async () => {
    const [inline] = predictFootprints(ctx, [sites[2]]);
    const fp = await pool.predictSite(ctx, sites[2]);
    expect(fp.spanStart).toEqual(inline.spanStart);
    for (let k = 0; k < inline.sectors.length; k++) expect(fp.sectors[k].rsrpCentiDbm).toEqual(inline.sectors[k].rsrpCentiDbm);
  });

  it('rejects with the worker error for a bad site, and with CancelledError when cancelled', async () => {
    await expect(pool.predictFootprints(ctx, [siteAt('macro', 'far', 5000, 0)])).rejects.toThrow(/outside the grid/);
    await expect(pool.predictFootprints(ctx, sites, { cancel: { aborted: true } })).rejects.toThrow(/cancelled/);
  });
});
