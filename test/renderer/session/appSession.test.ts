import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GridLayer, Project } from '../../../core/model';
import { countyByCode, newCountyProject } from '../../../geodata/counties';
import { addSite } from '../../../renderer/actions/siteActions';
import type { Host } from '../../../renderer/host/Host';
import { AppSession, type AppSessionDeps } from '../../../renderer/session/AppSession';
import type { PlanCompute } from '../../../renderer/session/PlanCompute';
import { currentProject } from '../../../renderer/session/ProjectSession';
import type { DemJob } from '../../../renderer/workers/demWorkerApi';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';

// TaskTracker throttles progress to animation frames; Node has none
beforeAll(() => {
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});

const county = countyByCode('520382')!;
const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;
const ok = <T>(value: T) => ({ ok: true as const, value });
const project = (): Project => newCountyProject(county, { cellSizeM: 100 });

/** A stand-in host recording what the session asks; saves succeed as 'saved.gpkg' unless told otherwise. */
function fakeHost(overrides: Partial<Record<keyof Host, unknown>> = {}) {
  let quit: (() => Promise<{ clean: boolean }>) | null = null;
  const base = {
    kind: 'web',
    listRecent: vi.fn(async () => ok([{ handle: 'h1', name: 'a.gpkg', openedMs: 1 }])),
    listRecoverable: vi.fn(async () => ok([])),
    openFile: vi.fn(async () => ok({ name: 'picked.gpkg', bytes: new Uint8Array([1]), handle: 'h-picked' })),
    openRecent: vi.fn(async () => ({ ok: false, code: 'not-found', message: 'gone' })),
    saveProject: vi.fn(async (_req: { handle?: string; suggestedName: string }) => ok({ handle: 'h-saved', name: 'saved.gpkg' })),
    autosave: vi.fn(async () => ok({ modifiedMs: 1 })),
    discardAutosave: vi.fn(async () => ok(null)),
    discardRecovery: vi.fn(async () => ok(null)),
    recover: vi.fn(async () => ok({ name: 'crash.gpkg', bytes: new Uint8Array([2]) })),
    confirm: vi.fn(async () => false),
    onQuitRequested: (handler: () => Promise<{ clean: boolean }>) => (quit = handler),
  };
  const host = { ...base, ...overrides } as typeof base;
  return { host: host as unknown as Host, calls: host, quit: () => quit!() };
}

/** An app session over `host` whose project reader answers `read` and whose computes are stand-ins. */
function setUp(
  host: Host,
  read: AppSessionDeps['readProject'] = async () => ok(project()),
  newCounty: AppSessionDeps['newCounty'] = async () => ok(project()),
  loadDem: AppSessionDeps['loadDem'] = async () => ({ ok: false as const, code: 'failed', message: 'not in this test' }),
) {
  const computes: { recompute: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }[] = [];
  const app = new AppSession({
    host,
    tracker: new TaskTracker(),
    t,
    readProject: read,
    newCounty,
    loadDem,
    loadSample: async () => new Uint8Array([9]),
    createCompute: () => {
      const c = { recompute: vi.fn(async () => undefined), dispose: vi.fn(), getPanelSnapshot: () => ({ report: null }) };
      computes.push(c);
      return c as unknown as PlanCompute;
    },
  });
  return { app, computes };
}

