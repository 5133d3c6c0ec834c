import { area, booleanPointInPolygon, intersect, featureCollection, union } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid/gridSpec';
import type { Olt } from '../../../core/model/project';
import { catchmentRaster, householdsFromPopulation, oltServiceAreas } from '../../../core/ftth';

const proj = makeLocalProjection(106.7, 26.6);
const ll = ([x, y]: [number, number]) => proj.inverse([x, y]);
// an L-shaped county (20 km x 20 km minus the north-east 10 km quarter) plus a 2 km island (MultiPolygon)
const boundary: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [([[0, 0], [20000, 0], [20000, 10000], [10000, 10000], [10000, 20000], [0, 20000], [0, 0]] as [number, number][]).map(ll)],
    [([[22000, 0], [24000, 0], [24000, 2000], [22000, 2000], [22000, 0]] as [number, number][]).map(ll)],
  ],
};
const olt = (id: string, x: number, y: number): Olt => {
  const [lonDeg, latDeg] = ll([x, y]);
  return { id, name: id, lonDeg, latDeg, gponPorts: 16, xgsPonPorts: 0, status: 'existing' };
};
const olts = [olt('a', 3000, 3000), olt('b', 15000, 4000), olt('c', 4000, 15000), olt('d', 8000, 8000), olt('e', 12000, 1000)];

describe('oltServiceAreas', () => {
  const areas = oltServiceAreas(olts, boundary, proj.proj4);
  const countyKm2 = area(boundary) / 1e6;

  it('gives every OLT a cell that holds it', () => {
    expect(areas.features.map((f) => f.properties.oltId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    areas.features.forEach((f, k) => expect(booleanPointInPolygon([olts[k].lonDeg, olts[k].latDeg], f)).toBe(true));
  });

  it('covers the county: cell areas sum to the county area and their union is the county', () => {
    // 300 + 4 km2 in the projection; turf area is on a sphere, hence the 0.5 % tolerance
    expect(Math.abs(countyKm2 - 304) / 304).toBeLessThan(0.005);
    const sumKm2 = areas.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(sumKm2 - countyKm2) / countyKm2).toBeLessThan(1e-6);
    const all = union(featureCollection(areas.features))!;
    expect(Math.abs(area(all) / 1e6 - countyKm2) / countyKm2).toBeLessThan(1e-6);
  });

  it('has no overlap between cells', () => {
    for (let i = 0; i < areas.features.length; i++) {
      for (let j = i + 1; j < areas.features.length; j++) {
        const both = intersect(featureCollection([areas.features[i], areas.features[j]]));
        expect(both ? area(both) : 0).toBeLessThan(1); // m2: shared edges only
      }
    }
  });

  it('gives co-located OLTs (one central office) one shared cell', () => {
    const shared = oltServiceAreas([olts[0], { ...olts[0], id: 'a2' }, olts[1]], boundary, proj.proj4);
    expect(shared.features.map((f) => f.properties.oltIds)).toEqual([['a', 'a2'], ['b']]);
    const sumKm2 = shared.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(sumKm2 - countyKm2) / countyKm2).toBeLessThan(1e-6);
  });

  it('gives one OLT the whole county and none an empty list', () => {
    const one = oltServiceAreas([olts[0]], boundary, proj.proj4);
    expect(one.features[0].properties.areaKm2).toBeCloseTo(countyKm2, 3);
    expect(oltServiceAreas([], boundary, proj.proj4).features).toEqual([]);
    expect(() => oltServiceAreas(olts, { type: 'Polygon' } as never, proj.proj4)).toThrow(/boundary/);
  });
});

describe('catchmentRaster', () => {
  it('labels populated cells with their serving OLT, others -1', () => {
    const grid: GridSpec = { cols: 3, rows: 1, originXM: 0, originYM: 100, cellSizeM: 100, crs: proj.proj4 };
    const set = householdsFromPopulation(grid, Float32Array.of(10, 0, 5), 2.81);
    expect(Array.from(catchmentRaster(grid, set, Int32Array.of(2, 0)))).toEqual([2, -1, 0]);
  });
});
