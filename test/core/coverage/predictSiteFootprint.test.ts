import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksFromProject, predictLinks } from '../../../core/calibration';
import {
  coverageContextFromProject,
  footprintRsrpDbm,
  makeCoverageContext,
  predictSiteFootprint,
  prepareSiteLinks,
  sectorLinkAtCell,
  type CoverageContext,
} from '../../../core/coverage';
import { cellCentreXM, cellCentreYM } from '../../../core/grid/gridSpec';
import { DEFAULT_RADIO_SETTINGS, defaultProjectSettings, type RadioSettings } from '../../../core/model/project';
import type { Site } from '../../../core/model/site';
import {
  DEFAULT_PROPAGATION_MODEL,
  LAND_USE,
  LAND_USE_CLASS_COUNT,
  linkLossDb,
  normalQuantile,
  referenceClutterLossDb,
  referencePropagationModel,
  type LinkGeometry,
  type PropagationModel,
} from '../../../core/propagation';
import { proj, siteArb, siteAt, terrainFrom, testGrid } from './helpers';

const radio: RadioSettings = { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { macro: 2000, micro: 800, indoor: 200 } };

/** RSRP of sector k of `site` at cell (col, row) from the model's own link evaluation, dBm. */
function modelRsrpDbm(ctx: CoverageContext, site: Site, k: number, col: number, row: number): number {
  const link = { clutterShares: new Float64Array(LAND_USE_CLASS_COUNT) } as unknown as LinkGeometry;
  const txDbm = sectorLinkAtCell(prepareSiteLinks(ctx, site), k, col, row, link);
  return txDbm - linkLossDb(ctx.model, link);
}

function cellOf(fp: { col0: number; row0: number }, site: Site, grid: ReturnType<typeof testGrid>, dxM: number, dyM: number) {
  const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
  const col = Math.floor((sx + dxM - grid.originXM) / grid.cellSizeM);
  const row = Math.floor((grid.originYM - (sy + dyM)) / grid.cellSizeM);
  return { col, row, local: (row - fp.row0) * 0 + 0, c: col - fp.col0, r: row - fp.row0 };
}

