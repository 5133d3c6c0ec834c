import { describe, expect, it } from 'vitest';
import { createFootprintWorker, makeCoverageContext, mergeFootprintOctants, predictSiteFootprint, predictSiteOnWorkers } from '../../../core/coverage';
import { DEFAULT_RADIO_SETTINGS } from '../../../core/model/project';
import { siteAt, terrainFrom, testGrid } from './helpers';

const grid = testGrid(1200);
const ctx = makeCoverageContext(grid, { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 1000, micro: 400, indoor: 100 } }, {
  terrainM: terrainFrom(grid, (x, y) => 900 + 80 * Math.sin(x / 230) * Math.cos(y / 170)),
});

describe('mergeFootprintOctants / predictSiteOnWorkers', () => {
  for (const site of [siteAt('macro', 'M', 137, -42), siteAt('micro', 'U', -400, 310), siteAt('macro', 'E', 1150, 1100)]) {
    it(`joins the two halves of ${site.id} into exactly the whole prediction`, () => {
      const whole = predictSiteFootprint(ctx, site);
      const xMajor = predictSiteFootprint(ctx, site, { octants: 'xMajor' });
      const yMajor = predictSiteFootprint(ctx, site, { octants: 'yMajor' });
      // each half predicts a real share of the cells
      for (const half of [xMajor, yMajor]) {
        const n = half.sectors[0].rsrpCentiDbm.filter((v) => v !== -32768).length;
        expect(n).toBeGreaterThan(whole.spanStart[whole.rows] / 4);
      }
      const merged = mergeFootprintOctants(xMajor, yMajor);
      expect(merged.spanStart).toEqual(whole.spanStart);
      expect(merged.spanCol0).toEqual(whole.spanCol0);
      for (let k = 0; k < whole.sectors.length; k++) expect(merged.sectors[k].rsrpCentiDbm).toEqual(whole.sectors[k].rsrpCentiDbm);
    });
  }

  it('predicts on two inline workers, and rejects halves of different sites', async () => {
    const workers = [createFootprintWorker(), createFootprintWorker()];
    for (const w of workers) w.setContext(ctx);
    const site = siteAt('macro', 'M', -300, 200);
    const fp = await predictSiteOnWorkers(workers, site);
    expect(fp.sectors[1].rsrpCentiDbm).toEqual(predictSiteFootprint(ctx, site).sectors[1].rsrpCentiDbm);
    const other = predictSiteFootprint(ctx, siteAt('macro', 'N', 300, 200), { octants: 'yMajor' });
    expect(() => mergeFootprintOctants(predictSiteFootprint(ctx, site, { octants: 'xMajor' }), other)).toThrow(/yMajor/);
    await expect(predictSiteOnWorkers([], site)).rejects.toThrow(/workers/);
  });
});
