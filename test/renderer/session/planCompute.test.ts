import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIZHOU_COUNTIES } from '../../../geodata/counties';
import { addSite } from '../../../renderer/actions/siteActions';
import { PlanCompute } from '../../../renderer/session/PlanCompute';
import { openSession } from '../../../renderer/session/ProjectSession';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';
import { CoveragePool } from '../../../renderer/workers/pool';
import { projection, smallCounty } from '../../core/suggest/smallCounty';

// TaskTracker throttles progress to animation frames; Node has none
beforeAll(() => {
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});
let compute: PlanCompute | undefined;
afterAll(() => compute?.dispose());

/** Resolves with the snapshot after the next raster change. */
const nextRasters = (c: PlanCompute) =>
  new Promise<ReturnType<PlanCompute['getSnapshot']>>((resolve) => {
    const version = c.getSnapshot().rasterVersion;
    const stop = c.subscribe(() => {
      if (c.getSnapshot().rasterVersion === version) return;
      stop();
      resolve(c.getSnapshot());
    });
  });

describe('PlanCompute best-server raster', () => {
  it('holds the whole grid after opening and takes in the changed window of an added site', async () => {
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    compute = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { inline: true });
    await compute.recompute();
    const { rasters } = compute;
    const served = (prefix: string) => rasters.bestServer.filter((s) => s >= 0 && rasters.cellIds[s].startsWith(prefix)).length;
    const centre = session.store.getState().sites[0].id;
    expect(served(`${centre}/`)).toBeGreaterThan(0);

    const changed = nextRasters(compute);
    session.store.dispatch(addSite, { kind: 'macro', lonLat: projection.inverse([2500, -2000]), id: 'NEW' });
    const snap = await changed;
    expect(snap.changed!.cols).toBeLessThan(session.base.grid.cols);
    expect(rasters.cellIds.filter((id) => id.startsWith('NEW/'))).toHaveLength(3);
    expect(served('NEW/')).toBeGreaterThan(0);
    // best server and RSRP agree cell by cell: a served cell has a value, an unserved one none
    let mismatches = 0;
    for (let i = 0; i < rasters.bestServer.length; i++) if ((rasters.bestServer[i] >= 0) === Number.isNaN(rasters.rsrpDbm[i])) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe('PlanCompute drag preview', () => {
  it('computes the dragged position ahead of the store, and sends nothing again when the store catches up', async () => {
    const { moveSite } = await import('../../../renderer/actions/siteActions');
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    const c = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { inline: true });
    await c.recompute();
    const api = (c as unknown as { worker: { applyEdits: (e: { upserts: { id: string; lonDeg: number; latDeg: number }[]; removals: string[] }) => unknown } }).worker;
    const sent: { id: string; lonDeg: number; latDeg: number }[][] = [];
    const applyEdits = api.applyEdits.bind(api);
    api.applyEdits = (e) => {
      sent.push(e.upserts.map(({ id, lonDeg, latDeg }) => ({ id, lonDeg, latDeg })));
      return applyEdits(e);
    };
    const site = session.store.getState().sites[0];
    const to = projection.inverse([900, -700]) as [number, number];

    const changed = nextRasters(c);
    c.previewSite(site.id, to);
    await changed;
    expect(sent).toEqual([[{ id: site.id, lonDeg: to[0], latDeg: to[1] }]]);
    expect(session.store.getState().sites[0].lonDeg).toBe(site.lonDeg); // the store has not moved

    // the drop: the store takes the final position (the preview's), then the preview ends: nothing to resend
    session.store.dispatch(moveSite, { siteId: site.id, lonLat: to });
    c.endPreview();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(1);

    // a preview the store never takes (a drag given up) is undone when it ends
    const away = projection.inverse([-800, 600]) as [number, number];
    const moved = nextRasters(c);
    c.previewSite(site.id, away);
    await moved;
    const back = nextRasters(c);
    c.endPreview();
    await back;
    expect(sent.slice(1)).toEqual([[{ id: site.id, lonDeg: away[0], latDeg: away[1] }], [{ id: site.id, lonDeg: to[0], latDeg: to[1] }]]);
    c.dispose();
  });
});

describe('PlanCompute site gains', () => {
  it('answers for the sites as they stand, after the edits made before the question', async () => {
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    const c = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { inline: true });
    await c.recompute();
    // asked at once after the edit: the gains must wait for it to reach the worker (north-west of the site, where
    // the small county's people are not yet covered)
    session.store.dispatch(addSite, { kind: 'macro', lonLat: projection.inverse([-2500, 2000]), id: 'NEW' });
    const gains = await c.siteGains(['NEW', 'unknown']);
    expect(Object.keys(gains)).toEqual(['NEW']);
    expect(gains.NEW.newPeopleCovered).toBeGreaterThan(0);
    expect(gains.NEW.newAreaKm2).toBeGreaterThan(0);
    c.dispose();
  });
});

describe('PlanCompute on two threads', () => {
  it('reports how the plan worker edits, logs it once, and draws the same coverage either way', async () => {
    const { createPlanWorker } = await import('../../../core/evaluation');
    const { createCoverageShard } = await import('../../../core/coverage');
    const open = async (planWorker: ReturnType<typeof createPlanWorker>) => {
      const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
      const logged: string[] = [];
      const log = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`) };
      const c = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { planWorker, log });
      await c.recompute();
      const changed = nextRasters(c);
      session.store.dispatch(addSite, { kind: 'macro', lonLat: projection.inverse([2500, -2000]), id: 'NEW' });
      await changed;
      return { c, logged };
    };
    const one = await open(createPlanWorker());
    const two = await open(createPlanWorker({ secondThread: () => ({ shard: createCoverageShard() }), now: () => performance.now() }));
    expect(one.c.getSnapshot().threads).toEqual({ count: 1, reason: 'not-isolated' });
    expect(one.logged).toEqual(['warn Plan worker: edits on one thread (not-isolated)']);
    expect(two.c.getSnapshot().threads).toEqual({ count: 2, reason: null });
    expect(two.logged).toEqual(['info Plan worker: edits on two threads (SplitCoverageEngine over shared memory)']);
    expect(two.c.getSnapshot().lastWorkerMs).toBeGreaterThan(0);
    expect(one.c.getSnapshot().lastWorkerMs).toBeNull(); // no clock given
    for (const key of ['rsrpDbm', 'sinrDb', 'dlThroughputMbps', 'bestServer'] as const) {
      expect(Buffer.from(two.c.rasters[key].buffer).equals(Buffer.from(one.c.rasters[key].buffer)), key).toBe(true);
    }
    // a second open (a full recompute) logs nothing new
    await two.c.recompute();
    expect(two.logged).toHaveLength(1);
    one.c.dispose();
    two.c.dispose();
  });
});
