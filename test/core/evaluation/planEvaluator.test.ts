import { describe, expect, it, vi } from 'vitest';
import { createPlanWorker, PlanEvaluator } from '../../../core/evaluation';
import type { Project, Site } from '../../../core/model';
import { HALF_M as halfM, projection, site, squareCounty } from './squareCounty';

/** A 6 km square county at 50 m with 1 person per cell, one hospital and `sites`. */
const project = (sites: Site[]): Project => squareCounty(sites);

function kpiValues(ev: PlanEvaluator): Record<string, number | null> {
  return Object.fromEntries(ev.report.kpis.map((k) => [k.id, k.value]));
}

/** The same KPI figures; sums kept edit by edit may differ from a fresh count in the last bits. */
function expectSameKpis(a: PlanEvaluator, b: PlanEvaluator): void {
  const got = kpiValues(a);
  for (const [id, v] of Object.entries(kpiValues(b))) {
    if (v === null || Number.isNaN(v)) expect(got[id], id).toEqual(v);
    else expect(got[id], id).toBeCloseTo(v, 9);
  }
}

describe('PlanEvaluator', () => {
  it('after moving, adding and removing sites, reports what a fresh evaluation of the final sites reports', async () => {
    const a = site('A', -2000, 0);
    const b = site('B', 2000, 1500);
    const ev = new PlanEvaluator(project([a, b]));
    const before = kpiValues(ev);
    const moved = { ...b, lonDeg: projection.inverse([900, 500])[0], latDeg: projection.inverse([900, 500])[1] };
    const c = site('C', 0, -2500);
    const first = await ev.applyEdits({ upserts: [moved, c] });
    expect(first.changed.cols).toBeGreaterThan(0);
    await ev.applyEdits({ removals: ['A'] });
    const fresh = new PlanEvaluator(project([moved, c]));
    expectSameKpis(ev, fresh);
    expect(ev.report.gaps.map((g) => [g.areaM2, g.people])).toEqual(fresh.report.gaps.map((g) => [g.areaM2, g.people]));
    expect(kpiValues(ev)).not.toEqual(before);
  });

  it('scores a project with a site 1,500 km away: that site is left out with its reason and does not count as a site', async () => {
    const a = site('A', -2000, 0);
    const far: Site = { ...site('FAR', 0, 0), name: '远站', lonDeg: 116.4, latDeg: 39.9 };
    const ev = new PlanEvaluator(project([a, far]));
    const alone = new PlanEvaluator(project([a]));
    expect(ev.report.skippedSites).toEqual([{ siteId: 'FAR', code: 'outside-grid', reason: expect.stringContaining('远站') }]);
    expect(kpiValues(ev)).toEqual(kpiValues(alone));
    // dragged into the county it counts; dragged out again it is left out again, and the others are untouched
    const inside = { ...far, lonDeg: a.lonDeg + 0.02, latDeg: a.latDeg };
    await ev.applyEdits({ upserts: [inside] });
    expect(ev.report.skippedSites).toEqual([]);
    await ev.applyEdits({ upserts: [far] });
    expectSameKpis(ev, alone);
  });

  it('gives what each site adds on its own, as a network without it lacks, and ends with coverage and scores as they were', async () => {
    // low masts on a lossy town (1 person per cell = 400 per km², suburban): each site serves cells the others do not
    const low = (s: Site): Site => ({ ...s, heightAglM: 15 });
    const a = low(site('A', -2400, 0));
    const b = low(site('B', 2400, 2000));
    const c = low(site('C', 0, -2700));
    const ev = new PlanEvaluator(project([a, b, c]));
    const kpis = kpiValues(ev);
    const rsrp = Float32Array.from(ev.engine.raster.rsrpDbm);
    const gains = await ev.siteGains(['A', 'C', 'nope']);
    expect(Object.keys(gains).sort()).toEqual(['A', 'C']);
    // one person per county cell: the KPI's share times the county's cells is people
    const share = (e: PlanEvaluator) => e.report.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value!;
    const countyCells = (2 * halfM / 50) ** 2; // the square at 50 m, all of it in the county
    for (const [id, others] of [['A', [b, c]], ['C', [a, b]]] as const) {
      const expected = (share(ev) - share(new PlanEvaluator(project([...others])))) * countyCells;
      expect(gains[id].newPeopleCovered).toBeGreaterThan(100);
      // the net change of the KPI is what the site covers less what its interference costs
      expect(Math.abs(gains[id].newPeopleCovered - gains[id].peopleLostToInterference - expected)).toBeLessThanOrEqual(1);
      expect(gains[id].newAreaKm2).toBeCloseTo(gains[id].newPeopleCovered * 0.0025, 6); // 50 m cells, one person each
    }
    expect(kpiValues(ev)).toEqual(kpis);
    let maxDiffDb = 0;
    ev.engine.raster.rsrpDbm.forEach((v, i) => (maxDiffDb = Math.max(maxDiffDb, Number.isNaN(v) && Number.isNaN(rsrp[i]) ? 0 : Math.abs(v - rsrp[i]))));
    expect(maxDiffDb).toBeLessThan(0.01);
  });

  it('never gives a negative gain: a site crowding another covers few new people and its interference losses are counted apart', async () => {
    const a = site('A', -2000, 0);
    const crowding = site('D', -1900, 100);
    const ev = new PlanEvaluator(project([a, crowding]));
    const net = (share: (e: PlanEvaluator) => number) => (share(ev) - share(new PlanEvaluator(project([a])))) * (2 * halfM / 50) ** 2;
    const share = (e: PlanEvaluator) => e.report.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value!;
    const g = (await ev.siteGains(['D'])).D;
    expect(g.newPeopleCovered).toBeGreaterThanOrEqual(0);
    expect(g.peopleLostToInterference).toBeGreaterThan(0);
    expect(g.newAreaKm2).toBeGreaterThanOrEqual(0);
    expect(Math.abs(g.newPeopleCovered - g.peopleLostToInterference - net(share))).toBeLessThanOrEqual(1);
  });

  it('warms up with a temporary site added, moved and removed: coverage, scores, report and sites end as they were', async () => {
    for (const sites of [[site('A', -2000, 0, 'micro'), site('B', 1500, 500)], []]) {
      const ev = new PlanEvaluator(project(sites), { residentPopulation: 1000 });
      const report = ev.report;
      const raster = ev.engine.raster;
      const before = { rsrp: Float32Array.from(raster.rsrpDbm), sinr: Float32Array.from(raster.sinrDb), best: Int32Array.from(raster.bestServer), cellIds: [...raster.cellIds] };
      const sums = { ...ev.scoring.sums };
      for (let round = 0; round < 3; round++) await ev.warmUp(round);
      expect(ev.report).toBe(report);
      expect(ev.siteList()).toEqual(sites);
      ev.siteList().forEach((s, k) => expect(s).toBe(sites[k]));
      // the temporary site's sectors are known to the raster (as a deleted site's are) but serve no cell
      expect(raster.cellIds.slice(0, before.cellIds.length)).toEqual(before.cellIds);
      expect(raster.cellIds.length).toBe(before.cellIds.length + 3); // its three sectors, the same in every round
      expect(Array.from(raster.bestServer)).toEqual(Array.from(before.best));
      expect(Array.from(raster.rsrpDbm)).toEqual(Array.from(before.rsrp));
      let sinrDiffDb = 0;
      raster.sinrDb.forEach((v, i) => (sinrDiffDb = Math.max(sinrDiffDb, Number.isNaN(v) && Number.isNaN(before.sinr[i]) ? 0 : Math.abs(v - before.sinr[i]))));
      expect(sinrDiffDb).toBeLessThan(1e-4);
      for (const [key, value] of Object.entries(sums)) {
        if (typeof value === 'number') expect((ev.scoring.sums as unknown as Record<string, number>)[key], key).toBeCloseTo(value, 6);
      }
      // a fresh evaluation of the same sites reports the same figures
      expectSameKpis(ev, new PlanEvaluator(project(sites), { residentPopulation: 1000 }));
    }
  });

  it('finds the edits itself from a site list and leaves unchanged sites alone', async () => {
    const a = site('A', -2000, 0);
    const b = site('B', 2000, 1500);
    const ev = new PlanEvaluator(project([a, b]));
    expect((await ev.setSites([{ ...a }, b])).changed.cols).toBe(0);
    const retuned = { ...a, heightAglM: 45 };
    const { changed } = await ev.setSites([retuned, b]);
    expect(changed.cols).toBeGreaterThan(0);
    expect(kpiValues(ev)).toEqual(kpiValues(new PlanEvaluator(project([retuned, b]))));
  });
});