describe('AppSession', () => {
  it('loads a DEM as one undoable edit of the open project: no reopen, the file dirty, undo and redo swap the terrain', async () => {
    const flat = project();
    const { grid } = flat;
    const opened: Project = { ...flat, terrain: { values: new Float32Array(grid.cols * grid.rows).fill(900), provenance: 'modelled', source: 'coarse relief' } };
    const loaded: GridLayer = { values: new Float32Array(grid.cols * grid.rows).fill(1234), provenance: 'file', source: 'two test tiles' };
    const jobs: DemJob[] = [];
    const { app, computes } = setUp(fakeHost().host, async () => ok(opened), undefined, async (job) => {
      jobs.push(job);
      return ok(loaded);
    });
    await app.openFile();
    const p = app.getSnapshot().project!;
    const before = currentProject(p.session).terrain;
    expect(before?.values).toBe(opened.terrain!.values);
    await app.loadDem();
    // the current terrain fills the voids; the same session stays open (one compute) and the store says the change
    expect(jobs[0]!.fallback?.values).toBe(opened.terrain!.values);
    expect(app.getSnapshot().project).toBe(p);
    expect(computes).toHaveLength(1);
    expect(currentProject(p.session).terrain).toBe(loaded);
    expect(p.file.getSnapshot().isDirty).toBe(true);
    expect(p.session.store.undoName()).toBe('setTerrain');
    expect(app.getSnapshot().notice).toMatch(/^countyLayers\.demLoaded/);
    p.session.store.undo();
    expect(currentProject(p.session).terrain).toBe(before);
    p.session.store.redo();
    expect(currentProject(p.session).terrain).toBe(loaded);
  });

  it('plans a county: a project made by newCounty on the default grid (威宁: 50 m, too large for 25 m)', async () => {
    const asked: [string, number][] = [];
    const { app, computes } = setUp(fakeHost().host, undefined, async (code, cellSizeM) => {
      asked.push([code, cellSizeM]);
      return ok(newCountyProject(countyByCode(code)!, { cellSizeM: 100 }));
    });
    await app.planCounty('520526');
    expect(asked).toEqual([['520526', 50]]);
    const open = app.getSnapshot().project!;
    expect(open.session.county.code).toBe('520526');
    expect(computes[0]!.recompute).toHaveBeenCalledTimes(1);
    await app.planCounty('520382');
    expect(asked[1]).toEqual(['520382', 25]);
  });

  it('opens the sample: the project, its workspace and its compute, which starts computing', async () => {
    const { host } = fakeHost();
    const read = vi.fn(async (_bytes: Uint8Array, _options: unknown) => ok(project()));
    const { app, computes } = setUp(host, read);
    await app.openSample();
    expect(read.mock.calls[0][0]).toEqual(new Uint8Array([9]));
    const p = app.getSnapshot().project!;
    expect(p.session.county.code).toBe('520382');
    expect(p.file.getSnapshot()).toMatchObject({ name: 'renhuai.gpkg', isDirty: false });
    expect(p.workspace.session).toBe(p.session);
    expect(computes[0].recompute).toHaveBeenCalledTimes(1);
  });

  it('says on the start screen why a file would not open, and opens nothing', async () => {
    const { host } = fakeHost();
    const { app } = setUp(host, async () => ({ ok: false, code: 'corrupt', message: 'not a database' }));
    await app.openFile();
    expect(app.getSnapshot().project).toBeNull();
    expect(app.getSnapshot().openError).toBe('start.openFailed{"name":"picked.gpkg","reason":"not a database"}');
  });

  it('says nothing when the planner cancels the read on the task bar', async () => {
    const { host } = fakeHost();
    const { app } = setUp(host, async () => ({ ok: false, code: 'cancelled', message: 'cancelled' }));
    await app.openFile();
    expect(app.getSnapshot()).toMatchObject({ project: null, openError: null });
  });

  it('a recent file that vanished: the reason, and the list read again', async () => {
    const { host, calls } = fakeHost();
    const { app } = setUp(host);
    await app.openRecent('h-old');
    expect(app.getSnapshot().openError).toBe('gone');
    expect(calls.listRecent).toHaveBeenCalledTimes(1);
    expect(app.getSnapshot().recent).toHaveLength(1);
  });

  it('saves in place once it has a file, and says so in the status bar; a failure says why', async () => {
    const { host, calls } = fakeHost();
    const { app } = setUp(host);
    await app.openFile();
    const p = app.getSnapshot().project!;
    p.session.store.dispatch(addSite, { kind: 'macro', lonLat: county.seatLonLat, id: 'S1' });
    expect(p.file.getSnapshot().isDirty).toBe(true);
    await app.save(false);
    expect(calls.saveProject.mock.calls[0][0]).toMatchObject({ handle: 'h-picked', suggestedName: 'picked.gpkg' });
    expect(app.getSnapshot().notice).toBe('file.saved{"name":"saved.gpkg"}');
    expect(p.file.getSnapshot().isDirty).toBe(false);
    await app.save(true);
    expect(calls.saveProject.mock.calls[1][0].handle).toBeUndefined();

    calls.saveProject.mockResolvedValueOnce({ ok: false, code: 'disk-full', message: 'no room' } as never);
    await app.save(false);
    expect(app.getSnapshot().notice).toBe('file.saveFailed{"reason":"no room"}');
  });

  it('closes a project with unsaved edits only once the planner confirms; a clean one at once', async () => {
    const { host, calls } = fakeHost();
    const { app, computes } = setUp(host);
    await app.openSample();
    const p = app.getSnapshot().project!;
    p.session.store.dispatch(addSite, { kind: 'macro', lonLat: county.seatLonLat, id: 'S1' });
    await app.close();
    expect(calls.confirm).toHaveBeenCalledTimes(1);
    expect(app.getSnapshot().project).toBe(p);
    calls.confirm.mockResolvedValueOnce(true);
    await app.close();
    expect(app.getSnapshot().project).toBeNull();
    expect(computes[0].dispose).toHaveBeenCalled();
    expect(calls.discardAutosave).toHaveBeenCalledWith({ projectKey: p.file.projectKey });

    await app.openSample();
    await app.close();
    expect(calls.confirm).toHaveBeenCalledTimes(2);
    expect(app.getSnapshot().project).toBeNull();
  });

  it('a recovered crash copy opens as unsaved, under its project name', async () => {
    const { host } = fakeHost({ listRecoverable: vi.fn(async () => ok([{ id: 'r1', projectName: '仁怀规划.gpkg', modifiedMs: 5 }])) });
    const { app } = setUp(host);
    await app.refreshStart();
    await app.recover('r1');
    expect(app.getSnapshot().project!.file.getSnapshot()).toMatchObject({ name: '仁怀规划.gpkg', isDirty: true });
  });

  it('accepts an import as one undoable edit, closing the dialog with a notice', async () => {
    const { host } = fakeHost();
    const { app } = setUp(host);
    await app.openSample();
    app.openDialog('import');
    expect(app.getSnapshot().dialog).toBe('import');
    const store = app.getSnapshot().project!.session.store;
    store.dispatch(addSite, { kind: 'micro', lonLat: county.seatLonLat, id: 'X' });
    const imported = store.getState().sites.map((s) => ({ ...s, id: `I-${s.id}` }));
    app.acceptImport({ kind: 'sites', records: imported }, 'sites.csv');
    expect(store.getState().sites.map((s) => s.id)).toEqual(['X', 'I-X']);
    expect(store.undoName()).toBe('importRecords');
    expect(app.getSnapshot()).toMatchObject({ dialog: null, notice: 'importer.done{"count":1,"file":"sites.csv"}' });
  });

  it('answers the window closing for whatever project is open then', async () => {
    const { host, quit } = fakeHost();
    const { app } = setUp(host);
    expect(await quit()).toEqual({ clean: true });
    await app.openSample();
    app.getSnapshot().project!.session.store.dispatch(addSite, { kind: 'macro', lonLat: county.seatLonLat, id: 'S1' });
    expect(await quit()).toEqual({ clean: false });
  });
});
