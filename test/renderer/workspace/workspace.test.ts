import { describe, expect, it, vi } from 'vitest';
import { countyByCode, newCountyProject } from '../../../geodata/counties';
import { addSite } from '../../../renderer/actions/siteActions';
import type { Host } from '../../../renderer/host/Host';
import type { MapCommand } from '../../../renderer/map/MapCommands';
import type { PlanCompute } from '../../../renderer/session/PlanCompute';
import { openSession } from '../../../renderer/session/ProjectSession';
import { gapBounds } from '../../../renderer/workspace/bounds';
import { INITIAL_WORKSPACE_UI, Workspace } from '../../../renderer/workspace/Workspace';

const county = countyByCode('520382')!;
const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;
const GAP = { id: 7, bbox: [10, 20, 14, 26] as [number, number, number, number] };

/** A workspace over a new project of 仁怀市 at 100 m, a stand-in compute (a report with one gap) and host. */
function setUp(host: Partial<Host> = {}) {
  const project = newCountyProject(county, { cellSizeM: 100 });
  const place = { id: 'P1', name: '茅台机场', category: 'transportHub', geometry: { type: 'Point', coordinates: [106.43, 27.8] }, radiusM: 500 };
  const session = openSession({ ...project, places: [place as never] }, county);
  const compute = {
    getPanelSnapshot: () => ({ report: { gaps: [GAP] } }),
    previewSite: vi.fn(),
    endPreview: vi.fn(),
  } as unknown as PlanCompute;
  const ws = new Workspace(session, compute, host as Host, t);
  const commands: MapCommand[] = [];
  ws.map.subscribe((c) => commands.push(c));
  return { ws, session, compute, commands };
}