describe('predictSiteFootprint', () => {
  const grid = testGrid(2500);
  const ctx = makeCoverageContext(grid, radio);

  it('is the propagation model cell by cell on flat ground (tilts, 3 sectors)', () => {
    const site = siteAt('macro', 'S1', 10, -20);
    site.sectors[1].mechanicalTiltDeg = 4;
    site.sectors[1].electricalTiltDeg = 6;
    for (const model of [DEFAULT_PROPAGATION_MODEL, referencePropagationModel()]) {
      const mctx = { ...ctx, model };
      const fp = predictSiteFootprint(mctx, site);
      let checked = 0;
      for (const [c, r] of [[100, 100], [130, 70], [60, 140], [101, 99], [150, 100], [80, 40], [20, 160]]) {
        for (let k = 0; k < 3; k++) {
          const got = footprintRsrpDbm(fp, k)[r * fp.cols + c];
          const expected = modelRsrpDbm(mctx, site, k, fp.col0 + c, fp.row0 + r);
          if (Number.isNaN(expected)) expect(got).toBeNaN();
          else {
            expect(Math.abs(got - expected)).toBeLessThan(0.02);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(12);
    }
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

  it('gives an omni micro site its vertical cut and the micro transmit defaults', () => {
    const site = siteAt('micro', 'M1', 0, 0);
    const fp = predictSiteFootprint(ctx, site);
    const got = footprintRsrpDbm(fp, 0)[5 * fp.cols + 20];
    expect(got).toBeCloseTo(modelRsrpDbm(ctx, site, 0, fp.col0 + 20, fp.row0 + 5), 1);
  });

  it('puts a valley behind a hill in shadow by the terrain diffraction term only, and not the open side', () => {
    // ridge 120 m high at x = 600 m (north-south), site at x = 0, flat elsewhere at 1000 m
    const terrainM = terrainFrom(grid, (x) => 1000 + 120 * Math.exp(-(((x - 600) / 80) ** 2)));
    const hilly = makeCoverageContext(grid, radio, { terrainM });
    const flatTerrain = makeCoverageContext(grid, radio, { terrainM: terrainFrom(grid, () => 1000) });
    const east = siteAt('macro', 'S1', 0, 0, { sectors: [{ id: '1', azimuthDeg: 90, mechanicalTiltDeg: 0, electricalTiltDeg: 2, antenna: 'sector' }] });
    const west = siteAt('macro', 'S1', 0, 0, { sectors: [{ id: '1', azimuthDeg: 270, mechanicalTiltDeg: 0, electricalTiltDeg: 2, antenna: 'sector' }] });
    const at = (c: CoverageContext, site: Site, xM: number) => {
      const fp = predictSiteFootprint(c, site);
      const { c: col, r: row } = cellOf(fp, site, grid, xM, 0);
      return footprintRsrpDbm(fp, 0)[row * fp.cols + col];
    };
    const behind = at(hilly, east, 1200);
    const open = at(hilly, west, -1200);
    expect(Math.abs(open - at(flatTerrain, west, -1200))).toBeLessThan(0.01);
    // the same distance on flat ground less the knife edge over the ridge (weight 1 in the default)
    const shadowDb = at(flatTerrain, east, 1200) - behind;
    expect(shadowDb).toBeGreaterThan(15);
    expect(DEFAULT_PROPAGATION_MODEL.kFactors.terrainDiffraction).toBe(1);
  });

  it('adds the clutter of the receiver neighbourhood: the P.2108 reference plus the model correction', () => {
    const n = grid.cols * grid.rows;
    const site = siteAt('macro', 'S1', 0, 0);
    const open = makeCoverageContext(grid, radio, { landUse: new Uint8Array(n).fill(LAND_USE.open) });
    const urban = makeCoverageContext(grid, radio, { landUse: new Uint8Array(n).fill(LAND_USE.urban) });
    const a = footprintRsrpDbm(predictSiteFootprint(open, site), 0);
    const b = footprintRsrpDbm(predictSiteFootprint(urban, site), 0);
    const i = 100 * 161 + 120;
    const expected = referenceClutterLossDb(LAND_USE.urban, 3.5, 1.5) + DEFAULT_PROPAGATION_MODEL.clutterCorrectionDb.urban;
    expect(a[i] - b[i]).toBeCloseTo(expected, 1);
  });

  it('lowers every value by z(p)·σ at a location probability p', () => {
    const site = siteAt('macro', 'S1', 0, 0);
    const median = footprintRsrpDbm(predictSiteFootprint(ctx, site), 0);
    const p95 = footprintRsrpDbm(predictSiteFootprint(makeCoverageContext(grid, { ...radio, locationProbability: 0.95 }), site), 0);
    const marginDb = normalQuantile(0.95) * DEFAULT_PROPAGATION_MODEL.sigmaDb;
    const i = median.findIndex(Number.isFinite);
    expect(median[i] - p95[i]).toBeCloseTo(marginDb, 1);
    expect(() => makeCoverageContext(grid, { ...radio, locationProbability: 1 })).toThrow(/locationProbability/);
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
    expect(() => makeCoverageContext(grid, radio, { terrainM: new Float32Array(grid.cols * grid.rows).fill(NaN) })).toThrow(/terrainM is empty/);
    expect(() => makeCoverageContext(grid, radio, { terrainM: new Float32Array(0) })).toThrow(/terrainM must have/);
    expect(() => makeCoverageContext(grid, radio, { landUse: new Uint8Array(3) })).toThrow(/landUse must have/);
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

describe('the engine and predict agree at measurement points (one model)', () => {
  const grid = testGrid(1500);
  const n = grid.cols * grid.rows;
  // hills and a town: terrain diffraction, clutter heights in the surface and the clutter term all take part
  const terrainM = terrainFrom(grid, (x, y) => 900 + 70 * Math.exp(-((x - 400) ** 2 + (y + 200) ** 2) / 250 ** 2) + 25 * Math.sin(x / 230) * Math.cos(y / 170));
  const landUse = new Uint8Array(n);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const x = cellCentreXM(grid, c);
      const y = cellCentreYM(grid, r);
      const d = Math.hypot(x + 300, y - 300);
      landUse[r * grid.cols + c] = d < 300 ? LAND_USE.denseUrban : d < 600 ? LAND_USE.urban : d < 800 ? LAND_USE.suburban : (r * 7 + c * 3) % 11 === 0 ? LAND_USE.forest : LAND_USE.rural;
    }
  }
  const modelArb: fc.Arbitrary<PropagationModel> = fc.oneof(
    fc.constant(DEFAULT_PROPAGATION_MODEL),
    fc.constant(referencePropagationModel()),
    fc
      .record({ kh: fc.double({ min: 0, max: 1.5, noNaN: true }), kfb: fc.double({ min: 0, max: 20, noNaN: true }), kc: fc.double({ min: 0, max: 1, noNaN: true }), off: fc.double({ min: -20, max: 20, noNaN: true }) })
      .map(({ kh, kfb, kc, off }) => ({
        ...DEFAULT_PROPAGATION_MODEL,
        kFactors: { ...DEFAULT_PROPAGATION_MODEL.kFactors, horizontalPattern: kh, frontBackDb: kfb, clutterDiffraction: kc, verticalPattern: 0.5, verticalSlopeDbPerDeg: 0.2 },
        clutterCorrectionDb: { ...DEFAULT_PROPAGATION_MODEL.clutterCorrectionDb, rural: off, forest: -off },
      })),
  );

  it('the footprint value of a measured point\'s cell equals predictLinks(linksFromProject) to 0.1 dB', () => {
    fc.assert(
      fc.property(
        siteArb('S', 600),
        modelArb,
        fc.array(fc.record({ dx: fc.integer({ min: -1400, max: 1400 }), dy: fc.integer({ min: -1400, max: 1400 }), sector: fc.integer({ min: 0, max: 2 }) }), { minLength: 5, maxLength: 20 }),
        (site, model, offsets) => {
          const ctx = makeCoverageContext(grid, radio, { terrainM, landUse, model });
          const fp = predictSiteFootprint(ctx, site);
          const [sx, sy] = proj.forward([site.lonDeg, site.latDeg]);
          const points = offsets.map(({ dx, dy, sector }) => {
            const [lonDeg, latDeg] = proj.inverse([sx + dx, sy + dy]);
            return { siteIndex: 0, sectorIndex: sector % site.sectors.length, lonDeg, latDeg, rsrpDbm: -90 };
          });
          const predicted = predictLinks(model, linksFromProject(ctx, [site], points));
          points.forEach((p, i) => {
            const [x, y] = proj.forward([p.lonDeg, p.latDeg]);
            const col = Math.floor((x - grid.originXM) / grid.cellSizeM) - fp.col0;
            const row = Math.floor((grid.originYM - y) / grid.cellSizeM) - fp.row0;
            const inWindow = col >= 0 && row >= 0 && col < fp.cols && row < fp.rows;
            const engine = inWindow ? footprintRsrpDbm(fp, p.sectorIndex)[row * fp.cols + col] : NaN;
            if (Number.isNaN(engine)) expect(predicted[i]).toBeNaN();
            else expect(Math.abs(engine - predicted[i])).toBeLessThan(0.1);
          });
        },
      ),
      { numRuns: 40, seed: 20 },
    );
  });
});

describe('coverageContextFromProject', () => {
  it('takes terrain, land use (derived from population) and dense-urban cells from the project layers', () => {
    const grid = testGrid(500);
    const n = grid.cols * grid.rows;
    const population = new Float32Array(n);
    population[5] = 10; // 10 persons in a 25 m cell = 16,000 per km²
    population[6] = 0.1; // 160 per km²: rural
    const ctx = coverageContextFromProject({
      grid,
      settings: { ...defaultProjectSettings() },
      terrain: { values: new Float32Array(n).fill(800), provenance: 'synthetic', source: 'test' },
      population: { values: population, provenance: 'synthetic', source: 'test' },
    });
    expect(ctx.terrainM?.[0]).toBe(800);
    expect(ctx.landUse?.[5]).toBe(LAND_USE.denseUrban);
    expect(ctx.landUse?.[6]).toBe(LAND_USE.rural);
    expect(ctx.landUse?.[7]).toBe(LAND_USE.open);
    expect(ctx.isDenseUrban?.[5]).toBe(1);
    expect(ctx.isDenseUrban?.reduce((s, v) => s + v, 0)).toBe(1);
    expect(ctx.surfaceM?.[5]).toBe(820);
    expect(ctx.model).toBe(DEFAULT_PROPAGATION_MODEL);
  });

  it('prefers a loaded land-use layer and the project model', () => {
    const grid = testGrid(500);
    const n = grid.cols * grid.rows;
    const model = referencePropagationModel();
    const ctx = coverageContextFromProject({
      grid,
      settings: { ...defaultProjectSettings() },
      population: { values: new Float32Array(n).fill(100), provenance: 'synthetic', source: 'test' },
      landUse: { values: new Float32Array(n).fill(LAND_USE.forest), provenance: 'file', source: 'lc.tif' },
      propagationModel: model,
    });
    expect(ctx.landUse?.[0]).toBe(LAND_USE.forest);
    expect(ctx.model).toBe(model);
  });
});
