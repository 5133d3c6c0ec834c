import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CoverageEngine,
  createCoverageShard,
  makeCoverageContext,
  planFootprint,
  predictFootprints,
  predictSiteFootprint,
  SplitCoverageEngine,
  sweepTerrainLoss,
  windowAround,
} from '../../../core/coverage';
import { DEFAULT_RADIO_SETTINGS, type RadioSettings } from '../../../core/model/project';
import type { Site } from '../../../core/model/site';
import { editArb, siteAt, siteArb, terrainFrom, testGrid } from './helpers';

const radio: RadioSettings = { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 900, micro: 400, indoor: 100 } };
const grid = testGrid(1000);
const terrainM = terrainFrom(grid, (x, y) => 1000 + 60 * Math.exp(-((x - 200) ** 2 + (y + 100) ** 2) / 150 ** 2) + 25 * Math.sin(x / 90) * Math.cos(y / 70));
const ctx = makeCoverageContext(grid, radio, { terrainM });
const RASTER_KEYS = ['rsrpDbm', 'indoorRsrpDbm', 'sinrDb', 'dlThroughputMbps', 'indoorSinrDb', 'indoorDlThroughputMbps', 'bestServer'] as const;

/** Both rasters bit for bit (NaN equal to NaN), best servers by cell id. */
function expectIdentical(a: CoverageEngine['raster'], b: CoverageEngine['raster']) {
  for (const key of RASTER_KEYS) {
    const x = a[key];
    const y = b[key];
    for (let i = 0; i < x.length; i++) {
      const same = key === 'bestServer' ? (x[i] < 0 ? '' : a.cellIds[x[i]]) === (y[i] < 0 ? '' : b.cellIds[y[i]]) : Object.is(x[i], y[i]);
      if (!same) expect([key, i, x[i]]).toEqual([key, i, y[i]]);
    }
  }
}

const opArb = editArb(['A', 'B', 'C', 'D'], 990);

describe('predictSiteFootprint / sweepTerrainLoss halves', () => {
  for (const site of [siteAt('macro', 'M', 137, -42), siteAt('micro', 'U', -400, 310), siteAt('macro', 'E', 980, 990), siteAt('macro', 'W', -990, -990)]) {
    it(`${site.id}: the north and south halves predicted into one plan are exactly the whole prediction`, () => {
      const whole = predictSiteFootprint(ctx, site);
      const into = planFootprint(ctx, site, { shared: true });
      expect(into.sectors[0].rsrpCentiDbm.buffer).toBeInstanceOf(SharedArrayBuffer);
      predictSiteFootprint(ctx, site, { half: 'south', into });
      const south = Array.from(into.sectors[0].rsrpCentiDbm);
      predictSiteFootprint(ctx, site, { half: 'north', into });
      expect(into.spanStart).toEqual(whole.spanStart);
      expect(into.spanCol0).toEqual(whole.spanCol0);
      for (let k = 0; k < whole.sectors.length; k++) expect(into.sectors[k].rsrpCentiDbm).toEqual(whole.sectors[k].rsrpCentiDbm);
      // each half did a real share of the cells (a site at the grid's edge may have no rows on one side)
      const changed = south.filter((v, j) => v !== 0 && v === whole.sectors[0].rsrpCentiDbm[j]).length;
      expect(changed).toBeGreaterThan(0);
    });
  }

  it('splits the sweep into the rows north of the site and the rest, with no cell in both', () => {
    const [col, row] = [40, 37];
    const win = windowAround(grid, col, row, 900);
    const args = [grid, terrainM, win, col, row, 30, 1.5, 3500] as const;
    const whole = sweepTerrainLoss(...args);
    const north = sweepTerrainLoss(...args, { half: 'north' });
    const south = sweepTerrainLoss(...args, { half: 'south' });
    let northCells = 0;
    for (let i = 0; i < whole.diffractionDb.length; i++) {
      const isNorth = win.row0 + Math.floor(i / win.cols) < row;
      const [inHalf, other] = isNorth ? [north, south] : [south, north];
      expect([i, inHalf.diffractionDb[i], inHalf.isObstructed[i]]).toEqual([i, whole.diffractionDb[i], whole.isObstructed[i]]);
      expect([i, other.diffractionDb[i], other.isObstructed[i]]).toEqual([i, 0, 0]);
      if (isNorth && whole.diffractionDb[i] > 0) northCells++;
    }
    expect(northCells).toBeGreaterThan(100);
  });

  it('rejects a plan of another site or place', () => {
    const site = siteAt('macro', 'M', 0, 0);
    expect(() => predictSiteFootprint(ctx, site, { into: planFootprint(ctx, siteAt('macro', 'M', 300, 0)) })).toThrow(/into/);
    expect(() => predictSiteFootprint(ctx, site, { into: planFootprint(ctx, siteAt('macro', 'N', 0, 0)) })).toThrow(/into/);
  });
});

