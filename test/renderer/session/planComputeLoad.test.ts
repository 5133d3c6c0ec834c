import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIZHOU_COUNTIES } from '../../../geodata/counties';
import { addSite } from '../../../renderer/actions/siteActions';
import { PlanCompute } from '../../../renderer/session/PlanCompute';
import { openSession } from '../../../renderer/session/ProjectSession';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';
import { CoveragePool } from '../../../renderer/workers/pool';
import { projection, smallCounty } from '../../core/suggest/smallCounty';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});
let compute: PlanCompute | undefined;
afterAll(() => compute?.dispose());

/** Waits until `check` holds after some snapshot change (or fails after `ms`). */
function until(c: PlanCompute, check: () => boolean, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error('timed out'));
    }, ms);
    const stop = c.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('PlanCompute load map', () => {
  it("fetches the busy-hour load once opened, agreeing with each cell's serving sector, and follows an added site", async () => {
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    compute = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { inline: true });
    await compute.recompute();
    const { rasters } = compute;
    await until(compute, () => rasters.sectorLoad.length > 0);
    // a cell's load is its serving sector's; unserved cells have none
    let mismatches = 0;
    let loaded = 0;
    for (let i = 0; i < rasters.bestServer.length; i++) {
      const k = rasters.bestServer[i];
      if (k < 0) mismatches += Number.isNaN(rasters.loadShare[i]) ? 0 : 1;
      else {
        if (Math.abs(rasters.loadShare[i] - rasters.sectorLoad[k]) > 1e-6) mismatches++;
        if (rasters.loadShare[i] > 0) loaded++;
      }
    }
    expect(mismatches).toBe(0);
    expect(loaded).toBeGreaterThan(0);

    // a new site takes over cells: once the edits rest, its sectors have loads and its cells show them
    session.store.dispatch(addSite, { kind: 'macro', lonLat: projection.inverse([2500, -2000]), id: 'NEW' });
    await until(compute, () => {
      const k = rasters.cellIds.findIndex((id) => id.startsWith('NEW/'));
      return k >= 0 && rasters.sectorLoad.length > k && rasters.bestServer.some((s, i) => s === k && rasters.loadShare[i] === rasters.sectorLoad[k]);
    });
    expect(compute.getSnapshot().report?.capacity.sectorsWithDemand).toBeGreaterThan(0);
  });
});
