import type { BuildListRow } from '../../core/buildList';
import { nextSiteId, type Place } from '../../core/model';
import { readMbtiles, type MbtilesReader } from '../../geodata/import';
import { addOlt, nextOltId } from '../actions/oltActions';
import { addKeyPoint, addPlace, deletePlace, nextPlaceId, removeKeyPoint, updatePlace } from '../actions/placeActions';
import { addSite, copySite, deleteSite, moveSite, rotateSite } from '../actions/siteActions';
import type { Host } from '../host';
import type { Translate } from '../i18n/translate';
import type { ShortcutCommand } from '../keyboard/shortcuts';
import { MapCommands } from '../map/MapCommands';
import type { PlanMapHandlers, PlanTool } from '../map/PlanMap';
import type { PlanCompute } from '../session/PlanCompute';
import type { ProjectSession } from '../session/ProjectSession';
import { SnapshotStore } from '../state/SnapshotStore';
import { gapBounds, placeBounds } from './bounds';

export type CoverageKind = 'rsrp' | 'sinr' | 'throughput' | 'load' | 'none';
/** the left panel's tabs (lists) and the right panel's (details) */
export type ListsTab = 'gaps' | 'places' | 'sites' | 'buildList';
export type DetailsTab = 'kpi' | 'fibre' | 'suggest' | 'site' | 'model';

/** The planning workspace's UI state: what is selected, the tool, the open tabs, the map's display choices. */
export interface WorkspaceUi {
  tool: PlanTool;
  selectedSiteId: string | null;
  selectedPlaceId: string | null;
  selectedGapId: number | null;
  listsTab: ListsTab;
  detailsTab: DetailsTab;
  isHelpOpen: boolean;
  /** the project settings screen is open (from the header or any "edit in Project settings" link) */
  isSettingsOpen: boolean;
  /** which raster the coverage layer shows */
  coverageKind: CoverageKind;
  coverageOpacity: number;
  /** the offline base map (MBTiles) the planner opened, and why the last one was refused */
  baseMap: MbtilesReader | null;
  baseMapError: string | null;
  /** the vertices of a place's area being drawn (tool 'placeArea'), WGS-84 */
  drawing: [number, number][];
}

export const INITIAL_WORKSPACE_UI: WorkspaceUi = {
  tool: 'select',
  selectedSiteId: null,
  selectedPlaceId: null,
  selectedGapId: null,
  listsTab: 'sites',
  detailsTab: 'kpi',
  isHelpOpen: false,
  isSettingsOpen: false,
  coverageKind: 'rsrp',
  coverageOpacity: 0.7,
  baseMap: null,
  baseMapError: null,
  drawing: [],
};

/** Half the side of the box a build-list row zooms to, degrees (~500 m: the site and its surroundings). */
const ROW_ZOOM_HALF_DEG = 0.005;
/** Offset for copies, so a copy lands beside its original rather than on top (~110 m). */
const COPY_OFFSET_DEG = 0.001;
/** What [ and ] turn the selected site by, degrees. */
const ROTATE_STEP_DEG = 15;

/**
 * What the planning workspace of one open project does when the planner clicks, types or picks: selection,
 * tools and tabs (the `ui` store the panels read), the site edits that start from the map or the keyboard (named
 * actions on the session's store), and the commands to the plan map (`map`: PlanMapView carries them out). A click
 * in the gap list is `selectGap`: the gap is selected and the map fits its cells. Plain TypeScript: React only
 * reads `ui` and calls these methods.
 * @example const ws = new Workspace(session, compute, host, t); ws.selectGap(3); ws.runShortcut('undo');
 */
export class Workspace {
  readonly ui = new SnapshotStore<WorkspaceUi>(INITIAL_WORKSPACE_UI);
  readonly map = new MapCommands();

  constructor(
    readonly session: ProjectSession,
    readonly compute: PlanCompute,
    private readonly host: Host,
    private readonly t: Translate,
  ) {}

  /** The selected site as the store holds it now, or null. */
  selectedSite() {
    const id = this.ui.getSnapshot().selectedSiteId;
    return this.session.store.getState().sites.find((s) => s.id === id) ?? null;
  }

  setTool(tool: PlanTool): void {
    // leaving the area tool drops an unfinished outline
    this.ui.update(tool === 'placeArea' ? { tool } : { tool, drawing: [] });
  }

  /** The selected place, if any. */
  selectedPlace(): Place | null {
    const id = this.ui.getSnapshot().selectedPlaceId;
    return this.session.store.getState().places.find((p) => p.id === id) ?? null;
  }

