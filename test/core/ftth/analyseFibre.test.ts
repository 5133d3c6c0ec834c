import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { analyseFibre, FAMILY_HOUSEHOLD_POPULATION_SHARE } from '../../../core/ftth';
import { syntheticCounty } from '../../fixtures/ftth/syntheticCounty';

const county = syntheticCounty({ sideM: 30000, cellSizeM: 100, roadLines: 10, households: 3000, oltCount: 6, xgsShare: 0.5, seed: 7 });

describe('analyseFibre', () => {
  const fractions: number[] = [];
  const r = analyseFibre(county.project, { householdPoints: county.householdPoints, seatLonLat: county.seatLonLat, onProgress: (f) => fractions.push(f) });
  if (!r.ok) throw new Error(r.message);
  const v = r.value;

  it('counts households and gigabit households consistently with the per-entry arrays', () => {
    expect(v.kpis.households).toBe(3000);
    let gigabit = 0;
    v.reach.isGigabit.forEach((g, i) => (gigabit += g ? v.households.households[i] : 0));
    expect(v.kpis.gigabitHouseholds).toBe(gigabit);
    expect(v.kpis.gigabitShare).toBeCloseTo(gigabit / 3000, 12);
    expect(v.kpis.urbanHouseholds + v.kpis.ruralHouseholds).toBe(3000);
    expect(v.kpis.urbanGigabitHouseholds + v.kpis.ruralGigabitHouseholds).toBe(gigabit);
    // every gigabit household is within the XGS-PON reach of a 10G-PON OLT
    v.reach.isGigabit.forEach((g, i) => {
      if (g) {
        expect(v.reach.xgsDistanceM[i]).toBeLessThanOrEqual(v.reach.xgsReachM);
        expect(v.olts[v.reach.xgsOltIdx[i]].xgsPonPorts).toBeGreaterThan(0);
      }
    });
  });

  it('reports the 10G-PON port share from the OLTs', () => {
    // 3 of 6 OLTs have 8 XGS-PON ports; all have 16 GPON ports
    expect(v.kpis.xgsPortShare).toBeCloseTo(24 / (24 + 96), 12);
    expect(v.kpis.xgsPortCapacityHouseholds).toBe(24 * 64);
  });

  it('gives upgrades that account for every non-gigabit household', () => {
    const gained = v.upgrades.reduce((s, u) => s + u.householdsGained, 0);
    expect(gained).toBeCloseTo(3000 - v.kpis.gigabitHouseholds, 6);
    for (const u of v.upgrades) {
      expect(u.kind).toBe('fibre');
      expect(u.costCny).toBeGreaterThan(0);
      expect(Number.isFinite(u.lonDeg) && Number.isFinite(u.latDeg)).toBe(true);
    }
  });

  it('routes along roads, labels road catchments and covers the county with service areas', () => {
    // 11 x 11 lattice points less the north-east corner, which no line reaches
    expect(v.roadGraph).toEqual({ nodeCount: 11 * 11 - 1, segmentCount: 2 * 10 * 10 });
    expect(v.reach.isViaRoad.every((x) => x === 1)).toBe(true);
    expect(v.roadCatchments).toHaveLength(county.project.grid.cols * county.project.grid.rows);
    const countyKm2 = area(county.project.boundary) / 1e6;
    const sum = v.serviceAreas.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(sum - countyKm2) / countyKm2).toBeLessThan(1e-6);
    expect(v.capacity.reduce((s, c) => s + c.households, 0)).toBe(3000);
  });

  it('checks the fibre target of places and reports progress to 1', () => {
    expect(v.places.map((p) => p.category)).toEqual(['business_building', 'dev_zone']);
    expect(v.places[0].isMet).toBe(true); // next to the seat town's 10G-PON OLT
    expect(v.kpis.placesWithTarget).toBe(2);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
  });

  it('uses the population layer with the collective-household correction when no points are given', () => {
    const values = new Float32Array(county.project.grid.cols * county.project.grid.rows);
    values[0] = 281;
    values[values.length - 1] = 562;
    const res = analyseFibre({ ...county.project, roads: undefined, population: { values, provenance: 'synthetic', source: 'test' } });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.kpis.households).toBeCloseTo((843 * FAMILY_HOUSEHOLD_POPULATION_SHARE) / 2.81, 6);
    expect(res.value.householdSource).toMatch(/synthetic: test/);
    expect(res.value.roadCatchments).toBeUndefined();
  });

  it('returns Results for expected failures', () => {
    expect(analyseFibre({ ...county.project, population: undefined })).toMatchObject({ ok: false, code: 'no-households' });
    const bad = { ...county.project, settings: { ...county.project.settings, fibre: { takeRate: -1 } } };
    expect(analyseFibre(bad, { householdPoints: county.householdPoints })).toMatchObject({ ok: false, code: 'bad-settings' });
    expect(analyseFibre(county.project, { householdPoints: county.householdPoints, cancel: { aborted: true } })).toMatchObject({ ok: false, code: 'cancelled' });
  });
});
