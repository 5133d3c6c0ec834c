import { describe, expect, it } from 'vitest';
import { coverageContextFromProject, footprintRsrpDbm, makeCoverageContext, predictSiteFootprint, resolveSiteRadio } from '../../../core/coverage';
import { cellCentreXM, cellCentreYM } from '../../../core/grid/gridSpec';
import { DEFAULT_RADIO_SETTINGS, defaultProjectSettings, type RadioSettings } from '../../../core/model/project';
import type { Site } from '../../../core/model/site';
import {
  BAND_PRESETS,
  bearingDeg,
  elevationAngleDeg,
  epreDbm,
  omniGainDbi,
  pathLossLosBlendDb,
  sectorGainDbi,
} from '../../../core/radio';
import { proj, siteAt, terrainFrom, testGrid } from './helpers';

const radio: RadioSettings = { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 2000, micro: 800, indoor: 200 } };

describe('predictSiteFootprint', () => {
  const grid = testGrid(2500);
  const ctx = makeCoverageContext(grid, radio);

  it('matches the link budget cell by cell on flat ground (RMa blend, 3GPP pattern with tilts)', () => {
    const site = siteAt('macro', 'S1', 10, -20);
    site.sectors[1].mechanicalTiltDeg = 4;
    site.sectors[1].electricalTiltDeg = 6;
    const fp = predictSiteFootprint(ctx, site);
    const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
    const preset = BAND_PRESETS.n78;
    let checked = 0;
    for (const [c, r] of [[100, 100], [130, 70], [60, 140], [101, 99], [150, 100], [80, 40]]) {
      const col = fp.col0 + c;
      const row = fp.row0 + r;
      const dx = cellCentreXM(grid, col) - sx;
      const dy = cellCentreYM(grid, row) - sy;
      const d = Math.hypot(dx, dy);
      for (let k = 0; k < 3; k++) {
        const s = site.sectors[k];
        const gain = sectorGainDbi(bearingDeg(0, 0, dx, dy) - s.azimuthDeg, elevationAngleDeg(d, 35, 1.5), {
          mechanicalTiltDeg: s.mechanicalTiltDeg,
          electricalTiltDeg: s.electricalTiltDeg,
          maxGainDbi: preset.antennaGainDbi,
        });
        const expected = epreDbm(preset.txPowerDbm, preset.prbCount) + gain - pathLossLosBlendDb('RMa', Math.max(d, 10), 35, 1.5, 3.5);
        const got = footprintRsrpDbm(fp, k)[r * fp.cols + c];
        if (d <= 2000) {
          expect(Math.abs(got - expected)).toBeLessThan(0.02);
          checked++;
        } else expect(got).toBeNaN();
      }
    }
    expect(checked).toBeGreaterThan(12);
  });

  it('stores exactly the cells within range, one span per row, in centi-dBm', () => {
    const site = siteAt('macro', 'S1', 13, 7);
    const fp = predictSiteFootprint(ctx, site);
    const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
    const rsrpDbm = footprintRsrpDbm(fp, 2);
    let inRange = 0;
    for (let r = 0; r < fp.rows; r++) {
      for (let c = 0; c < fp.cols; c++) {
        const d = Math.hypot(cellCentreXM(grid, fp.col0 + c) - sx, cellCentreYM(grid, fp.row0 + r) - sy);
        expect(Number.isFinite(rsrpDbm[r * fp.cols + c])).toBe(d <= 2000);
        if (d <= 2000) inRange++;
      }
    }
    expect(fp.spanStart[fp.rows]).toBe(inRange);
    expect(fp.sectors[2].rsrpCentiDbm).toHaveLength(inRange);
    expect(rsrpDbm.filter(Number.isFinite).every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-3)).toBe(true);
    expect(() => footprintRsrpDbm(fp, 3)).toThrow(/sectorIndex/);
  });

  it('uses the omni vertical pattern and the micro transmit defaults', () => {
    const site = siteAt('micro', 'M1', 0, 0);
    const fp = predictSiteFootprint(ctx, site);
    const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
    const c = 20;
    const r = 5;
    const d = Math.hypot(cellCentreXM(grid, fp.col0 + c) - sx, cellCentreYM(grid, fp.row0 + r) - sy);
    const s = site.sectors[0];
    const gain = omniGainDbi(elevationAngleDeg(d, 10, 1.5), { totalTiltDeg: s.electricalTiltDeg, maxGainDbi: 12 });
    const expected = epreDbm(46, 273) + gain - pathLossLosBlendDb('UMi', d, 10, 1.5, 3.5);
    expect(footprintRsrpDbm(fp, 0)[r * fp.cols + c]).toBeCloseTo(expected, 1);
  });

  it('picks UMa for a macro in a dense-urban cell, RMa elsewhere, UMi for micro', () => {
    const dense = new Uint8Array(grid.cols * grid.rows).fill(1);
    const site = siteAt('macro', 'S1', 0, 0);
    expect(resolveSiteRadio(ctx, site).model).toBe('RMa');
    expect(resolveSiteRadio(makeCoverageContext(grid, radio, { isDenseUrban: dense }), site).model).toBe('UMa');
    expect(resolveSiteRadio(ctx, siteAt('micro', 'M', 0, 0)).model).toBe('UMi');
  });

  it('puts a valley behind a hill in shadow (NLOS + diffraction) and not the open side', () => {
    // ridge 120 m high at x = 600 m (north-south), site at x = 0, flat elsewhere at 1000 m
    const terrainM = terrainFrom(grid, (x) => 1000 + 120 * Math.exp(-(((x - 600) / 80) ** 2)));
    const hilly = makeCoverageContext(grid, radio, { terrainM });
    const site = siteAt('macro', 'S1', 0, 0, { sectors: [{ id: '1', azimuthDeg: 90, mechanicalTiltDeg: 0, electricalTiltDeg: 2, antenna: 'sector' }] });
    const west = siteAt('macro', 'S1', 0, 0, { sectors: [{ id: '1', azimuthDeg: 270, mechanicalTiltDeg: 0, electricalTiltDeg: 2, antenna: 'sector' }] });
    const east = predictSiteFootprint(hilly, site);
    const mirrored = predictSiteFootprint(hilly, west);
    const flatWest = predictSiteFootprint(ctx, west);
    const cellAt = (fp: typeof east, xM: number) => {
      const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
      const col = Math.floor((sx + xM - grid.originXM) / grid.cellSizeM) - fp.col0;
      const row = Math.floor((grid.originYM - sy) / grid.cellSizeM) - fp.row0;
      return footprintRsrpDbm(fp, 0)[row * fp.cols + col];
    };
    const behind = cellAt(east, 1200);
    const openSide = cellAt(mirrored, -1200);
    expect(Math.abs(openSide - cellAt(flatWest, -1200))).toBeLessThan(0.01);
    expect(openSide - behind).toBeGreaterThan(20);
  });

  it('gives a site it cannot predict an empty footprint saying why, and rejects a bad grid or terrain, naming the argument', () => {
    const skipped = (c: typeof ctx, site: Site) => {
      const fp = predictSiteFootprint(c, site);
      expect([fp.cols, fp.rows, fp.sectors.length]).toEqual([0, 0, 0]);
      return `${fp.skipped?.code}: ${fp.skipped?.reason}`;
    };
    expect(skipped(ctx, siteAt('macro', 'far', 9000, 0))).toMatch(/^outside-grid: .*outside the grid/);
    expect(skipped(ctx, siteAt('macro', 'h', 0, 0, { heightAglM: NaN }))).toMatch(/^not-modelled: .*heightAglM/);
    expect(skipped(ctx, siteAt('macro', 'h', 0, 0, { heightAglM: -5 }))).toMatch(/heightAglM/);
    const hata = makeCoverageContext(grid, { ...radio, model: 'cost231' });
    expect(skipped(hata, siteAt('macro', 'f', 0, 0))).toMatch(/freqMhz must be in \[150, 2000\]/);
    expect(skipped(ctx, siteAt('macro', 'f', 0, 0, { heightAglM: 400 }))).toMatch(/hBsM/);
    expect(() => makeCoverageContext(grid, radio, { terrainM: new Float32Array(grid.cols * grid.rows).fill(NaN) })).toThrow(/terrainM is empty/);
    expect(() => makeCoverageContext(grid, radio, { terrainM: new Float32Array(0) })).toThrow(/terrainM must have/);
    expect(() => predictSiteFootprint({ ...ctx, terrainM: new Float32Array(3) }, siteAt('macro', 'x', 0, 0))).toThrow(/terrainM/);
  });

  it('gives NaN, not an exception, for cells with no terrain data', () => {
    const terrainM = terrainFrom(grid, (x) => (x > 500 ? NaN : 1000));
    const fp = predictSiteFootprint(makeCoverageContext(grid, radio, { terrainM }), siteAt('macro', 'S1', 0, 0));
    const rsrpDbm = footprintRsrpDbm(fp, 0);
    expect(rsrpDbm.some((v) => Number.isFinite(v))).toBe(true);
    expect(rsrpDbm.some((v, k) => Number.isNaN(v) && cellCentreXM(grid, fp.col0 + (k % fp.cols)) > 600 && fp.spanStart[Math.floor(k / fp.cols) + 1] > 0)).toBe(true);
  });
});

describe('coverageContextFromProject', () => {
  it('takes terrain and dense-urban cells from the project layers', () => {
    const grid = testGrid(500);
    const n = grid.cols * grid.rows;
    const population = new Float32Array(n);
    population[5] = 10; // 10 persons in a 25 m cell = 16,000 per km²
    const ctx = coverageContextFromProject({
      grid,
      settings: { ...defaultProjectSettings() },
      terrain: { values: new Float32Array(n).fill(800), provenance: 'synthetic', source: 'test' },
      population: { values: population, provenance: 'synthetic', source: 'test' },
    });
    expect(ctx.terrainM?.[0]).toBe(800);
    expect(ctx.isDenseUrban?.[5]).toBe(1);
    expect(ctx.isDenseUrban?.reduce((s, v) => s + v, 0)).toBe(1);
  });
});
