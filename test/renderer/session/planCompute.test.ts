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
