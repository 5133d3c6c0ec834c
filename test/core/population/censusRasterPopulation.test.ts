import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { WGS84_LONLAT, geographicPixelAreaKm2, gridForBoundsM, polygonMask, resampleMassPreserving, type GeoRaster } from '../../../core/grid';
import { censusRasterPopulation } from '../../../core/population';

// A 10 x 10 km square county at 106.4E 27.85N on a 100 m grid, and a raster of 0.01 deg pixels over it.
const proj = makeLocalProjection(106.4, 27.85);
const ring = [[-5000, -5000], [5000, -5000], [5000, 5000], [-5000, 5000], [-5000, -5000]].map(([x, y]) => proj.inverse([x, y]));
const boundary: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring]] };
const grid = gridForBoundsM([-5000, -5000, 5000, 5000], 100, proj.proj4);
const mask = polygonMask(grid, boundary);
const seat: [number, number] = [106.4, 27.85];

/** 0.01 deg pixels from 106.33E, 27.92N holding `densityPerKm2(col, row)`, as persons per pixel. */
function densityRaster(densityPerKm2: (col: number, row: number) => number): GeoRaster {
  const width = 14;
  const height = 14;
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    const km2 = geographicPixelAreaKm2(27.92 - r * 0.01, 0.01, 0.01);
    for (let c = 0; c < width; c++) values[r * width + c] = densityPerKm2(c, r) * km2;
  }
  return { width, height, values, originX: 106.33, originY: 27.92, pixelSizeX: 0.01, pixelSizeY: 0.01, crs: WGS84_LONLAT };
}

const sum = (v: Float32Array) => v.reduce((a, b) => a + b, 0);
/** the pixel of the raster holding the seat: column 7, row 7 */
const isCentre = (c: number, r: number) => Math.abs(c - 7) <= 1 && Math.abs(r - 7) <= 1;

describe('censusRasterPopulation', () => {
  it('scales the raster to the census when it holds more people than the census, keeping its shape', () => {
    const raster = densityRaster((c) => 50 + 20 * c);
    const made = censusRasterPopulation(raster, grid, boundary, 10_000, { seatLonLat: seat, densityCapPerKm2: 4096 })!;
    expect(Math.abs(sum(made.values) - 10_000)).toBeLessThan(0.01);
    expect(made.details.scale).toBeLessThan(1);
    expect(made.details.core).toBeUndefined();
    // east holds more than west, as in the raster; nobody outside the county
    const at = (xM: number, yM: number) => made.values[Math.floor((grid.originYM - yM) / 100) * grid.cols + Math.floor((xM - grid.originXM) / 100)];
    expect(at(4000, 0) / at(-4000, 0)).toBeGreaterThan(1.5);
    for (let i = 0; i < mask.length; i++) if (!mask[i]) expect(made.values[i]).toBe(0);
  });

  it('gives the census remainder to the dense core, peaked at the seat, and keeps the other cells as the raster has them', () => {
    // a 3 x 3 pixel city of 3,000/km2 (the raster's values there are no better than a cut-off copy's) in 100/km2 countryside
    const raster = densityRaster((c, r) => (isCentre(c, r) ? 3000 : 100));
    const raw = resampleMassPreserving(raster, grid);
    const census = 150_000;
    const made = censusRasterPopulation(raster, grid, boundary, census, { seatLonLat: seat, densityCapPerKm2: 4096 })!;
    expect(Math.abs(sum(made.values) - census)).toBeLessThan(0.05);
    const core = made.details.core!;
    expect(core.clusters).toBe(1);
    expect(core.areaKm2).toBeGreaterThan(5);
    expect(core.remainderPersons).toBeGreaterThan(census * 0.8);
    expect(core.isCeilingReached).toBe(false);
    const seatXY = proj.forward(seat);
    const cellAt = (dxM: number, dyM: number) => Math.floor((grid.originYM - seatXY[1] - dyM) / 100) * grid.cols + Math.floor((seatXY[0] + dxM - grid.originXM) / 100);
    // densest at the seat, falling off towards the core's edge
    expect(made.values[cellAt(0, 0)]).toBeGreaterThan(2 * made.values[cellAt(1200, 0)]);
    // a countryside cell far from the core keeps the raster's people
    const far = cellAt(-4000, -4000);
    expect(made.values[far]).toBeCloseTo(raw[far], 4);
  });

  it('holds core cells at the ceiling and spreads what does not fit over the rest', () => {
    const raster = densityRaster((c, r) => (isCentre(c, r) ? 3000 : 100));
    const made = censusRasterPopulation(raster, grid, boundary, 2_000_000, { seatLonLat: seat, densityCapPerKm2: 4096, ceilingPerKm2: 20_000 })!;
    expect(Math.abs(sum(made.values) - 2_000_000)).toBeLessThan(0.5);
    expect(made.details.core!.isCeilingReached).toBe(true);
    // the seat's cell lies wholly in the core: at the ceiling, not above
    const seatXY = proj.forward(seat);
    const atSeat = made.values[Math.floor((grid.originYM - seatXY[1]) / 100) * grid.cols + Math.floor((seatXY[0] - grid.originXM) / 100)];
    expect(Math.abs(atSeat / 0.01 - 20_000)).toBeLessThan(50); // plus the Float32 residual correctTotal puts on the largest cell
  });

  it('returns null when the raster has nobody in the county, and checks its arguments', () => {
    expect(censusRasterPopulation(densityRaster(() => 0), grid, boundary, 1000, { seatLonLat: seat })).toBeNull();
    expect(() => censusRasterPopulation(densityRaster(() => 1), grid, boundary, -1, { seatLonLat: seat })).toThrow(/censusTotal/);
    expect(() => censusRasterPopulation({ ...densityRaster(() => 1), crs: proj.proj4 }, grid, boundary, 1, { seatLonLat: seat })).toThrow(/geographic/);
  });
});
