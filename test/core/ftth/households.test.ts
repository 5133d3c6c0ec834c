import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid/gridSpec';
import {
  classifyUrban,
  DEFAULT_FIBRE_SETTINGS,
  FAMILY_HOUSEHOLD_POPULATION_SHARE,
  gigabitReach,
  householdsFromPoints,
  householdsFromPopulation,
  reachM,
  resolveFibreSettings,
} from '../../../core/ftth';

const proj = makeLocalProjection(106.7, 26.6);
// 2 x 2 cells of 100 m (0.01 km2 each), north-west corner at (0, 200)
const grid: GridSpec = { cols: 2, rows: 2, originXM: 0, originYM: 200, cellSizeM: 100, crs: proj.proj4 };

describe('households', () => {
  it('converts persons per cell with the collective-household correction (ftth.md §5)', () => {
    expect(FAMILY_HOUSEHOLD_POPULATION_SHARE / 2.81).toBeCloseTo(0.3296, 4);
    const set = householdsFromPopulation(grid, Float32Array.of(281, 0, NaN, 10), 2.81);
    expect(Array.from(set.cellIndex)).toEqual([0, 3]);
    expect(set.households[0]).toBeCloseTo((281 * 3571.95) / 3856.21 / 2.81, 6);
    expect([set.xM[0], set.yM[0], set.xM[1], set.yM[1]]).toEqual([50, 150, 150, 50]);
    expect(() => householdsFromPopulation(grid, new Float32Array(3), 2.81)).toThrow(/personsPerCell/);
    expect(() => householdsFromPopulation(grid, new Float32Array(4), 0)).toThrow(/householdSize/);
  });

  it('projects imported points and finds their cells', () => {
    const set = householdsFromPoints(grid, [proj.inverse([150, 150]), proj.inverse([500, 500])], [3, 1]);
    expect(set.xM[0]).toBeCloseTo(150, 3);
    expect(Array.from(set.cellIndex)).toEqual([1, -1]);
    expect(Array.from(set.households)).toEqual([3, 1]);
  });

  it('classifies urban households by the density of their 1 km2 block or by distance to the seat', () => {
    // 4 x 2 cells of 500 m: two 1 km2 blocks of 2 x 2 cells
    const g: GridSpec = { cols: 4, rows: 2, originXM: 0, originYM: 1000, cellSizeM: 500, crs: proj.proj4 };
    // west block 1000 + 500 persons = 1500/km2 (urban); east block 700 + 700 = 1400/km2 (rural)
    const persons = Float32Array.of(1000, 500, 700, 700, 0, 0, 0, 0);
    const set = householdsFromPopulation(g, persons, 2.81);
    classifyUrban(set, g, { urbanDensityPerKm2: 1500, seatTownRadiusM: 100, householdSize: 2.81, personsPerCell: persons });
    expect(Array.from(set.isUrban)).toEqual([1, 1, 0, 0]);
    // density rebuilt from the households gives the same persons; the seat makes cell 3 urban
    classifyUrban(set, g, { urbanDensityPerKm2: 1500, seatTownRadiusM: 100, seatXM: 1750, seatYM: 750, householdSize: 2.81 });
    expect(Array.from(set.isUrban)).toEqual([1, 1, 0, 1]);
  });
});

describe('resolveFibreSettings', () => {
  it('merges a partial section over the defaults', () => {
    const s = resolveFibreSettings({ takeRate: 0.5, costs: { xgsPonPortCny: 8000 } });
    expect(s.takeRate).toBe(0.5);
    expect(s.splitScheme).toBe(DEFAULT_FIBRE_SETTINGS.splitScheme);
    expect(s.costs).toEqual({ ...DEFAULT_FIBRE_SETTINGS.costs, xgsPonPortCny: 8000 });
  });

  it('names the bad field', () => {
    expect(() => resolveFibreSettings({ takeRate: 2 })).toThrow(/settings\.fibre\.takeRate/);
    expect(() => resolveFibreSettings({ xgsPonClass: 'C+' })).toThrow(/xgsPonClass/);
    expect(() => resolveFibreSettings({ splitScheme: '1:3' })).toThrow(/splitScheme/);
  });
});

describe('gigabitReach', () => {
  const settings = resolveFibreSettings(undefined);
  it('uses the XGS-PON reach of the settings (N2, 1:4x1:16: 18.5 km)', () => {
    expect(reachM(settings, 'N2', '1:4x1:16')).toBeCloseTo(18500, 6);
  });

  it('marks households reached by a 10G-PON OLT within the budget (straight line x 1.3)', () => {
    // OLT 0 GPON-only at the origin, OLT 1 XGS-PON 30 km east
    const olts = { xM: Float64Array.of(0, 30000), yM: Float64Array.of(0, 0), isXgs: Uint8Array.of(0, 1) };
    // 14.0 km from OLT 1 -> route 18.2 km (in reach); 14.5 km -> 18.85 km (out); 1 km from OLT 0 only
    const set = householdsFromPoints(grid, []);
    Object.assign(set, {
      xM: Float64Array.of(16000, 15500, 1000),
      yM: Float64Array.of(0, 0, 0),
      households: Float64Array.of(1, 1, 1),
      cellIndex: Int32Array.of(-1, -1, -1),
      isUrban: new Uint8Array(3),
    });
    const r = gigabitReach(set, olts, settings);
    expect(Array.from(r.isGigabit)).toEqual([1, 0, 0]);
    expect(Array.from(r.xgsOltIdx)).toEqual([1, 1, 1]);
    expect(Array.from(r.servingOltIdx)).toEqual([1, 1, 0]);
    expect(r.xgsDistanceM[0]).toBeCloseTo(14000 * 1.3, 6);
    expect(r.servingDistanceM[2]).toBeCloseTo(1300, 6);
  });

  it('finds no gigabit household without a 10G-PON OLT', () => {
    const set = householdsFromPoints(grid, [proj.inverse([0, 0])]);
    const r = gigabitReach(set, { xM: Float64Array.of(0), yM: Float64Array.of(0), isXgs: Uint8Array.of(0) }, settings);
    expect(r.isGigabit[0]).toBe(0);
    expect(r.xgsOltIdx[0]).toBe(-1);
    expect(r.servingOltIdx[0]).toBe(0);
  });
});
