import { describe, expect, it } from 'vitest';
import { makeCoverageContext, predictFootprints } from '../../../core/coverage';
import { DEFAULT_RADIO_SETTINGS } from '../../../core/model/project';
import { CoveragePool } from '../../../renderer/workers/pool';
import { siteAt, testGrid } from '../../core/coverage/helpers';

const grid = testGrid(1000);
const ctx = makeCoverageContext(grid, { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 600, micro: 300, indoor: 100 } });
const sites = Array.from({ length: 5 }, (_, i) => siteAt('macro', `S${i}`, -800 + 400 * i, 0));

describe('CoveragePool (size 0: inline)', () => {
  it('predicts footprints in site order with progress', async () => {
    const pool = new CoveragePool({ size: 0 });
    const progress: number[] = [];
    const r = await pool.predictFootprints(ctx, sites, { batchSize: 2, onProgress: (f) => progress.push(f) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((f) => f.siteId)).toEqual(sites.map((s) => s.id));
    expect(r.value[3].sectors[1].rsrpCentiDbm).toEqual(predictFootprints(ctx, [sites[3]])[0].sectors[1].rsrpCentiDbm);
    expect(progress).toEqual([0.4, 0.8, 1]);
  });

  it('leaves out a site it cannot predict (an empty footprint saying why); cancellation is a Result value; a new request supersedes the old one', async () => {
    const pool = new CoveragePool({ size: 0 });
    const bad = await pool.predictFootprints(ctx, [siteAt('macro', 'x', 0, 0, { heightAglM: -1 })]);
    expect(bad).toMatchObject({ ok: true, value: [{ siteId: 'x', cols: 0, skipped: { code: 'not-modelled' } }] });
    expect(await pool.predictFootprints(ctx, sites, { cancel: { aborted: true } })).toMatchObject({ ok: false, code: 'cancelled' });
    const first = pool.predictFootprints(ctx, sites, { batchSize: 1 });
    const second = pool.predictFootprints(ctx, sites.slice(0, 1));
    expect(await first).toMatchObject({ ok: false, code: 'cancelled' });
    expect((await second).ok).toBe(true);
  });
});
