import { describe, expect, it } from 'vitest';
import {
  busyHourMbpsPerResident,
  capacityReport,
  createCapacityState,
  DEFAULT_CAPACITY_SETTINGS,
  loadRaster,
  prepareCapacity,
  resolveCapacitySettings,
  sectorLoad,
  takeTouchedSectors,
  updateCapacity,
  type CapacitySettings,
} from '../../../core/capacity';
import { defaultProjectSettings } from '../../../core/model/project';
import { prepareScoring, resolveScoringSettings } from '../../../core/scoring';
import { makeGrid, makeProject, makeRaster, rectPlace } from '../scoring/grids';

/** Settings where one resident asks exactly 1 Mbit/s in the busy hour, so demands are easy to count. */
function unitSettings(patch: Partial<CapacitySettings> = {}): CapacitySettings {
  const d = DEFAULT_CAPACITY_SETTINGS;
  const f = (value: number) => ({ value, source: 'test', isEstimate: false });
  // DOU in GB chosen so that DOU / (365/12) x 1 (busy-hour share) x 1 (downlink) x 8000 / 3600 = 1 Mbit/s
  const dou = (3600 / 8000) * (365 / 12);
  return {
    ...d,
    traffic: { ...d.traffic, fiveGUsersPerResident: f(1), networkShare: { n78: f(1), n41: f(1), n79: f(1), n28: f(1) }, douGbPerMonth: f(dou), douGrowthPerYear: f(0), busyHourShare: f(1), downlinkShare: f(1) },
    year: d.traffic.douYear,
    ...patch,
  };
}

describe('busyHourMbpsPerResident', () => {
  it('turns the sourced monthly DOU into busy-hour downlink Mbit/s per resident, by hand', () => {
    const d = busyHourMbpsPerResident(DEFAULT_CAPACITY_SETTINGS, 'n78');
    // 21.6 GB x 1.08 (one year of 8 % growth, 2024 -> 2025) / 30.4167 days x 0.08 x 0.9 x 8000 / 3600
    const perUser = ((21.6 * 1.08) / (365 / 12)) * 0.08 * 0.9 * (8000 / 3600);
    expect(d.douGbPerMonth).toBeCloseTo(23.328, 6);
    expect(d.mbpsPerUser).toBeCloseTo(perUser, 9);
    expect(d.mbpsPerUser).toBeCloseTo(0.1227, 4);
    expect(d.usersPerResident).toBeCloseTo(0.671 * 0.54, 9);
    expect(d.mbpsPerResident).toBeCloseTo(perUser * 0.671 * 0.54, 9);
    // China Mobile's n41 network carries its own share of the users
    expect(busyHourMbpsPerResident(DEFAULT_CAPACITY_SETTINGS, 'n41').usersPerResident).toBeCloseTo(0.671 * 0.46, 9);
  });

  it('grows the DOU to the planning year', () => {
    const s2027 = resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { year: 2027 } });
    expect(busyHourMbpsPerResident(s2027, 'n78').douGbPerMonth).toBeCloseTo(21.6 * 1.08 ** 3, 6);
  });
});

describe('resolveCapacitySettings', () => {
  it('keeps every default with its source and marks a project value as set in the project', () => {
    const s = resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { traffic: { douGbPerMonth: 30, networkShare: { n78: 1 } }, targetLoad: 0.8 } });
    expect(s.traffic.douGbPerMonth).toEqual({ value: 30, source: 'set in the project', isEstimate: false });
    expect(s.traffic.networkShare.n78.value).toBe(1);
    expect(s.traffic.networkShare.n41).toEqual(DEFAULT_CAPACITY_SETTINGS.traffic.networkShare.n41);
    expect(s.targetLoad.value).toBe(0.8);
    expect(s.traffic.fiveGUsersPerResident.source).toContain('贵州省通信管理局');
  });

  it('refuses a figure out of range, naming it', () => {
    expect(() => resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { targetLoad: 1.5 } })).toThrow(/targetLoad/);
    expect(() => resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { traffic: { busyHourShare: 0.01 } } })).toThrow(/busyHourShare/);
    expect(() => resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { year: 1800 } })).toThrow(/year/);
  });
});

/**
 * A 5 x 5 county, one resident per cell, two sectors: 'a/1' serves columns 0-2 at 100 Mbit/s single-layer,
 * 'b/1' columns 3-4 at 50 Mbit/s; the top-right cell has no usable SINR (rate 0).
 */
function fiveByFive() {
  const grid = makeGrid(5, 5);
  const population = new Float32Array(25).fill(1);
  const project = makeProject(grid, [rectPlace(grid, 'P', 'hospital', 3, 3, 4, 4)], population);
  const prepS = prepareScoring({ grid, boundary: project.boundary, places: project.places, population: project.population, settings: resolveScoringSettings(project.settings) });
  const raster = makeRaster(grid);
  raster.cellIds = ['a/1', 'b/1'];
  for (let i = 0; i < 25; i++) {
    const col = i % 5;
    raster.bestServer[i] = col <= 2 ? 0 : 1;
    raster.dlThroughputMbps[i] = col <= 2 ? 100 : 50;
  }
  raster.dlThroughputMbps[4] = 0;
  return { grid, prepS, raster };
}

