import { describe, expect, it, vi } from 'vitest';
import { countyByCode, newCountyProject } from '../../../geodata/counties';
import { readProjectGpkg } from '../../../geodata/project';
import { addSite } from '../../../renderer/actions/siteActions';
import type { Host } from '../../../renderer/host/Host';
import { ProjectFile } from '../../../renderer/session/ProjectFile';
import { openSession } from '../../../renderer/session/ProjectSession';

const county = countyByCode('520382')!;

function fakeHost(saveAnswer: 'ok' | 'cancel' | 'fail' = 'ok') {
  const calls = {
    saveProject: vi.fn(async (req: { handle?: string; suggestedName: string; bytes: Uint8Array; projectKey?: string }) => {
      if (saveAnswer === 'cancel') return { ok: true as const, value: null };
      if (saveAnswer === 'fail') return { ok: false as const, code: 'disk-full', message: 'no room' };
      return { ok: true as const, value: { handle: req.handle ?? 'h-new', name: req.handle ? 'old.gpkg' : 'picked.gpkg' } };
    }),
    autosave: vi.fn(async () => ({ ok: true as const, value: { modifiedMs: 1 } })),
    discardAutosave: vi.fn(async () => ({ ok: true as const, value: null })),
    discardRecovery: vi.fn(async () => ({ ok: true as const, value: null })),
  };
  return { host: calls as unknown as Host, calls };
}

function session() {
  return openSession(newCountyProject(county, { cellSizeM: 100 }), county);
}

describe('ProjectFile', () => {
  it('is clean when opened, dirty after an edit, and clean again once saved; the saved bytes read back with the edit', async () => {
    const { host, calls } = fakeHost();
    const s = session();
    const file = new ProjectFile(host, s, { projectKey: 'k1' });
    const seen: boolean[] = [];
    file.subscribe(() => seen.push(file.getSnapshot().isDirty));
    expect(file.getSnapshot()).toEqual({ name: null, isDirty: false, isSaving: false });
    s.store.dispatch(addSite, { kind: 'macro', lonLat: county.seatLonLat, id: 'S-1' });
    expect(file.getSnapshot().isDirty).toBe(true);
    const res = await file.save();
    expect(res).toEqual({ ok: true, value: { handle: 'h-new', name: 'picked.gpkg' } });
    expect(file.getSnapshot()).toEqual({ name: 'picked.gpkg', isDirty: false, isSaving: false });
    expect(seen).toContain(true);
    const req = calls.saveProject.mock.calls[0][0];
    expect(req).toMatchObject({ suggestedName: '仁怀市.gpkg', projectKey: 'k1' });
    expect(req.handle).toBeUndefined();
    const back = await readProjectGpkg(req.bytes);
    expect(back.ok && back.value.sites.map((x) => x.id)).toEqual(['S-1']);
  });

  it('saves in place with its handle, and asks anew with Save as', async () => {
    const { host, calls } = fakeHost();
    const file = new ProjectFile(host, session(), { projectKey: 'k', handle: 'h-old', name: 'old.gpkg' });
    await file.save();
    expect(calls.saveProject.mock.calls[0][0]).toMatchObject({ handle: 'h-old', suggestedName: 'old.gpkg' });
    await file.save(true);
    expect(calls.saveProject.mock.calls[1][0].handle).toBeUndefined();
  });

  it('stays dirty when the save is cancelled or fails', async () => {
    for (const answer of ['cancel', 'fail'] as const) {
      const { host } = fakeHost(answer);
      const s = session();
      const file = new ProjectFile(host, s, { projectKey: 'k' });
      s.store.dispatch(addSite, { kind: 'micro', lonLat: county.seatLonLat });
      const res = await file.save();
      expect(answer === 'cancel' ? res.ok && res.value === null : !res.ok).toBe(true);
      expect(file.getSnapshot().isDirty).toBe(true);
    }
  });

  it('treats a recovered project as unsaved and drops its recovery once saved', async () => {
    const { host, calls } = fakeHost();
    const file = new ProjectFile(host, session(), { projectKey: 'k', isRecovered: true, recoveryId: 'r1' });
    expect(file.getSnapshot().isDirty).toBe(true);
    await file.save();
    expect(calls.discardRecovery).toHaveBeenCalledWith('r1');
    expect(file.getSnapshot().isDirty).toBe(false);
  });

  it('autosaves only while dirty, answers a close, and removes its crash copies when closed on purpose', async () => {
    const { host, calls } = fakeHost();
    const s = session();
    const file = new ProjectFile(host, s, { projectKey: 'k9' });
    const loop = file.startAutosave(() => undefined, 60_000);
    await loop.flush();
    expect(calls.autosave).not.toHaveBeenCalled();
    expect(await file.quitAnswer()).toEqual({ clean: true });
    s.store.dispatch(addSite, { kind: 'macro', lonLat: county.seatLonLat });
    expect(await file.quitAnswer()).toEqual({ clean: false });
    expect(calls.autosave).toHaveBeenCalledTimes(1);
    expect(calls.autosave.mock.calls[0]).toEqual([expect.objectContaining({ projectKey: 'k9', name: '仁怀市.gpkg' })]);
    await file.close();
    expect(calls.discardAutosave).toHaveBeenCalledWith({ projectKey: 'k9' });
  });
});

describe('ProjectFile saves', () => {
  it('never run in parallel: a second save while one runs gets the same answer', async () => {
    const { host, calls } = fakeHost();
    const file = new ProjectFile(host, session(), { projectKey: 'k' });
    const [a, b] = await Promise.all([file.save(), file.save()]);
    expect(a).toBe(b);
    expect(calls.saveProject).toHaveBeenCalledTimes(1);
    await file.save();
    expect(calls.saveProject).toHaveBeenCalledTimes(2);
  });
});