  /** Ends the area being drawn: with three vertices or more it becomes a place (one undoable edit), selected. */
  finishDrawing(): void {
    const vertices = this.ui.getSnapshot().drawing;
    if (vertices.length < 3) return;
    this.addDrawnPlace(vertices);
  }

  private addDrawnPlace(vertices: [number, number][]): void {
    const { store } = this.session;
    const id = nextPlaceId(store.getState().places);
    store.dispatch(addPlace, { id, name: this.t('countyLayers.newPlaceName', { id }), category: 'business_district', vertices });
    this.ui.update({ selectedPlaceId: id, listsTab: 'places', tool: 'select', drawing: [] });
  }

  /** Changes the selected place's name, category or radius (one undoable edit each). */
  updateSelectedPlace(changes: Partial<Pick<Place, 'name' | 'category' | 'radiusM'>>): void {
    const place = this.selectedPlace();
    if (place) this.session.store.dispatch(updatePlace, { placeId: place.id, changes });
  }

  deleteSelectedPlace(): void {
    const place = this.selectedPlace();
    if (!place) return;
    this.session.store.dispatch(deletePlace, { placeId: place.id });
    this.ui.update({ selectedPlaceId: null, tool: 'select' });
  }

  removeLastKeyPoint(): void {
    const place = this.selectedPlace();
    if (place?.keyPoints?.length) this.session.store.dispatch(removeKeyPoint, { placeId: place.id, index: place.keyPoints.length - 1 });
  }

  /** Selects a site (a click on the map) and shows its editor; null clears the selection. */
  selectSite(siteId: string | null): void {
    this.ui.update(siteId ? { selectedSiteId: siteId, detailsTab: 'site' } : { selectedSiteId: null });
  }

  /** Selects a site from the site list: its editor opens and the map centres on it. (Bound: the memoised list keeps it.) */
  readonly focusSite = (siteId: string): void => {
    this.selectSite(siteId);
    const site = this.session.store.getState().sites.find((s) => s.id === siteId);
    if (site) this.map.focusSite([site.lonDeg, site.latDeg]);
  };

  /** A gap picked in the gap list or on the map: selected, its list shown, the map fitted to its cells. */
  selectGap(gapId: number): void {
    this.ui.update({ selectedGapId: gapId, listsTab: 'gaps' });
    const gap = this.compute.getPanelSnapshot().report?.gaps.find((g) => g.id === gapId);
    if (gap) this.map.fitBounds(gapBounds(gap, this.session.base.grid));
  }

  /** A place picked in the place list or on the map: selected, its list shown, the map fitted to it. */
  selectPlace(placeId: string): void {
    this.ui.update({ selectedPlaceId: placeId, listsTab: 'places' });
    const place = this.session.store.getState().places.find((p) => p.id === placeId);
    if (place) this.map.fitBounds(placeBounds(place));
  }

  /** A build-list row: a site row selects the site; either kind zooms the map to the row's position. */
  selectBuildListRow(row: Pick<BuildListRow, 'kind' | 'id' | 'lonDeg' | 'latDeg'>): void {
    if (row.kind === 'site') this.selectSite(row.id);
    const d = ROW_ZOOM_HALF_DEG;
    this.map.fitBounds([row.lonDeg - d, row.latDeg - d, row.lonDeg + d, row.latDeg + d]);
  }

  /** A click on the map with a placing tool: a new site (selected, its editor open) or OLT; the tool goes back to select. */
  placeAt(kind: Exclude<PlanTool, 'select'>, lonLat: [number, number]): void {
    const { store } = this.session;
    if (kind === 'placePoint') return this.addDrawnPlace([lonLat]);
    if (kind === 'placeArea') return this.ui.update({ drawing: [...this.ui.getSnapshot().drawing, lonLat] });
    if (kind === 'keyPoint') {
      const place = this.selectedPlace();
      if (place) store.dispatch(addKeyPoint, { placeId: place.id, lonLat });
      return;
    }
    if (kind === 'olt') {
      const id = nextOltId(store.getState().olts);
      store.dispatch(addOlt, { lonLat, id, name: this.t('plan.newOltName', { id }) });
      this.ui.update({ detailsTab: 'fibre', tool: 'select' });
      return;
    }
    const id = nextSiteId(store.getState().sites);
    store.dispatch(addSite, { kind, lonLat, id });
    this.ui.update({ selectedSiteId: id, detailsTab: 'site', tool: 'select' });
  }

