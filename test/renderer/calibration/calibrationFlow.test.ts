import { beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../../../core/model';
import { DEFAULT_PROPAGATION_MODEL } from '../../../core/propagation';
import { GUIZHOU_COUNTIES } from '../../../geodata/counties';
import { resetPropagationModel } from '../../../renderer/actions/modelActions';
import { calibrateForApp, previewDriveTests } from '../../../renderer/calibration/calibrationJobs';
import { legendModelLine, matchExampleText, matchReasonText } from '../../../renderer/calibration/modelText';
import { errorHistogram, scatterPairs } from '../../../renderer/charts/calibrationCharts';
import type { Host } from '../../../renderer/host/Host';
import { CalibrationSession } from '../../../renderer/session/CalibrationSession';
import { currentProject, openSession } from '../../../renderer/session/ProjectSession';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';
import { CalibrateRunner, PreviewRunner } from '../../../renderer/workers/calibrationRunner';
import { projection, smallCounty } from '../../core/suggest/smallCounty';
import { syntheticDriveTest } from './syntheticDriveTest';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});

/** The small test county with three macro sites to drive. */
function county() {
  const project = smallCounty();
  project.sites = [
    ...project.sites,
    makeSite('macro', projection.inverse([2500, -2000]) as [number, number], 'S2'),
    makeSite('macro', projection.inverse([-2500, 2500]) as [number, number], 'S3'),
  ];
  return project;
}

