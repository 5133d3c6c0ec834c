import { area } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { WGS84_LONLAT, gridForBoundsM, polygonMask, resampleBilinear, resampleMassPreserving, type GeoRaster } from '../../../core/grid';

const proj = makeLocalProjection(106.4, 27.85);
/** 0.01 deg pixels from 106.35E, 27.9N (about 985 x 1110 m). */
function lonLatRaster(width: number, height: number, f: (col: number, row: number) => number): GeoRaster {
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) values[r * width + c] = f(c, r);
  return { width, height, values, originX: 106.35, originY: 27.9, pixelSizeX: 0.01, pixelSizeY: 0.01, crs: WGS84_LONLAT };
}

describe('resampleMassPreserving', () => {
  it('keeps the total of a raster lying inside the grid, within float rounding', () => {
    const raster = lonLatRaster(6, 5, (c, r) => (c + 1) * 10 + r * 3);
    const total = raster.values.reduce((a, b) => a + b, 0);
    const grid = gridForBoundsM([-8000, -8000, 8000, 9000], 25, proj.proj4);
    const persons = resampleMassPreserving(raster, grid);
    expect(persons.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 1);
  });

  it('shares a pixel among the cells it covers in proportion to area', () => {
    const raster = lonLatRaster(1, 1, () => 1000);
    const grid = gridForBoundsM([-8000, -8000, 8000, 9000], 100, proj.proj4);
    const persons = resampleMassPreserving(raster, grid);
    const full = Array.from(persons).filter((v) => v > 0);
    // ~985 x 1110 m pixel: ~109 cells fully inside, each holding 1000 * 1e4 m2 / pixel area
    const pixelM2 = area({ type: 'Polygon', coordinates: [[[106.35, 27.89], [106.36, 27.89], [106.36, 27.9], [106.35, 27.9], [106.35, 27.89]]] });
    const inner = full.filter((v) => Math.abs(v / ((1000 * 1e4) / pixelM2) - 1) < 0.01).length;
    expect(inner).toBeGreaterThan(80);
    expect(full.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 2);
  });

  it('drops the mass outside the grid', () => {
    const raster = lonLatRaster(2, 1, () => 500);
    const [x0] = proj.forward([106.35, 27.895]);
    const [x1, y1] = proj.forward([106.36, 27.895]);
    const [x2] = proj.forward([106.37, 27.895]);
    // the west pixel, and the strip of the east one up to the grid's east edge (snapped outwards to 50 m)
    const grid = gridForBoundsM([x0 - 3000, y1 - 3000, x1, y1 + 3000], 50, proj.proj4);
    const eastEdgeM = grid.originXM + grid.cols * 50;
    const expected = 500 + (500 * (eastEdgeM - x1)) / (x2 - x1);
    expect(resampleMassPreserving(raster, grid).reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 0);
  });
});

describe('resampleBilinear', () => {
  it('reproduces a plane in lon/lat exactly (bilinear is exact for linear fields)', () => {
    const raster = lonLatRaster(8, 8, (c, r) => 1000 + 30 * c - 20 * r);
    const grid = gridForBoundsM([-2000, -2000, 2000, 2000], 100, proj.proj4);
    const heights = resampleBilinear(raster, grid);
    for (const [col, row] of [[0, 0], [17, 23], [39, 39]]) {
      const [lon, lat] = proj.inverse([grid.originXM + (col + 0.5) * 100, grid.originYM - (row + 0.5) * 100]);
      const u = (lon - 106.35) / 0.01 - 0.5;
      const v = (27.9 - lat) / 0.01 - 0.5;
      expect(heights[row * grid.cols + col]).toBeCloseTo(1000 + 30 * u - 20 * v, 2);
    }
  });

  it('stops when cancelled', () => {
    const raster = lonLatRaster(2, 2, () => 1);
    const grid = gridForBoundsM([-100, -100, 100, 100], 25, proj.proj4);
    expect(() => resampleBilinear(raster, grid, { cancel: { aborted: true } })).toThrow(/cancelled/);
  });
});

describe('polygonMask', () => {
  it('marks the cells inside a polygon with a hole; counts match the geodesic area', () => {
    const boundary: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[
        [[106.36, 27.82], [106.44, 27.82], [106.44, 27.88], [106.36, 27.88], [106.36, 27.82]],
        [[106.39, 27.84], [106.41, 27.84], [106.41, 27.86], [106.39, 27.86], [106.39, 27.84]],
      ]],
    };
    const grid = gridForBoundsM([-6000, -5000, 6000, 5000], 25, proj.proj4);
    const mask = polygonMask(grid, boundary);
    const insideKm2 = (mask.reduce((a, b) => a + b, 0) * 625) / 1e6;
    expect(insideKm2 / (area(boundary) / 1e6)).toBeCloseTo(1, 2);
    const [hx, hy] = proj.forward([106.4, 27.85]);
    expect(mask[Math.floor((grid.originYM - hy) / 25) * grid.cols + Math.floor((hx - grid.originXM) / 25)]).toBe(0);
  });
});
