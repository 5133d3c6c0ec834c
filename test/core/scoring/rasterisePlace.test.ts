import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { rasteriseBoundary, rasterisePlace } from '../../../core/scoring';
import { at, makeGrid, proj, rectPlace } from './grids';

describe('rasterisePlace', () => {
  const grid = makeGrid(10, 8);
  const toGridM = proj4('WGS84', grid.crs).forward;

  it('takes the cells whose centre is inside a polygon', () => {
    const c = rasterisePlace(rectPlace(grid, 'p', 'hospital', 2, 1, 5, 3), grid, toGridM);
    const expected = [];
    for (let row = 1; row <= 3; row++) for (let col = 2; col <= 5; col++) expected.push(row * 10 + col);
    expect([...c.cells]).toEqual(expected);
    expect(c.bbox).toEqual([2, 1, 5, 3]);
    expect(c.lengthM).toBeUndefined();
  });

  it('drops a hole (even-odd) and merges multipolygon parts', () => {
    const outer = rectPlace(grid, 'o', 'scenic', 0, 0, 4, 4).geometry as Polygon;
    const hole = rectPlace(grid, 'h', 'scenic', 1, 1, 3, 3).geometry as Polygon;
    const far = rectPlace(grid, 'f', 'scenic', 8, 6, 9, 7).geometry as Polygon;
    const c = rasterisePlace({ id: 'm', name: 'm', category: 'scenic', geometry: { type: 'MultiPolygon', coordinates: [[outer.coordinates[0], hole.coordinates[0]], far.coordinates] } }, grid, toGridM);
    expect(c.cells.length).toBe(25 - 9 + 4);
  });

  it('takes cells within radiusM of a point, and at least the point\'s own cell', () => {
    // centre of cell (4, 4) is at x = 45 m, y = 80 - 45 = 35 m; radius 10.5 m reaches the 4 edge neighbours
    const centre = proj.inverse([45, 35]);
    const c = rasterisePlace({ id: 'p', name: 'p', category: 'government', geometry: { type: 'Point', coordinates: centre }, radiusM: 10.5 }, grid, toGridM);
    expect([...c.cells]).toEqual([34, 43, 44, 45, 54]);
    const tiny = rasterisePlace({ id: 't', name: 't', category: 'government', geometry: { type: 'Point', coordinates: centre }, radiusM: 1 }, grid, toGridM);
    expect([...tiny.cells]).toEqual([44]);
  });

  it('credits a line\'s length to the cells it crosses', () => {
    const line = { type: 'LineString' as const, coordinates: [at(grid, 0, 2.5), at(grid, 10, 2.5)] };
    const c = rasterisePlace({ id: 'l', name: 'l', category: 'line', geometry: line }, grid, toGridM);
    expect([...c.cells]).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    for (const len of c.lengthM!) expect(len).toBeCloseTo(10, 3);
  });

  it('keeps a diagonal line\'s whole length, cut at cell edges', () => {
    const line = { type: 'LineString' as const, coordinates: [at(grid, 0.5, 0.2), at(grid, 7.3, 6.9), at(grid, 9.9, 0.1)] };
    const c = rasterisePlace({ id: 'd', name: 'd', category: 'line', geometry: line }, grid, toGridM);
    const lengthM = Math.hypot(6.8, 6.7) * 10 + Math.hypot(2.6, 6.8) * 10;
    expect(c.lengthM!.reduce((a, v) => a + v, 0)).toBeCloseTo(lengthM, 2);
    expect(c.cells).toContain(0);
    expect(c.cells).toContain(6 * 10 + 7);
  });

  it('marks key points off the grid as -1', () => {
    const c = rasterisePlace(rectPlace(grid, 'p', 'hospital', 2, 1, 5, 3, { keyPoints: [at(grid, 2.5, 1.5), at(grid, 50, 50)] }), grid, toGridM);
    expect([...c.keyPointCells]).toEqual([12, -1]);
  });

  it('rasterises a boundary to a mask', () => {
    const b = rectPlace(grid, 'b', 'scenic', 0, 0, 4, 7).geometry as Polygon;
    const mask = rasteriseBoundary({ type: 'MultiPolygon', coordinates: [b.coordinates] }, grid, toGridM);
    expect(mask.reduce((a, v) => a + v, 0)).toBe(40);
    expect(mask[5]).toBe(0);
    expect(mask[4]).toBe(1);
  });
});