const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('previewDriveTests and calibrateForApp', () => {
  it('reports what matched and why the rest did not, then finds a known 8 dB offset held out by site', () => {
    const project = county();
    const { csv, records } = syntheticDriveTest(project, { offsetDb: 8, sites: 3 });
    const preview = previewDriveTests(project, [{ name: '路测.csv', bytes: bytesOf(csv) }, { name: 'bad.csv', bytes: bytesOf('a,b\n1,2\n') }]);
    if (!preview.ok) throw new Error(preview.message);
    const { matching, files } = preview.value;
    expect(files[0]).toMatchObject({ ok: true, layout: 'drive-test', samples: records.length + 2 });
    expect(files[1].ok).toBe(false);
    expect(matching.matched).toBe(records.length);
    expect(matching.unmatched).toBe(2);
    expect(matching.perSite.map((s) => s.siteId).sort()).toEqual(['S1', 'S2', 'S3']);
    const reasons = matching.unmatchedReasons.map((r) => r.reason);
    expect(reasons.some((r) => r.startsWith('cell id not in the project'))).toBe(true);
    expect(reasons).toContain('outside the project grid');

    const outcome = calibrateForApp(project, preview.value.records, { atIso: '2026-12-07T12:00:00.000Z' });
    // the default model predicts 8 dB above the "measurements": before is optimistic by about 8 dB
    expect(outcome.before.meanErrorDb).toBeGreaterThan(7);
    expect(outcome.before.meanErrorDb).toBeLessThan(9);
    expect(Math.abs(outcome.after.meanErrorDb)).toBeLessThan(2.5);
    expect(outcome.after.rmseDb).toBeLessThan(outcome.before.rmseDb - 3);
    expect(outcome.model.kind).toBe('calibrated');
    expect(outcome.model.fit?.atIso).toBe('2026-12-07T12:00:00.000Z');
    expect(outcome.points.measuredDbm).toHaveLength(records.length);
    expect(outcome.perSite).toHaveLength(3);
  });

  it('when no file gives a sample, each file says why (coded) and nothing matches: there is nothing to fit', () => {
    const r = previewDriveTests(county(), [{ name: 'empty.csv', bytes: bytesOf('lon,lat,rsrp,site_id\n') }, { name: 'gps.csv', bytes: bytesOf('lon,lat,rsrp,site_id\n0,0,-90,S1\n') }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.files[0]).toMatchObject({ ok: false, reason: { code: 'emptyFile' } });
    expect(r.value.files[1]).toMatchObject({ ok: true, samples: 0, problems: [{ code: 'noGpsFix' }] });
    expect(r.value.matching.matched).toBe(0);
    expect(r.value.records).toHaveLength(0);
  });
});

describe('the charts and words of a calibration', () => {
  it('bins errors into shares summing to 1 and thins the scatter', () => {
    const n = 10_000;
    const measured = Float64Array.from({ length: n }, (_, i) => -100 + (i % 20));
    const points = { lonDeg: new Float64Array(n), latDeg: new Float64Array(n), measuredDbm: measured, beforeDbm: measured.map((m) => m + 8), afterDbm: measured.map((m, i) => (i === 0 ? NaN : m + 1)) };
    const h = errorHistogram(points);
    expect(h.before.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(h.after.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(h.binStartsDb[h.before.indexOf(1)]).toBe(8);
    expect(h.binStartsDb[h.after.indexOf(1)]).toBe(0);
    const pairs = scatterPairs(points.measuredDbm, points.afterDbm, 1000);
    expect(pairs.length).toBeLessThanOrEqual(1000);
    expect(pairs.every(([m, p]) => p - m === 1)).toBe(true);
  });

  it('words the legend line and the matching reasons in the reader\'s language', () => {
    const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;
    expect(legendModelLine(DEFAULT_PROPAGATION_MODEL, t)).toBe(`calibration.legendDefault{"rmse":"${DEFAULT_PROPAGATION_MODEL.fit!.heldOut.rmseDb.toFixed(1)}"}`);
    expect(legendModelLine({ ...DEFAULT_PROPAGATION_MODEL, kind: 'calibrated' }, t)).toContain('calibration.legendCalibrated');
    expect(legendModelLine({ ...DEFAULT_PROPAGATION_MODEL, fit: undefined, kind: 'reference' }, t)).toContain('calibration.legendUnfitted');
    expect(matchReasonText('cell id not in the project (e.g. "X9")', t)).toBe('calibration.reasons.cellId{"ref":"X9"}');
    expect(matchReasonText('no sector with the PCI within 5000 m', t)).toBe('calibration.reasons.pci{"m":"5000"}');
    expect(matchReasonText('farther from its site than the macro range', t)).toBe('calibration.reasons.range{"kind":"site.kinds.macro"}');
    expect(matchReasonText('something new', t)).toBe('something new');
    expect(matchExampleText('路测.csv line 12', t)).toBe('calibration.example{"file":"路测.csv","line":"12"}');
  });
});

describe('CalibrationSession', () => {
  it('reads, fits and applies as one undo step that undo reverts; reset to default is undoable too', async () => {
    const project = county();
    const session = openSession(project, GUIZHOU_COUNTIES[0]);
    const { csv } = syntheticDriveTest(project, { offsetDb: 8, sites: 3 });
    const picks = [{ name: 'dt.csv', bytes: bytesOf(csv) }];
    const host = { openFile: async () => ({ ok: true, value: picks.shift() ?? null }) } as unknown as Host;
    const preview = new PreviewRunner({ inline: true });
    const calibrate = new CalibrateRunner({ inline: true });
    const c = new CalibrationSession(session, host, new TaskTracker(), {
      preview: (job, o) => preview.run(job, o),
      calibrate: (job, o) => calibrate.run(job, o),
    }, () => new Date('2026-12-07T12:00:00Z'));
    await c.addFile();
    expect(c.getSnapshot().step).toBe('preview');
    expect(c.getSnapshot().preview!.matching.unmatched).toBe(2);
    await c.fit();
    const { outcome } = c.getSnapshot();
    expect(outcome).not.toBeNull();
    expect(session.store.getState().propagationModel).toBeUndefined();

    c.apply();
    expect(session.store.getState().propagationModel).toBe(outcome!.model);
    expect(currentProject(session).propagationModel).toBe(outcome!.model);
    expect(c.getSnapshot().isApplied).toBe(true);
    expect(session.store.undoName()).toBe('setPropagationModel');
    session.store.undo();
    expect(session.store.getState().propagationModel).toBeUndefined();
    expect(c.getSnapshot().isApplied).toBe(false);
    session.store.redo();
    expect(c.getSnapshot().isApplied).toBe(true);

    session.store.dispatch(resetPropagationModel, undefined);
    expect(currentProject(session).propagationModel).toBeUndefined();
    session.store.undo();
    expect(currentProject(session).propagationModel).toEqual(outcome!.model);
    c.dispose();
  });

  it('cancels a fit under way: back to the matching report, nothing applied', async () => {
    const project = county();
    const session = openSession(project, GUIZHOU_COUNTIES[0]);
    const { csv } = syntheticDriveTest(project, { offsetDb: 8, sites: 3 });
    const preview = new PreviewRunner({ inline: true });
    const calibrate = new CalibrateRunner({ inline: true });
    const tracker = new TaskTracker();
    const c = new CalibrationSession(session, {} as Host, tracker, {
      preview: (job, o) => preview.run(job, o),
      calibrate: (job, o) => calibrate.run(job, o),
    });
    await c.addFiles([{ name: 'dt.csv', bytes: bytesOf(csv) }]);
    const fitting = c.fit();
    expect(c.getSnapshot().step).toBe('fitting');
    expect(tracker.getTasks().map((x) => x.labelKey)).toContain('calibration.taskFit');
    c.cancel();
    await fitting;
    expect(c.getSnapshot()).toMatchObject({ step: 'preview', outcome: null, error: null });
    expect(session.store.getState().propagationModel).toBeUndefined();
    c.dispose();
  });

  it('says why when too few sites can be used', async () => {
    const project = county();
    const session = openSession(project, GUIZHOU_COUNTIES[0]);
    const { csv } = syntheticDriveTest(project, { offsetDb: 8, sites: 1 });
    const preview = new PreviewRunner({ inline: true });
    const calibrate = new CalibrateRunner({ inline: true });
    const c = new CalibrationSession(session, {} as Host, new TaskTracker(), {
      preview: (job, o) => preview.run(job, o),
      calibrate: (job, o) => calibrate.run(job, o),
    });
    await c.addFiles([{ name: 'one-site.csv', bytes: bytesOf(csv) }]);
    await c.fit();
    expect(c.getSnapshot().outcome).toBeNull();
    expect(c.getSnapshot().step).toBe('preview');
    expect(c.getSnapshot().error).toMatch(/at least 2/);
    c.dispose();
  });
});

describe('PlanCompute follows the project model', () => {
  it('recomputes the coverage when a model is applied, and again when it is undone', async () => {
    const { PlanCompute } = await import('../../../renderer/session/PlanCompute');
    const { CoveragePool } = await import('../../../renderer/workers/pool');
    const { setPropagationModel } = await import('../../../renderer/actions/modelActions');
    const session = openSession(county(), GUIZHOU_COUNTIES[0]);
    const compute = new PlanCompute(session, new CoveragePool({ size: 0 }), new TaskTracker(), { inline: true });
    await compute.recompute();
    const centre = (() => {
      const { grid } = session.base;
      return Math.floor(grid.rows / 2) * grid.cols + Math.floor(grid.cols / 2) + 5;
    })();
    const before = compute.rasters.rsrpDbm[centre];
    expect(Number.isFinite(before)).toBe(true);
    // a full recompute: 'computing' first, then ready over the whole grid (the load map's own updates come between)
    const recomputed = () => new Promise<void>((resolve) => {
      let isComputing = false;
      const stop = compute.subscribe(() => {
        const snap = compute.getSnapshot();
        if (snap.status === 'computing') isComputing = true;
        if (!isComputing || snap.status !== 'ready' || snap.changed?.cols !== session.base.grid.cols) return;
        stop();
        resolve();
      });
    });
    // 10 dB more fixed loss: every predicted RSRP 10 dB lower
    const lossier = { ...DEFAULT_PROPAGATION_MODEL, kind: 'calibrated' as const, kFactors: { ...DEFAULT_PROPAGATION_MODEL.kFactors, offsetDb: DEFAULT_PROPAGATION_MODEL.kFactors.offsetDb + 10 } };
    let done = recomputed();
    session.store.dispatch(setPropagationModel, lossier);
    await done;
    expect(compute.rasters.rsrpDbm[centre]).toBeCloseTo(before - 10, 3);
    done = recomputed();
    session.store.undo();
    await done;
    expect(compute.rasters.rsrpDbm[centre]).toBeCloseTo(before, 3);
    compute.dispose();
  });
});
