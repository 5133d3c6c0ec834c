import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, footprintRsrpDbm, makeCoverageContext } from '../../../core/coverage';
import { DEFAULT_RADIO_SETTINGS, type RadioSettings } from '../../../core/model/project';
import type { Site } from '../../../core/model/site';
import { attenuatedShannonMbps, BAND_PRESETS, o2iPenetrationLossDb, thermalNoisePerReDbm } from '../../../core/radio';
import { editArb, siteAt, terrainFrom, testGrid } from './helpers';

const radio: RadioSettings = { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 900, micro: 400, indoor: 100 } };
const grid = testGrid(1000);
const terrainM = terrainFrom(grid, (x, y) => 1000 + 60 * Math.exp(-((x - 200) ** 2 + (y + 100) ** 2) / 150 ** 2));
const ctx = makeCoverageContext(grid, radio, { terrainM });

/** Raster values by cell id so engines with different index orders compare. */
function snapshot(engine: CoverageEngine) {
  const r = engine.raster;
  return { ...r, server: Array.from(r.bestServer, (b) => (b < 0 ? '' : r.cellIds[b])) };
}

function expectSameRaster(a: CoverageEngine, b: CoverageEngine) {
  const x = snapshot(a);
  const y = snapshot(b);
  for (let i = 0; i < x.rsrpDbm.length; i++) {
    for (const key of ['rsrpDbm', 'indoorRsrpDbm', 'sinrDb', 'dlThroughputMbps', 'indoorSinrDb', 'indoorDlThroughputMbps'] as const) {
      const u = x[key][i];
      const v = y[key][i];
      if (Number.isNaN(u) !== Number.isNaN(v) || Math.abs(u - v) > 0.01) expect([i, key, u]).toEqual([i, key, v]);
    }
    if (x.server[i] !== y.server[i]) expect([i, x.server[i]]).toEqual([i, y.server[i]]);
  }
}

const opArb = editArb(['A', 'B', 'C', 'D', 'E'], 950);

