import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanEvaluator, createPlanWorker } from '../../../core/evaluation';
import { gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, PROJECT_SCHEMA_VERSION, type Project, type Site } from '../../../core/model';
import { editArb, proj, siteAt } from '../coverage/helpers';

const halfM = 2000;

/**
 * A 4 km square at 50 m, 30 residents per cell (12,000 per km², a town core), traffic raised so that
 * sectors overload (DOU 200 GB), one hospital.
 */
function town(sites: Site[]): Project {
  const ring = [[-halfM, -halfM], [halfM, -halfM], [halfM, halfM], [-halfM, halfM], [-halfM, -halfM]].map(([x, y]) => proj.inverse([x, y]));
  const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 50, proj.proj4);
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'town',
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: { ...defaultProjectSettings(), capacity: { traffic: { douGbPerMonth: 200 } } },
    sites,
    places: [{ id: 'h1', name: 'hospital', category: 'hospital', geometry: { type: 'Point', coordinates: proj.inverse([300, 200]) }, radiusM: 150 }],
    candidates: [],
    olts: [],
    population: { values: new Float32Array(grid.cols * grid.rows).fill(30), provenance: 'synthetic', source: 'test' },
  };
}

function capacityFigures(ev: PlanEvaluator) {
  const c = ev.report.capacity;
  return {
    served: c.servedDemandMbps,
    within: c.demandWithinTargetMbps,
    meanLoad: c.meanLoad,
    overloaded: c.overloadedSectors,
    extra: c.extraSectorsNeeded,
    micro: c.microSitesNeeded,
    sectors: Object.fromEntries(c.worstSectors.map((s) => [s.cellId, s.load])),
    places: c.places.map((p) => [p.id, p.maxLoad, p.shareWithinTarget]),
  };
}

function expectClose(a: ReturnType<typeof capacityFigures>, b: ReturnType<typeof capacityFigures>): void {
  const rel = (x: number, y: number) => (Number.isNaN(x) && Number.isNaN(y) ? 0 : Math.abs(x - y) / Math.max(1e-9, Math.abs(y)));
  expect(rel(a.served, b.served)).toBeLessThan(1e-6);
  expect(rel(a.within, b.within)).toBeLessThan(1e-6);
  expect(rel(a.meanLoad, b.meanLoad)).toBeLessThan(1e-6);
  expect([a.overloaded, a.extra, a.micro]).toEqual([b.overloaded, b.extra, b.micro]);
  expect(Object.keys(a.sectors).sort()).toEqual(Object.keys(b.sectors).sort());
  for (const [id, load] of Object.entries(b.sectors)) expect(rel(a.sectors[id], load)).toBeLessThan(1e-6);
  a.places.forEach((p, k) => {
    expect(rel(p[1] as number, b.places[k][1] as number)).toBeLessThan(1e-6);
    expect(rel(p[2] as number, b.places[k][2] as number)).toBeLessThan(1e-6);
  });
}

describe('PlanEvaluator capacity', () => {
  it('reports the capacity KPI among the KPIs, with overloaded sectors in a dense town', () => {
    const ev = new PlanEvaluator(town([siteAt('macro', 'A', 0, 0)]));
    const kpi = ev.report.kpis.find((k) => k.id === 'capacityDemandShare')!;
    expect(kpi.isModelled).toBe(true);
    expect(kpi.value).toBeCloseTo(ev.report.capacity.demandShareWithinTarget, 12);
    expect(ev.report.capacity.overloadedSectors).toBeGreaterThan(0);
    expect(ev.report.capacity.microSitesNeeded).toBeGreaterThan(0);
    expect(kpi.status).toBe('red');
  });

  it('after random edits, equals a fresh evaluation of the final sites (property)', async () => {
    const ids = ['A', 'B', 'C', 'D'];
    await fc.assert(
      fc.asyncProperty(fc.array(editArb(ids, 1800), { minLength: 1, maxLength: 6 }), async (edits) => {
        const start = [siteAt('macro', 'A', -800, 0), siteAt('micro', 'B', 600, 400)];
        const ev = new PlanEvaluator(town(start));
        const sites = new Map(start.map((s) => [s.id, s]));
        for (const e of edits) {
          if (e.op === 'upsert') {
            sites.set(e.id, e.site);
            await ev.applyEdits({ upserts: [e.site] });
          } else {
            sites.delete(e.id);
            await ev.applyEdits({ removals: [e.id] });
          }
        }
        expectClose(capacityFigures(ev), capacityFigures(new PlanEvaluator(town([...sites.values()]))));
      }),
      { numRuns: 12, seed: 7 },
    );
  });

  it('follows a site that changes kind (its sectors take the small-cell layers)', async () => {
    const a = siteAt('macro', 'A', 0, 0);
    const ev = new PlanEvaluator(town([a]));
    const asMicro = { ...a, kind: 'micro' as const };
    await ev.applyEdits({ upserts: [asMicro] });
    expectClose(capacityFigures(ev), capacityFigures(new PlanEvaluator(town([asMicro]))));
  });

  it('hands out the load map: the whole grid first, then the window whose load moved, then nothing', async () => {
    const ev = new PlanEvaluator(town([siteAt('macro', 'A', -800, 0), siteAt('macro', 'B', 900, 0)]));
    const { grid } = ev.engine.ctx;
    const first = ev.loadRaster();
    expect(first.window).toEqual({ col0: 0, row0: 0, cols: grid.cols, rows: grid.rows });
    const { bestServer } = ev.engine.raster;
    for (let i = 0; i < first.load.length; i += 97) {
      if (bestServer[i] < 0) expect(first.load[i]).toBeNaN();
      else expect(first.load[i]).toBeCloseTo(first.sectorLoad[bestServer[i]], 6);
    }
    // a micro near B takes some of B's cells: B's whole footprint shows the new load
    const { changed } = await ev.applyEdits({ upserts: [siteAt('micro', 'M', 900, 100)] });
    const next = ev.loadRaster();
    expect(next.window.cols * next.window.rows).toBeGreaterThanOrEqual(changed.cols * changed.rows);
    const b = ev.engine.footprint('B')!;
    expect(next.window.col0).toBeLessThanOrEqual(Math.max(0, b.col0));
    for (let r = 0; r < next.window.rows; r += 7) {
      for (let c = 0; c < next.window.cols; c += 7) {
        const i = (next.window.row0 + r) * grid.cols + next.window.col0 + c;
        const v = next.load[r * next.window.cols + c];
        if (bestServer[i] < 0) expect(v).toBeNaN();
        else expect(v).toBeCloseTo(next.sectorLoad[bestServer[i]], 6);
      }
    }
    expect(ev.loadRaster().window.cols).toBe(0);
  });

  it('is what the plan worker reports and hands out', async () => {
    const worker = createPlanWorker();
    await worker.open(town([siteAt('macro', 'A', 0, 0)]), []);
    const added = await worker.applyEdits({ upserts: [siteAt('macro', 'B', 500, 0)], removals: [] });
    expect((await worker.report()).capacity.sectorsWithDemand).toBeGreaterThan(0);
    const load = await worker.loadRaster();
    expect(load.window.cols).toBeGreaterThan(0);
    // indexed like the raster's cell ids (B's three sectors, and any of the warm-up's temporary site, which serve nothing)
    expect(load.sectorLoad.length).toBe(added.cellIds!.length);
    added.cellIds!.forEach((id, k) => {
      if (id.startsWith('B/')) expect(load.sectorLoad[k], id).toBeGreaterThan(0);
      else expect(load.sectorLoad[k], id).toBeCloseTo(0, 9); // sums that went up and down again, to the last bits
    });
  });
});
