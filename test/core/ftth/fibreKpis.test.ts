import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid/gridSpec';
import type { Olt } from '../../../core/model/project';
import { fibreKpis, placeFibreTargets, resolveFibreSettings, type GigabitReach, type HouseholdSet } from '../../../core/ftth';

describe('fibreKpis', () => {
  it('splits gigabit households into urban and rural and computes port share', () => {
    const set = { households: Float64Array.of(100, 50, 30, 20), isUrban: Uint8Array.of(1, 1, 0, 0) } as HouseholdSet;
    const reach = { isGigabit: Uint8Array.of(1, 0, 1, 0) } as GigabitReach;
    const olts = [
      { gponPorts: 12, xgsPonPorts: 4 },
      { gponPorts: 4, xgsPonPorts: 0 },
    ] as Olt[];
    const k = fibreKpis(set, reach, olts, resolveFibreSettings(undefined), [
      { isMet: true }, { isMet: false }, { isMet: true },
    ] as never);
    expect(k).toMatchObject({
      households: 200, gigabitHouseholds: 130, gigabitShare: 0.65,
      urbanHouseholds: 150, urbanGigabitHouseholds: 100,
      ruralHouseholds: 50, ruralGigabitHouseholds: 30, ruralGigabitShare: 0.6,
      gponPorts: 16, xgsPonPorts: 4, xgsPortShare: 0.2,
      xgsPortCapacityHouseholds: 256, placesWithTarget: 3, placesMet: 2,
    });
    expect(k.urbanGigabitShare).toBeCloseTo(2 / 3, 12);
    expect(k.urbanCapacityRatio).toBeCloseTo(256 / 150, 12);
  });

  it('gives NaN shares, not errors, when a base is empty', () => {
    const k = fibreKpis({ households: new Float64Array(), isUrban: new Uint8Array() } as HouseholdSet, { isGigabit: new Uint8Array() } as GigabitReach, [], resolveFibreSettings(undefined), []);
    expect(k.gigabitShare).toBeNaN();
    expect(k.xgsPortShare).toBeNaN();
  });
});

describe('placeFibreTargets', () => {
  it('meets a target within the XGS-PON reach of a 10G-PON OLT, from the point or polygon centroid', () => {
    const proj = makeLocalProjection(106.7, 26.6);
    const grid: GridSpec = { cols: 1, rows: 1, originXM: 0, originYM: 0, cellSizeM: 100, crs: proj.proj4 };
    const ll = (x: number, y: number) => proj.inverse([x, y]);
    const square = (cx: number, cy: number) => ({ type: 'Polygon' as const, coordinates: [[ll(cx - 50, cy - 50), ll(cx + 50, cy - 50), ll(cx + 50, cy + 50), ll(cx - 50, cy + 50), ll(cx - 50, cy - 50)]] });
    const olts = { xM: Float64Array.of(0, 1000), yM: Float64Array.of(0, 0), isXgs: Uint8Array.of(0, 1) };
    const status = placeFibreTargets(
      [
        { id: 'a', name: 'a', category: 'business_building', geometry: { type: 'Point', coordinates: ll(1000, 10000) } },
        { id: 'b', name: 'b', category: 'community', geometry: square(1000, 16000) },
        { id: 'c', name: 'c', category: 'hospital', geometry: { type: 'Point', coordinates: ll(0, 0) } },
      ],
      olts, grid, 18500, 1.3,
    );
    // a: 10 km x 1.3 = 13 km (met); b: 16 km x 1.3 = 20.8 km (not met); c: no fibre target
    expect(status.map((s) => [s.placeId, s.isMet, s.oltIdx])).toEqual([['a', true, 1], ['b', false, 1]]);
    expect(status[1].routeM).toBeCloseTo(20800, 0);
  });
});