describe('SplitCoverageEngine', () => {
  it('keeps the raster bit for bit as one engine through any edits (shard inline)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(siteArb('S', 990), { maxLength: 3 }), fc.array(opArb, { minLength: 1, maxLength: 6 }), async (initial, ops) => {
        const start: Site[] = initial.map((s, i) => ({ ...s, id: `S${i}` }));
        const one = new CoverageEngine(ctx);
        one.setSites(start);
        const split = await SplitCoverageEngine.create(ctx, createCoverageShard());
        await split.setFootprints(predictFootprints(ctx, start));
        for (const step of ops) {
          if (step.op === 'upsert') {
            one.upsertSite(step.site);
            await split.upsertSite(step.site);
          } else {
            one.removeSite(step.id);
            await split.removeSite(step.id);
          }
        }
        expect(split.siteCount).toBe(one.siteCount);
        expectIdentical(split.raster, one.raster);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('reuses the shared buffers of a footprint it replaced, never those it was given', async () => {
    const given = predictFootprints(ctx, [siteAt('macro', 'G', 0, 0)], { shared: true });
    const split = await SplitCoverageEngine.create(ctx, createCoverageShard());
    await split.setFootprints(given);
    const givenValues = Array.from(given[0].sectors[0].rsrpCentiDbm);
    const one = new CoverageEngine(ctx);
    one.setFootprints(predictFootprints(ctx, [siteAt('macro', 'G', 0, 0)]));
    const buffersOf = (id: string) => split.footprint(id)!.sectors.map((sector) => sector.rsrpCentiDbm.buffer);
    // moves by whole cells well inside the grid: the footprint keeps its size
    await split.upsertSite(siteAt('macro', 'A', 0, 0));
    const first = buffersOf('A');
    for (const [id, x, y] of [['A', 25, 25], ['A', 50, 0], ['G', 30, 30]] as const) {
      await split.upsertSite(siteAt('macro', id, x, y));
      one.upsertSite(siteAt('macro', id, x, y));
    }
    expect(buffersOf('A').every((b) => first.includes(b))).toBe(true); // A's third footprint took its first one's buffers
    expect(Array.from(given[0].sectors[0].rsrpCentiDbm)).toEqual(givenValues); // G's given footprint untouched
    expectIdentical(split.raster, one.raster);
  });

  it('runs edits one at a time when they are not awaited, and leaves out a bad site without changing the others', async () => {
    const split = await SplitCoverageEngine.create(ctx, createCoverageShard());
    const one = new CoverageEngine(ctx);
    const a = siteAt('macro', 'A', -200, 150);
    const b = siteAt('macro', 'A', 250, -300);
    const c = siteAt('micro', 'C', 100, 100);
    await Promise.all([split.upsertSite(a), split.upsertSite(c), split.upsertSite(b), split.removeSite('C')]);
    one.upsertSite(b);
    expectIdentical(split.raster, one.raster);
    await split.upsertSite({ ...c, heightAglM: Number.NaN });
    await split.upsertSite({ ...a, id: 'FAR', lonDeg: 120.5, latDeg: 40.1 });
    expect(split.skippedSites().map((s) => [s.siteId, s.code])).toEqual([['C', 'not-modelled'], ['FAR', 'outside-grid']]);
    expectIdentical(split.raster, one.raster);
    // a held site that turns bad drops out of both halves
    await split.upsertSite({ ...b, lonDeg: 100, latDeg: 20 });
    one.removeSite('A');
    expectIdentical(split.raster, one.raster);
  });
});
