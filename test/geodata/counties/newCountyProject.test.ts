import { booleanPointInPolygon } from '@turf/turf';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { polygonMask } from '../../../core/grid';
import { GUIZHOU_COUNTIES, countyByCode, newCountyProject } from '../../../geodata/counties';
import { shippedDefaults } from '../shippedDefaults';

const sum = (v: Float32Array) => v.reduce((a, b) => a + b, 0);

describe('newCountyProject', () => {
  it('builds 仁怀市 from the shipped defaults: census people distributed by GPW, coarse SRTM30_PLUS relief, both labelled', async () => {
    const county = countyByCode('520382')!;
    const p = newCountyProject(county, { cellSizeM: 100, defaults: await shippedDefaults() });
    expect(Math.abs(sum(p.population!.values) - 655_300)).toBeLessThan(0.5);
    expect(p.population).toMatchObject({ provenance: 'modelled', details: { kind: 'population', method: 'census-raster', censusTotal: 655_300, raster: { name: 'GPW v4.11 2020' } } });
    expect(p.population!.source).toMatch(/^2020 census total 655,300 distributed by GPW v4\.11 2020 \(CIESIN, CC BY 4\.0/);
    // the seat's core is denser than GPW's cut-off copy allows
    expect(p.population!.details).toMatchObject({ kind: 'population', core: { clusters: 1 } });
    expect(p.terrain).toMatchObject({ provenance: 'file', details: { kind: 'terrain', method: 'shipped-coarse', citation: 'SRTM30_PLUS (Becker et al. 2009)' } });
    expect(p.terrain!.source).toMatch(/^COARSE: .*no valleys or ridges under ~2 km, so no shadowing by local hills: load a finer DEM$/);
    const t = p.terrain!.details as { minM: number; maxM: number; resolutionM: number };
    expect(t.resolutionM).toBeGreaterThan(1900);
    expect(t.resolutionM).toBeLessThan(2300);
    expect(t.minM).toBeGreaterThan(300);
    expect(t.maxM).toBeLessThan(2000);
    expect(p.seat).toEqual({ lonLat: county.seatLonLat, nameZh: '市区', nameEn: 'the city centre' });
  });

  it('spreads 威宁 by GPW instead of one blob at the seat', async () => {
    const county = countyByCode('520526')!;
    const withGpw = newCountyProject(county, { cellSizeM: 100, defaults: await shippedDefaults() });
    const modelled = newCountyProject(county, { cellSizeM: 100 });
    const { grid } = withGpw;
    const [sx, sy] = [-grid.originXM, grid.originYM]; // the grid's projection is centred on the seat: seat at (0, 0)
    const within5km = (v: Float32Array) => {
      let near = 0;
      for (let row = 0; row < grid.rows; row++) {
        for (let col = 0; col < grid.cols; col++) {
          if (Math.hypot((col + 0.5) * 100 - sx, sy - (row + 0.5) * 100) < 5000) near += v[row * grid.cols + col];
        }
      }
      return near / sum(v);
    };
    expect(Math.abs(sum(withGpw.population!.values) - 1_280_116)).toBeLessThan(1);
    expect(within5km(modelled.population!.values)).toBeGreaterThan(0.3);
    expect(within5km(withGpw.population!.values)).toBeLessThan(0.15);
    const denseKm2 = withGpw.population!.values.filter((v) => v > 100 * 0.01).length * 0.01; // cells above 100/km2
    expect(denseKm2).toBeGreaterThan(2000);
  });

  it('builds 仁怀市 with its boundary, a 25 m grid over it, modelled population and its sourced places', () => {
    const county = countyByCode('520382')!;
    const p = newCountyProject(county);
    expect(p).toMatchObject({ countyCode: '520382', name: '仁怀市', sites: [], candidates: [], olts: [] });
    expect(p.grid.cellSizeM).toBe(25);
    expect(p.grid.crs).toContain(`+lon_0=${county.seatLonLat[0]}`);
    // the grid covers the boundary: the inside cells add up to the county area within 1 %
    const insideKm2 = (sum(Float32Array.from(polygonMask(p.grid, p.boundary))) * 625) / 1e6;
    expect(insideKm2 / county.areaKm2).toBeCloseTo(1, 2);
    expect(p.population?.provenance).toBe('modelled');
    expect(Math.abs(sum(p.population!.values) - 655_300)).toBeLessThan(0.05);
    expect(p.settings.population).toMatchObject({ status: 'modelled', censusTotal: 655_300 });
    expect(p.population?.details).toMatchObject({ method: 'census-model' });
    expect(p.places.map((x) => x.name)).toEqual(['遵义茅台机场 WMT/ZUMT']);
    expect(p.terrain).toBeUndefined();
  });

  it('leaves population absent without a census figure and says so; models it from an entered one', () => {
    // every county has its 2020 census figure now: a county record without one stands for a user-edited one
    const nanming = { ...countyByCode('520102')!, pop2020: undefined, pop2020Source: undefined };
    const bare = newCountyProject(nanming, { cellSizeM: 100 });
    expect(bare.population).toBeUndefined();
    expect(bare.settings.population).toEqual({ status: 'needs-census-figure' });
    const entered = newCountyProject(nanming, { cellSizeM: 100, censusPopulation: 123_456 });
    expect(Math.abs(sum(entered.population!.values) - 123_456)).toBeLessThan(0.01);
    expect(entered.settings.population).toEqual({ status: 'modelled', censusTotal: 123_456, censusSource: 'entered by the user' });
    expect(entered.population!.source).toContain('entered by the user');
  });

  it('checks cell size, census figure and terrain size', () => {
    const county = countyByCode('520382')!;
    expect(() => newCountyProject(county, { cellSizeM: 5 })).toThrow(/cellSizeM/);
    expect(() => newCountyProject(county, { cellSizeM: 100, censusPopulation: -3 })).toThrow(/censusPopulation/);
    expect(() => newCountyProject(county, { cellSizeM: 100, terrain: { values: new Float32Array(4), provenance: 'file', source: 'x' } })).toThrow(/terrain/);
  });

  it('opens every one of the 88 counties (100 m) from the defaults: census-true population, coarse terrain, places inside', async () => {
    const defaults = await shippedDefaults();
    for (const county of GUIZHOU_COUNTIES) {
      const p = newCountyProject(county, { cellSizeM: 100, defaults });
      expect(Math.abs(sum(p.population!.values) / county.pop2020! - 1), county.name).toBeLessThan(0.001);
      expect(p.population!.details, county.name).toMatchObject({ method: 'census-raster' });
      expect(p.terrain!.values.some(Number.isNaN), county.name).toBe(false);
      expect(p.grid.cols * p.grid.rows, county.name).toBeGreaterThan(1000);
      for (const place of p.places) {
        expect(booleanPointInPolygon(place.geometry as Point, county.boundary), place.name).toBe(true);
      }
    }
  });
});
