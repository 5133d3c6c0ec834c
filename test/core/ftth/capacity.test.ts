import { describe, expect, it } from 'vitest';
import type { Olt } from '../../../core/model/project';
import { capacityUpgrades, oltCapacity, ponPortsNeeded, resolveFibreSettings, type GigabitReach, type HouseholdSet } from '../../../core/ftth';

describe('ponPortsNeeded', () => {
  it('reproduces the ftth.md §2 example: 800 households x 30 % at 1:64 = 4 ports', () => {
    expect(ponPortsNeeded(800, 0.3, 64)).toBe(4);
  });
  it('rounds up, and not for float noise', () => {
    expect(ponPortsNeeded(128, 0.5, 64)).toBe(1);
    expect(ponPortsNeeded(129, 0.5, 64)).toBe(2);
    expect(ponPortsNeeded(0, 0.3, 32)).toBe(0);
  });
  it('checks its arguments', () => {
    expect(() => ponPortsNeeded(-1, 0.3, 64)).toThrow(/households/);
    expect(() => ponPortsNeeded(1, 1.2, 64)).toThrow(/takeRate/);
    expect(() => ponPortsNeeded(1, 0.3, 0)).toThrow(/splitRatio/);
  });
});

describe('oltCapacity', () => {
  it('counts catchment households and ports short or spare per OLT', () => {
    const olts: Olt[] = [
      { id: 'g', name: 'g', lonDeg: 0, latDeg: 0, gponPorts: 2, xgsPonPorts: 0, status: 'existing' },
      { id: 'x', name: 'x', lonDeg: 0, latDeg: 0, gponPorts: 8, xgsPonPorts: 4, status: 'existing' },
    ];
    const set = { households: Float64Array.of(600, 400, 1000, 50) } as HouseholdSet;
    const reach = {
      servingOltIdx: Int32Array.of(0, 0, 1, 1),
      xgsOltIdx: Int32Array.of(1, 1, 1, 1),
      isGigabit: Uint8Array.of(0, 1, 1, 0),
    } as GigabitReach;
    // take 0.3, split 64 (1:4x1:16)
    const [g, x] = oltCapacity(olts, set, reach, resolveFibreSettings({ takeRate: 0.3 }));
    expect(g).toMatchObject({ households: 1000, portsNeeded: 5, portsInstalled: 2, portsShort: 3, portsSpare: 0, gigabitHouseholds: 0, xgsPortsNeeded: 0 });
    // x serves 1050 (ceil(315 / 64) = 5 of 12 ports) and 1400 gigabit households (ceil(420 / 64) = 7 > 4 XGS ports)
    expect(x).toMatchObject({ households: 1050, portsNeeded: 5, portsSpare: 7, gigabitHouseholds: 1400, xgsPortsNeeded: 7, xgsPortsShort: 3, xgsPortsSpare: 0 });
  });
});

describe('capacityUpgrades', () => {
  it('adds the XGS-PON ports a 10G-PON OLT is short of, and nothing elsewhere', () => {
    const olts: Olt[] = [
      { id: 'g', name: 'g', lonDeg: 106, latDeg: 26, gponPorts: 2, xgsPonPorts: 0, status: 'existing' },
      { id: 'x', name: 'x', lonDeg: 107, latDeg: 27, gponPorts: 8, xgsPonPorts: 4, status: 'existing' },
    ];
    const set = { households: Float64Array.of(600, 400, 1000, 50) } as HouseholdSet;
    const reach = { servingOltIdx: Int32Array.of(0, 0, 1, 1), xgsOltIdx: Int32Array.of(1, 1, 1, 1), isGigabit: Uint8Array.of(0, 1, 1, 0) } as GigabitReach;
    const settings = resolveFibreSettings({ takeRate: 0.3 });
    const rows = capacityUpgrades(olts, oltCapacity(olts, set, reach, settings), settings);
    // x: 7 ports needed, 4 installed -> 3 x 5,500
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ oltId: 'x', type: 'xgs_line_card', householdsGained: 0, xgsPortsAdded: 3, costCny: 16500, lonDeg: 107 });
  });
});