describe('CoverageEngine', () => {
  it('incremental add / move / remove equals a full recompute (0.01 dB)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 6 }), (ops) => {
        const engine = new CoverageEngine(ctx);
        const sites = new Map<string, Site>();
        for (const step of ops) {
          if (step.op === 'upsert') {
            engine.upsertSite(step.site);
            sites.set(step.id, step.site);
          } else {
            engine.removeSite(step.id);
            sites.delete(step.id);
          }
        }
        const full = new CoverageEngine(ctx);
        full.setSites([...sites.values()]);
        expectSameRaster(engine, full);
      }),
      { numRuns: 100, seed: 4 },
    );
  });

  it('composes best server, SINR at the load factor, throughput and indoor RSRP from the footprints', () => {
    const engine = new CoverageEngine(ctx);
    const a = siteAt('macro', 'A', -300, 0);
    const b = siteAt('micro', 'B', 300, 50);
    engine.setSites([a, b]);
    const fa = engine.footprint('A')!;
    const fb = engine.footprint('B')!;
    const preset = BAND_PRESETS.n78;
    const noiseMw = 10 ** (thermalNoisePerReDbm(preset.scsKhz, preset.ueNoiseFigureDb) / 10);
    let checked = 0;
    for (const i of [grid.cols * 40 + 40, grid.cols * 40 + 47, grid.cols * 35 + 52, grid.cols * 42 + 38]) {
      const col = i % grid.cols;
      const row = Math.floor(i / grid.cols);
      const values: [string, number][] = [];
      for (const fp of [fa, fb]) {
        const c = col - fp.col0;
        const r = row - fp.row0;
        if (c < 0 || r < 0 || c >= fp.cols || r >= fp.rows) continue;
        fp.sectors.forEach((s, k) => {
          const v = footprintRsrpDbm(fp, k)[r * fp.cols + c];
          if (Number.isFinite(v)) values.push([s.cellId, v]);
        });
      }
      values.sort((p, q) => q[1] - p[1]);
      const [bestId, bestDbm] = values[0];
      const otherMw = values.slice(1).reduce((sum, [, v]) => sum + 10 ** (v / 10), 0);
      const sinr = 10 * Math.log10(10 ** (bestDbm / 10) / (radio.loadFactor * otherMw + noiseMw));
      expect(engine.raster.cellIds[engine.raster.bestServer[i]]).toBe(bestId);
      expect(engine.raster.rsrpDbm[i]).toBeCloseTo(bestDbm, 4);
      expect(engine.raster.sinrDb[i]).toBeCloseTo(sinr, 3);
      expect(engine.raster.dlThroughputMbps[i]).toBeCloseTo(attenuatedShannonMbps(sinr, preset), 2);
      const o2iDb = o2iPenetrationLossDb(3.5, 'low', { indoorDistanceM: 10 / 3 });
      expect(engine.raster.indoorRsrpDbm[i]).toBeCloseTo(bestDbm - o2iDb, 3);
      const sinrIn = 10 * Math.log10(10 ** ((bestDbm - o2iDb) / 10) / (radio.loadFactor * otherMw * 10 ** (-o2iDb / 10) + noiseMw));
      expect(engine.raster.indoorSinrDb[i]).toBeCloseTo(sinrIn, 3);
      expect(engine.raster.indoorDlThroughputMbps[i]).toBeCloseTo(attenuatedShannonMbps(sinrIn, preset), 2);
      checked++;
    }
    expect(checked).toBe(4);
    // outside every footprint: no server, NaN everywhere
    const far = 0;
    expect(engine.raster.bestServer[far]).toBe(-1);
    expect(engine.raster.rsrpDbm[far]).toBeNaN();
  });

  it('returns the touched window and leaves cells outside it alone', () => {
    const engine = new CoverageEngine(ctx);
    engine.setSites([siteAt('macro', 'A', -500, -500), siteAt('macro', 'B', 500, 500)]);
    const before = engine.raster.rsrpDbm.slice();
    const win = engine.upsertSite(siteAt('micro', 'C', -600, 600));
    expect(win.cols).toBeLessThanOrEqual(Math.ceil(400 / 25) * 2 + 1);
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        const inside = col >= win.col0 && col < win.col0 + win.cols && row >= win.row0 && row < win.row0 + win.rows;
        const i = row * grid.cols + col;
        if (!inside) expect(Object.is(engine.raster.rsrpDbm[i], before[i]) || engine.raster.rsrpDbm[i] === before[i]).toBe(true);
      }
    }
    expect(engine.removeSite('nope')).toEqual({ col0: 0, row0: 0, cols: 0, rows: 0 });
  });

  it('leaves out a site outside the grid, one kept outside the county and one the model refuses, with why, and computes the rest', () => {
    const a = siteAt('macro', 'A', -300, 0);
    const far = { ...siteAt('macro', 'FAR', 0, 0), lonDeg: 120.5, latDeg: 40.1 };
    const low = siteAt('macro', 'LOW', 0, 0, { heightAglM: -5 });
    const kept = siteAt('macro', 'KEPT', 300, 300);
    kept.outsideCounty = { lonDeg: kept.lonDeg, latDeg: kept.latDeg, distanceM: 1200 };
    const crowded = siteAt('macro', 'MANY', 0, 300);
    crowded.sectors = Array.from({ length: 13 }, (_, k) => ({ ...crowded.sectors[0], id: String(k + 1) }));
    const engine = new CoverageEngine(ctx);
    engine.setSites([a, far, low, kept, crowded]);
    expect(engine.skippedSites().map((s) => [s.siteId, s.code])).toEqual([['FAR', 'outside-grid'], ['LOW', 'not-modelled'], ['KEPT', 'outside-county'], ['MANY', 'too-many-sectors']]);
    expect(engine.skippedSites()[1].reason).toMatch(/heightAglM/);
    const only = new CoverageEngine(ctx);
    only.setSites([a]);
    expectSameRaster(engine, only);
    // moved off the spot the import kept it at, the site counts; a held site moved out of the grid drops out
    const moved = { ...kept, lonDeg: kept.lonDeg + 0.001 };
    engine.upsertSite(moved);
    engine.upsertSite({ ...a, lonDeg: 100, latDeg: 20 });
    expect(engine.skippedSites().map((s) => s.siteId)).toEqual(['A', 'FAR', 'LOW', 'MANY']);
    only.setSites([moved]);
    expectSameRaster(engine, only);
    engine.removeSite('FAR');
    expect(engine.skippedSites().map((s) => s.siteId)).toEqual(['A', 'LOW', 'MANY']);
  });

  it('cancels a full recompute', () => {
    const engine = new CoverageEngine(ctx);
    expect(() => engine.setSites([siteAt('macro', 'A', 0, 0)], { cancel: { aborted: true } })).toThrow(/cancelled/);
  });
});
