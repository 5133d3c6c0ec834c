import { booleanPointInPolygon } from '@turf/turf';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { polygonMask } from '../../../core/grid';
import { GUIZHOU_COUNTIES, countyByCode, newCountyProject } from '../../../geodata/counties';

const sum = (v: Float32Array) => v.reduce((a, b) => a + b, 0);

describe('newCountyProject', () => {
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

  it('opens every one of the 88 counties (100 m): places inside, grid over the seat', () => {
    for (const county of GUIZHOU_COUNTIES) {
      const p = newCountyProject(county, { cellSizeM: 100 });
      expect(p.grid.cols * p.grid.rows, county.name).toBeGreaterThan(1000);
      for (const place of p.places) {
        expect(booleanPointInPolygon(place.geometry as Point, county.boundary), place.name).toBe(true);
      }
      expect(p.population === undefined, county.name).toBe(county.pop2020 === undefined);
    }
  });
});
