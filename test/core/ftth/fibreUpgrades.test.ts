import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid/gridSpec';
import type { Olt } from '../../../core/model/project';
import { fibreUpgrades, gigabitReach, resolveFibreSettings, type HouseholdSet } from '../../../core/ftth';

const proj = makeLocalProjection(106.7, 26.6);
const grid: GridSpec = { cols: 1000, rows: 1000, originXM: -1000, originYM: 60000, cellSizeM: 100, crs: proj.proj4 };
const olt = (id: string, x: number, y: number, xgsPonPorts: number): Olt => {
  const [lonDeg, latDeg] = proj.inverse([x, y]);
  return { id, name: id, lonDeg, latDeg, gponPorts: 8, xgsPonPorts, status: 'existing' };
};
const olts = [olt('G', 0, 0, 0), olt('X', 40000, 0, 4)];

// entries: [x, y, households]; all rural; no roads (straight line x 1.3)
const entries: [number, number, number][] = [
  [1000, 0, 100], // 1.3 km from GPON-only G: line card
  [40000, 1000, 80], // 1.3 km from X: already gigabit
  [40000, 16000, 50], [40100, 16000, 50], [40200, 16000, 50], // village: 16 km x 1.3 = 20.8 km from X
  [20000, 30000, 20], [20100, 30000, 20], // remote: > 26.5 km from every OLT
  [20000, 34000, 10], // 4 km from the remote one
];
const set: HouseholdSet = {
  source: 'points',
  xM: Float64Array.from(entries, (e) => e[0]),
  yM: Float64Array.from(entries, (e) => e[1]),
  households: Float64Array.from(entries, (e) => e[2]),
  cellIndex: Int32Array.from(entries, (_, i) => i),
  isUrban: new Uint8Array(entries.length),
};

describe('fibreUpgrades', () => {
  const settings = resolveFibreSettings({ takeRate: 0.3 });
  const oltPts = {
    xM: Float64Array.of(0, 40000),
    yM: Float64Array.of(0, 0),
    isXgs: Uint8Array.of(0, 1),
  };
  const reach = gigabitReach(set, oltPts, settings);
  const rows = fibreUpgrades(olts, set, reach, settings, grid);

  it('lists a line card, a new ODN with a longer-reach split, a new OLT and an ODN fed from it', () => {
    expect(Array.from(reach.isGigabit)).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(rows.map((r) => [r.type, r.label, r.oltId, r.splitScheme])).toEqual([
      ['xgs_line_card', { kind: 'xgsCards', oltName: 'G' }, 'G', '1:4x1:16'],
      // 20.8 km: beyond the 18.5 km N2 reach at 1:64 total, within 26.5 km at 1:4x1:8
      ['new_odn', { kind: 'odnArea', index: 1 }, 'X', '1:4x1:8'],
      ['new_olt', { kind: 'newOlt', index: 1 }, 'new-olt-1', '1:4x1:16'],
      ['new_odn', { kind: 'odnArea', index: 2 }, 'new-olt-1', '1:4x1:16'],
    ]);
    expect(rows.map((r) => r.householdsGained)).toEqual([100, 150, 40, 10]);
  });

  it('costs each row from the [EST] table: ports x 5,500 + homes x ODN (rural 1,300)', () => {
    // line card: ceil(100 x 0.3 / 64) = 1 port
    expect(rows[0]).toMatchObject({ xgsPortsAdded: 1, costCny: 5500, isCostEstimate: true, kind: 'fibre' });
    // village: ceil(150 x 0.3 / 32) = 2 ports + 150 x 1300
    expect(rows[1]).toMatchObject({ xgsPortsAdded: 2, costCny: 2 * 5500 + 150 * 1300 });
    expect(rows[2]).toMatchObject({ xgsPortsAdded: 1, costCny: 5500 + 40 * 1300 });
    expect(rows[3]).toMatchObject({ xgsPortsAdded: 1, costCny: 5500 + 10 * 1300 });
    expect(rows[3].detail).toMatchObject({ kind: 'area', isUrban: false, ports: 1, homes: 10, odnPerHomeCny: 1300, feeder: { kind: 'newOlt', index: 1 } });
    expect(rows[2].detail).toMatchObject({ feeder: { kind: 'beyondReach' } });
    expect(rows[0].detail).toMatchObject({ kind: 'xgsCards', ports: 1, portCostCny: 5500, budgetClass: 'N2' });
    const d = rows[3].detail;
    expect(d.kind === 'area' && d.feeder.kind === 'newOlt' && d.feeder.distanceKm).toBeGreaterThan(5);
  });

  it('puts each row at its households-weighted centre in WGS-84', () => {
    const [x, y] = proj.forward([rows[1].lonDeg, rows[1].latDeg]);
    expect(x).toBeCloseTo(40100, 3);
    expect(y).toBeCloseTo(16000, 3);
    expect(rows[0].lonDeg).toBe(olts[0].lonDeg);
  });

  it('follows edited costs', () => {
    const edited = resolveFibreSettings({ takeRate: 0.3, costs: { xgsPonPortCny: 8000, odnRuralPerHomeCny: 600 } });
    const r = fibreUpgrades(olts, set, gigabitReach(set, oltPts, edited), edited, grid);
    expect(r[1].costCny).toBe(2 * 8000 + 150 * 600);
  });

  it('splits a large area by k-means', () => {
    const many: HouseholdSet = {
      source: 'points',
      xM: Float64Array.from({ length: 20 }, (_, i) => 40000 + 100 * i),
      yM: Float64Array.from({ length: 20 }, () => 16000),
      households: new Float64Array(20).fill(100),
      cellIndex: Int32Array.from({ length: 20 }, (_, i) => i),
      isUrban: new Uint8Array(20),
    };
    const r = fibreUpgrades(olts, many, gigabitReach(many, oltPts, settings), settings, grid);
    // one DBSCAN area of 2,000 households -> ceil(2000 / 512) = 4 k-means parts
    expect(r).toHaveLength(4);
    expect(r.reduce((s, x) => s + x.householdsGained, 0)).toBe(2000);
  });
});