describe('createPlanWorker', () => {
  it('opens with the fibre analysis of its OLTs and re-runs it when the OLTs change', async () => {
    const worker = createPlanWorker();
    const [lon, lat] = projection.inverse([0, 0]);
    const withOlt = { ...project([site('A', 0, 0)]), olts: [{ id: 'O1', name: 'OLT', lonDeg: lon, latDeg: lat, gponPorts: 8, xgsPonPorts: 8, status: 'existing' as const }] };
    // the seat at the centre: households within 3 km of it count as urban (the MIIT figure is over urban households)
    const opened = await worker.open(withOlt, [], { seatLonLat: [lon, lat] });
    expect(opened.fibre).not.toBeNull();
    const gigabit = (r: { kpis: { id: string; value: number }[] }) => r.kpis.find((k) => k.id === 'householdsGigabit')!.value;
    expect(gigabit(opened.report!)).toBeGreaterThan(0);
    // every household of the 6 km square is within reach of the central 10G-PON OLT
    expect(Number.isNaN(opened.uncoveredHouseholds![0])).toBe(true);
    const without = await worker.setOlts([]);
    expect(without.fibre).toBeNull();
    expect(gigabit(without.report)).toBeNaN();
  });

  it('warms up after opening until the first edit, which waits for one round at most', async () => {
    const rounds = vi.spyOn(PlanEvaluator.prototype, 'warmUp');
    try {
      const idle = createPlanWorker();
      await idle.open(project([site('A', -1500, 0)]), []);
      // a report goes between two rounds and does not end the warm-up; inline, the rounds are done by the next task
      await idle.report();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(rounds.mock.calls.map(([round]) => round)).toEqual([0, 1, 2]);
      rounds.mockClear();
      const busy = createPlanWorker();
      await busy.open(project([site('A', -1500, 0)]), []);
      const added = await busy.applyEdits({ upserts: [site('B', 1500, 0)], removals: [] });
      expect(rounds.mock.calls.length).toBeLessThanOrEqual(1);
      expect(added.cellIds!.filter((id) => id.startsWith('B/'))).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rounds.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      rounds.mockRestore();
    }
  });

  it('sends the best server of the changed window, and the cell ids only when they grew', async () => {
    const worker = createPlanWorker();
    const opened = await worker.open(project([site('A', -1500, 0)]), []);
    // open predicts nothing (no footprints given): no server yet, but the (empty) id list is sent once
    expect(opened.cellIds).toEqual([]);
    expect(opened.rasters.bestServer.every((v) => v === -1)).toBe(true);
    const added = await worker.applyEdits({ upserts: [site('B', 1500, 0)], removals: [] });
    // B's three sectors (and any of the warm-up's temporary site, which serve no cell)
    expect(added.cellIds!.filter((id) => id.startsWith('B/'))).toHaveLength(3);
    const { window: w, bestServer, rsrpDbm } = added.rasters;
    expect(bestServer.length).toBe(w.cols * w.rows);
    // every served cell has an RSRP, and every server index names one of B's sectors
    for (let i = 0; i < bestServer.length; i++) {
      if (bestServer[i] < 0) continue;
      expect(Number.isNaN(rsrpDbm[i])).toBe(false);
      expect(added.cellIds![bestServer[i]]).toMatch(/^B\//);
    }
    const moved = await worker.applyEdits({ upserts: [site('B', 1400, 0)], removals: [] });
    expect(moved.cellIds).toBeNull();
  });
});