describe('capacity state and report', () => {
  it('loads each sector with the sum of its cells\' demand over their single-layer rate, over its layers', () => {
    const { prepS, raster } = fiveByFive();
    const prep = prepareCapacity(prepS, unitSettings(), 'n78');
    expect(prep.totalDemandMbps).toBeCloseTo(25, 9);
    const state = createCapacityState(prep, raster, (id) => (id === 'a/1' ? 4 : 2));
    // a: 15 cells x 1 Mbit/s / 100 Mbit/s = 0.15 of one layer, over 4 layers
    expect(sectorLoad(state, 0)).toBeCloseTo(0.15 / 4, 9);
    // b: 9 cells at 50 Mbit/s (the tenth has no rate: unserved) = 0.18, over 2 layers
    expect(sectorLoad(state, 1)).toBeCloseTo(0.18 / 2, 9);
    const r = capacityReport(state);
    expect(r.servedDemandMbps).toBeCloseTo(25, 9);
    // everything within the 70 % target but the unserved cell's 1 Mbit/s
    expect(r.demandShareWithinTarget).toBeCloseTo(24 / 25, 9);
    expect(r.overloadedSectors).toBe(0);
    const b = r.worstSectors.find((s) => s.cellId === 'b/1')!;
    expect(b.unservedMbps).toBeCloseTo(1, 9);
    expect(b.capacityMbps).toBeCloseTo(9 / 0.09, 6); // 9 Mbit/s carried at load 0.09: 100 Mbit/s at full load
    expect(r.places[0].demandMbps).toBeCloseTo(4, 9);
    expect(r.places[0].isMet).toBe(true);
  });

  it('flags a sector over the target with the sectors and micro sites it needs', () => {
    const { prepS, raster } = fiveByFive();
    // 40 Mbit/s per resident: sector a carries 15 x 40 / 100 / 4 = 1.5 load, b 9 x 40 / 50 / 2 = 3.6
    const prep = prepareCapacity(prepS, unitSettings({ targetLoad: { value: 0.7, source: 'test', isEstimate: false } }), 'n78');
    prep.demandMbps.forEach((d, i) => (prep.demandMbps[i] = d * 40));
    const state = createCapacityState(prep, raster, (id) => (id === 'a/1' ? 4 : 2));
    const r = capacityReport(state);
    expect(r.overloadedSectors).toBe(2);
    // a carries 600 x 0.7 / 1.5 = 280 within the target, b 360 x 0.7 / 3.6 = 70, of 1000 served (40 unserved)
    expect(r.demandShareWithinTarget).toBeCloseTo(350 / 1000, 9);
    const a = r.worstSectors.find((s) => s.cellId === 'a/1')!;
    expect(a.load).toBeCloseTo(1.5, 9);
    expect(a.extraSectorsNeeded).toBe(2); // ceil(1.5 / 0.7) - 1
    // excess = 600 x (1 - 0.7 / 1.5) = 320 Mbit/s; a micro (2 layers) carries 0.7 x 400 x 2 / 4 = 140 at target
    expect(a.excessMbps).toBeCloseTo(320, 6);
    expect(a.microSitesNeeded).toBe(3);
    expect(r.worstSectors[0].cellId).toBe('b/1'); // the highest load first
    expect(r.places[0].isMet).toBe(false);
    expect(r.places[0].maxLoad).toBeCloseTo(3.6, 9);
    const load = loadRaster(state, { col0: 2, row0: 0, cols: 2, rows: 1 });
    expect([...load].map((v) => +v.toFixed(6))).toEqual([1.5, 3.6]);
  });

  it('after changing part of the raster, recounts only that window and touches only the sectors that moved', () => {
    const { prepS, raster } = fiveByFive();
    const state = createCapacityState(prepareCapacity(prepS, unitSettings(), 'n78'), raster, () => 1);
    expect(takeTouchedSectors(state)).toEqual([0, 1]);
    // column 2 goes to b, at b's rate
    for (let row = 0; row < 5; row++) {
      raster.bestServer[row * 5 + 2] = 1;
      raster.dlThroughputMbps[row * 5 + 2] = 50;
    }
    updateCapacity(state, raster, { col0: 2, row0: 0, cols: 1, rows: 5 });
    expect(takeTouchedSectors(state).sort()).toEqual([0, 1]);
    const fresh = createCapacityState(prepareCapacity(prepS, unitSettings(), 'n78'), raster, () => 1);
    for (const k of [0, 1]) expect(sectorLoad(state, k)).toBeCloseTo(sectorLoad(fresh, k), 12);
    // a window where nothing changed touches nothing
    updateCapacity(state, raster, { col0: 0, row0: 0, cols: 2, rows: 5 });
    expect(takeTouchedSectors(state)).toEqual([]);
  });

  it('adds a place\'s busy-hour visitors to its cells', () => {
    const { prepS } = fiveByFive();
    const s = unitSettings();
    const prep = prepareCapacity(prepS, { ...s, traffic: { ...s.traffic, placeVisitors: { P: { busyHourVisitors: 8, source: 'test' } } } }, 'n78');
    expect(prep.visitors).toBe(8);
    expect(prep.totalDemandMbps).toBeCloseTo(33, 9);
    expect(prep.demandMbps[3 * 5 + 3]).toBeCloseTo(3, 9); // 1 resident + 8 visitors over 4 cells
  });
});