  /** Copies the selected site beside itself and selects the copy. */
  copySelected(): void {
    const site = this.selectedSite();
    if (!site) return;
    const id = nextSiteId(this.session.store.getState().sites);
    this.session.store.dispatch(copySite, {
      siteId: site.id,
      lonLat: [site.lonDeg + COPY_OFFSET_DEG, site.latDeg - COPY_OFFSET_DEG],
      name: this.t('site.copyName', { name: site.name }),
      id,
    });
    this.ui.update({ selectedSiteId: id });
  }

  deleteSelected(): void {
    const site = this.selectedSite();
    if (!site) return;
    this.session.store.dispatch(deleteSite, { siteId: site.id });
    this.ui.update({ selectedSiteId: null });
  }

  rotateSelected(deltaDeg: number): void {
    const site = this.selectedSite();
    if (site) this.session.store.dispatch(rotateSite, { siteId: site.id, deltaDeg });
  }

  /** A drag step the store takes (at most every 40 ms: each re-renders the panels); one undo entry at the drop. */
  dragSite(siteId: string, lonLat: [number, number]): void {
    this.session.store.dispatchTransient(moveSite, { siteId, lonLat });
  }

  /** The site under the pointer at every move: the coverage follows it ahead of the store (PlanCompute.previewSite). */
  previewDrag(siteId: string, lonLat: [number, number]): void {
    this.compute.previewSite(siteId, lonLat);
  }

  /** The drop: the final position, the drag as one undoable edit, and the coverage back on the store. */
  dropSite(siteId: string, lonLat: [number, number]): void {
    this.session.store.dispatchTransient(moveSite, { siteId, lonLat });
    this.session.store.endGesture(moveSite.name);
    this.compute.endPreview();
  }

  /** What the plan map reports, routed here (PlanMapView adds the cursor, which the status bar shows). */
  readonly mapHandlers: Omit<PlanMapHandlers, 'onCursor'> = {
    onSelect: (id) => this.selectSite(id),
    onDrag: (id, lonLat) => this.dragSite(id, lonLat),
    onDragMove: (id, lonLat) => this.previewDrag(id, lonLat),
    onDragEnd: (id, lonLat) => this.dropSite(id, lonLat),
    onPlace: (kind, lonLat) => this.placeAt(kind, lonLat),
    onClearSelection: () => this.selectSite(null),
    onSelectPlace: (id) => this.selectPlace(id),
    onSelectGap: (id) => this.selectGap(id),
  };

  /** Carries out a workspace shortcut (shortcuts.ts); false for the ones it does not own (save, save as). */
  runShortcut(command: ShortcutCommand): boolean {
    const { store } = this.session;
    switch (command) {
      case 'undo': store.undo(); return true;
      case 'redo': store.redo(); return true;
      case 'select': case 'macro': case 'micro': case 'indoor': this.setTool(command); return true;
      case 'delete': this.deleteSelected(); return true;
      case 'copy': this.copySelected(); return true;
      case 'rotateLeft': this.rotateSelected(-ROTATE_STEP_DEG); return true;
      case 'rotateRight': this.rotateSelected(ROTATE_STEP_DEG); return true;
      case 'cancel': {
        // Esc closes the help, and leaves a placing tool, or else drops the selection
        const { tool } = this.ui.getSnapshot();
        this.ui.update(tool === 'select' ? { isHelpOpen: false, selectedSiteId: null } : { isHelpOpen: false, tool: 'select' });
        return true;
      }
      case 'help': this.ui.update({ isHelpOpen: !this.ui.getSnapshot().isHelpOpen }); return true;
      default: return false;
    }
  }

  /** Asks for an MBTiles file and shows it under the map; a vector or unreadable file is refused with why. */
  async openBaseMap(): Promise<void> {
    const picked = await this.host.openFile({ purpose: 'open-base-map' });
    if (!picked.ok) return this.ui.update({ baseMapError: picked.message });
    if (!picked.value) return;
    const reader = await readMbtiles(picked.value.bytes);
    if (!reader.ok) {
      const reason = reader.reason ? this.t(`baseMap.reasons.${reader.reason.code}`, { defaultValue: reader.message }) : reader.message;
      return this.ui.update({ baseMapError: this.t('baseMap.failed', { name: picked.value.name, reason }) });
    }
    if ((reader.value.metadata.format ?? '').toLowerCase() === 'pbf') {
      reader.value.close();
      return this.ui.update({ baseMapError: this.t('baseMap.vector', { name: picked.value.name }) });
    }
    this.ui.getSnapshot().baseMap?.close();
    this.ui.update({ baseMap: reader.value, baseMapError: null });
  }

  /** The project closes: the base map's database goes. */
  dispose(): void {
    this.ui.getSnapshot().baseMap?.close();
    this.ui.update({ baseMap: null });
  }
}
