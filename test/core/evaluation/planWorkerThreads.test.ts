import { describe, expect, it } from 'vitest';
import { coverageContextFromProject, createCoverageShard, predictFootprints } from '../../../core/coverage';
import { createPlanWorker, type PlanWorkerApi, type PlanWorkerResult } from '../../../core/evaluation';
import type { Site } from '../../../core/model';
import { site, squareCounty } from './squareCounty';

/** The 6 km square county with a ridge of hills, so terrain shadows the coverage. */
const project = (sites: Site[]) => squareCounty(sites, { hilly: true });

/** The rasters of a result, bit for bit (NaN equal to NaN). */
function expectSameRasters(a: PlanWorkerResult, b: PlanWorkerResult) {
  expect(a.rasters.window).toEqual(b.rasters.window);
  for (const key of ['rsrpDbm', 'sinrDb', 'dlThroughputMbps', 'bestServer'] as const) {
    const [x, y] = [a.rasters[key], b.rasters[key]];
    let differing = 0;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) differing++;
    expect([key, differing]).toEqual([key, 0]);
  }
}

const kpis = (r: { kpis: { id: string; value: number | null }[] }) => Object.fromEntries(r.kpis.map((k) => [k.id, k.value]));

describe('createPlanWorker on two threads', () => {
  it('answers every edit exactly as on one thread: rasters bit for bit, reports and site gains equal', async () => {
    const sites = [site('A', -2000, 0), site('B', 2000, 1500), site('C', 0, -2500), site('M1', 300, 400, 'micro')];
    const p = project(sites);
    const ctx = coverageContextFromProject(p);
    const one = createPlanWorker();
    const two = createPlanWorker({ secondThread: () => ({ shard: createCoverageShard() }) });
    const openedOne = await one.open(p, predictFootprints(ctx, sites));
    const openedTwo = await two.open(p, predictFootprints(ctx, sites, { shared: true }));
    expect(openedOne.threads).toEqual({ count: 1, reason: 'not-isolated' });
    expect(openedTwo.threads).toEqual({ count: 2, reason: null });
    expectSameRasters(openedOne, openedTwo);
    expect(kpis(openedTwo.report!)).toEqual(kpis(openedOne.report!));

    const edits: { upserts: Site[]; removals: string[] }[] = [
      { upserts: [site('N', 1200, -800)], removals: [] }, // added
      { upserts: [site('B', 1700, 1300)], removals: [] }, // moved
      { upserts: [{ ...site('C', 0, -2500), heightAglM: 45 }], removals: [] }, // retuned
      { upserts: [site('N', -2900, 2900)], removals: ['A'] }, // moved to the edge, one removed
      { upserts: [], removals: ['M1'] },
    ];
    for (const edit of edits) {
      const [r1, r2] = [await one.applyEdits(edit), await two.applyEdits(edit)];
      expect(r1.rasters.window.cols).toBeGreaterThan(0);
      expectSameRasters(r1, r2);
    }
    expect(kpis(await two.report())).toEqual(kpis(await one.report()));
    expect(await two.siteGains(['B', 'N', 'C'])).toEqual(await one.siteGains(['B', 'N', 'C']));
    // and the coverage after the gains (each site out and back in) is still the same
    const after = { upserts: [site('B', 1600, 1200)], removals: [] };
    expectSameRasters(await one.applyEdits(after), await two.applyEdits(after));
  });

  it('times each edit with the clock it is given', async () => {
    let t = 0;
    const w = createPlanWorker({ now: () => (t += 5) });
    await w.open(project([site('A', 0, 0)]), []);
    const r = await w.applyEdits({ upserts: [site('B', 500, 0)], removals: [] });
    expect(r.workerMs).toBe(5);
  });
});

describe('createPlanWorker falling back to one thread', () => {
  const openWith = async (w: PlanWorkerApi) => {
    const p = project([site('A', 0, 0)]);
    const opened = await w.open(p, predictFootprints(coverageContextFromProject(p), p.sites));
    const edited = await w.applyEdits({ upserts: [site('B', 900, 0)], removals: [] });
    expect(edited.rasters.window.cols).toBeGreaterThan(0);
    return opened.threads;
  };

  it('says why: no isolation, one core', async () => {
    expect(await openWith(createPlanWorker({ secondThread: () => ({ reason: 'not-isolated' }) }))).toEqual({ count: 1, reason: 'not-isolated' });
    expect(await openWith(createPlanWorker({ secondThread: async () => ({ reason: 'one-core' }) }))).toEqual({ count: 1, reason: 'one-core' });
  });

  it('a shard that fails to start or to take the state: one thread, with the error', async () => {
    const thrown = await openWith(createPlanWorker({ secondThread: () => Promise.reject(new Error('worker blocked')) }));
    expect(thrown).toMatchObject({ count: 1, reason: 'shard-failed' });
    expect(thrown.detail).toContain('worker blocked');
    const broken = { ...createCoverageShard(), init: () => Promise.reject(new Error('DataCloneError')) };
    expect(await openWith(createPlanWorker({ secondThread: () => ({ shard: broken }) }))).toEqual({ count: 1, reason: 'shard-failed', detail: 'DataCloneError' });
  });
});