describe('Workspace', () => {
  it('starts on the site list and the KPIs, with the select tool', () => {
    expect(setUp().ws.ui.getSnapshot()).toEqual(INITIAL_WORKSPACE_UI);
  });

  it('a gap picked in the list is selected, its list shown, and the map fitted to its cells', () => {
    const { ws, session, commands } = setUp();
    ws.selectGap(GAP.id);
    expect(ws.ui.getSnapshot()).toMatchObject({ selectedGapId: 7, listsTab: 'gaps' });
    expect(commands).toEqual([{ type: 'fitBounds', bounds: gapBounds(GAP, session.base.grid) }]);
    const [w, s, e, n] = (commands[0] as { bounds: readonly number[] }).bounds;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    ws.selectGap(99); // not in the report: selected, but nothing to fit
    expect(commands).toHaveLength(1);
  });

  it('a place is selected and fitted (at least 200 m around a point); a build-list row zooms to ~500 m around it', () => {
    const { ws, commands } = setUp();
    ws.selectPlace('P1');
    expect(ws.ui.getSnapshot()).toMatchObject({ selectedPlaceId: 'P1', listsTab: 'places' });
    const [w, s, e, n] = (commands[0] as { bounds: readonly number[] }).bounds;
    expect((w + e) / 2).toBeCloseTo(106.43, 6);
    expect((s + n) / 2).toBeCloseTo(27.8, 6);
    expect((n - s) * 111_320).toBeCloseTo(1000, -1);
    ws.selectBuildListRow({ kind: 'site', id: 'S9', lonDeg: 106.4, latDeg: 27.8 });
    expect(ws.ui.getSnapshot()).toMatchObject({ selectedSiteId: 'S9', detailsTab: 'site' });
    const row = (commands[1] as { bounds: readonly number[] }).bounds;
    [106.395, 27.795, 106.405, 27.805].forEach((v, k) => expect(row[k]).toBeCloseTo(v, 9));
  });

  it('places a site where the map was clicked, selects it, and goes back to the select tool', () => {
    const { ws, session } = setUp();
    ws.setTool('macro');
    ws.placeAt('macro', county.seatLonLat);
    const [site] = session.store.getState().sites;
    expect(site).toMatchObject({ kind: 'macro', lonDeg: county.seatLonLat[0], latDeg: county.seatLonLat[1] });
    expect(ws.ui.getSnapshot()).toMatchObject({ tool: 'select', selectedSiteId: site.id, detailsTab: 'site' });
    ws.placeAt('olt', county.seatLonLat);
    expect(session.store.getState().olts).toMatchObject([{ id: 'OLT1', name: 'plan.newOltName{"id":"OLT1"}', status: 'planned' }]);
    expect(ws.ui.getSnapshot().detailsTab).toBe('fibre');
  });

  it('a site picked in the site list is selected and the map centred on it', () => {
    const { ws, session, commands } = setUp();
    session.store.dispatch(addSite, { kind: 'micro', lonLat: [106.41, 27.81], id: 'S1' });
    ws.focusSite('S1');
    expect(ws.ui.getSnapshot()).toMatchObject({ selectedSiteId: 'S1', detailsTab: 'site' });
    expect(commands).toEqual([{ type: 'focusSite', lonLat: [106.41, 27.81] }]);
  });

  it('copies, rotates and deletes the selected site from the keyboard; Esc leaves a tool, then the selection', () => {
    const { ws, session } = setUp();
    session.store.dispatch(addSite, { kind: 'macro', lonLat: [106.41, 27.81], id: 'S1' });
    ws.selectSite('S1');
    const azimuths = () => session.store.getState().sites[0].sectors.map((s) => s.azimuthDeg);
    const before = azimuths();
    expect(ws.runShortcut('rotateRight')).toBe(true);
    expect(azimuths()).toEqual(before.map((a) => (a + 15) % 360));
    ws.runShortcut('copy');
    const sites = session.store.getState().sites;
    expect(sites).toHaveLength(2);
    expect(sites[1].lonDeg).toBeCloseTo(106.411, 9);
    expect(sites[1].latDeg).toBeCloseTo(27.809, 9);
    expect(sites[1].name).toContain('site.copyName');
    expect(ws.ui.getSnapshot().selectedSiteId).toBe(sites[1].id);
    ws.runShortcut('delete');
    expect(session.store.getState().sites.map((s) => s.id)).toEqual(['S1']);
    ws.runShortcut('undo');
    expect(session.store.getState().sites).toHaveLength(2);

    ws.runShortcut('micro');
    ws.runShortcut('help');
    ws.selectSite('S1');
    ws.runShortcut('cancel');
    expect(ws.ui.getSnapshot()).toMatchObject({ tool: 'select', isHelpOpen: false, selectedSiteId: 'S1' });
    ws.runShortcut('cancel');
    expect(ws.ui.getSnapshot().selectedSiteId).toBeNull();
    expect(ws.runShortcut('save')).toBe(false);
  });

  it('a drag moves the site in the store, previews in the compute, and is one undo step at the drop', () => {
    const { ws, session, compute } = setUp();
    session.store.dispatch(addSite, { kind: 'macro', lonLat: [106.41, 27.81], id: 'S1' });
    ws.mapHandlers.onDragMove('S1', [106.415, 27.81]);
    ws.mapHandlers.onDrag('S1', [106.42, 27.81]);
    ws.mapHandlers.onDragEnd('S1', [106.43, 27.81]);
    expect(compute.previewSite).toHaveBeenCalledWith('S1', [106.415, 27.81]);
    expect(compute.endPreview).toHaveBeenCalledTimes(1);
    expect(session.store.getState().sites[0].lonDeg).toBe(106.43);
    expect(session.store.undoName()).toBe('moveSite');
    session.store.undo();
    expect(session.store.getState().sites[0].lonDeg).toBe(106.41);
  });

  it('refuses a base map it cannot read with the reason, and does nothing when the planner cancels', async () => {
    const openFile = vi.fn();
    const { ws } = setUp({ openFile });
    openFile.mockResolvedValueOnce({ ok: true, value: null });
    await ws.openBaseMap();
    expect(ws.ui.getSnapshot()).toMatchObject({ baseMap: null, baseMapError: null });
    openFile.mockResolvedValueOnce({ ok: true, value: { name: 'tiles.mbtiles', bytes: new TextEncoder().encode('not sqlite') } });
    await ws.openBaseMap();
    expect(ws.ui.getSnapshot().baseMap).toBeNull();
    expect(ws.ui.getSnapshot().baseMapError).toMatch(/^baseMap\.failed.*tiles\.mbtiles.*baseMap\.reasons\.notMbtiles/); // the reason worded from its code
  });
});
