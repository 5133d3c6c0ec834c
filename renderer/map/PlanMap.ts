import L from 'leaflet';
import proj4 from 'proj4';
import type { GridLayer, Olt, Place, Site } from '../../core/model';
import { hillshade } from '../../core/terrain/hillshade';
import { orientationOf, type County } from '../../geodata/counties';
import type { ProjectBase } from '../session/ProjectSession';
import { COUNTY_WASH_PALETTE, POPULATION_PALETTE, RELIEF_PALETTE, UNCOVERED_HOUSEHOLDS_PALETTE } from './palettes';
import { rasteriseBoundary, type RankedGap } from '../../core/scoring';
import type { CellWindow } from '../../core/coverage';
import type { GridSpec } from '../../core/grid';
import type { FibreResult } from '../../core/ftth';
import { BestServerLayer } from './BestServerLayer';
import { DriveTestErrorLayer } from './DriveTestErrorLayer';
import type { CalibrationPoints } from '../calibration/calibrationJobs';
import { FibreLayer } from './FibreLayer';
import { GapLayer } from './GapLayer';
import { MbtilesLayer } from './MbtilesLayer';
import { OrientationLayer } from './OrientationLayer';
import type { MbtilesReader } from '../../geodata/import';
import { PlaceLayer, type PlaceStatus } from './PlaceLayer';
import { PointLayer } from './PointLayer';
import { RasterStackLayer, RasterStackToggle, type RasterSource } from './RasterStackLayer';
import { SiteLayer, type SiteLayerHandlers } from './SiteLayer';

const BEST_SERVER_PANE = 'bestServerPane';
/** Places over the gap outlines (both vector overlays, pane 400): a place's hover names the place. */
const PLACES_PANE = 'placesPane';
/**
 * The layer switcher folds to its icon and opens on hover: expanded it covered a quarter of the map (the county's
 * north-east at 1366x768).
 */
const LAYER_CONTROL_OPTIONS: L.Control.LayersOptions = { collapsed: true, position: 'topright' };
/** Space kept free around the county in the opening view, px: the zoom buttons (top left) and the layer icon (top right). */
const FIT_PADDING_TOP_PX = 56;
const FIT_PADDING_SIDE_PX = 16;

export type PlanTool = 'select' | 'macro' | 'micro' | 'indoor' | 'olt' | PlaceTool;
/** drawing a place: a point, the vertices of an area, or key points of the selected place */
export type PlaceTool = 'placePoint' | 'placeArea' | 'keyPoint';

export interface PlanMapHandlers extends SiteLayerHandlers {
  /** a click on the map (not on a site) with a placing tool active */
  onPlace(tool: Exclude<PlanTool, 'select'>, lonLat: [number, number]): void;
  onCursor(lonLat: [number, number] | null): void;
  /** a click on empty map with the select tool */
  onClearSelection(): void;
  onSelectPlace(placeId: string): void;
  onSelectGap(gapId: number): void;
}

/** Names of the switchable overlays, in the language of the UI. */
export interface OverlayLabels {
  relief: string;
  population: string;
  places: string;
  candidates: string;
  /** sites of the last suggestion run not yet accepted */
  proposed: string;
  olts: string;
  sites: string;
  gaps: string;
  fibre: string;
  uncovered: string;
  bestServer: string;
  /** neighbouring counties' outlines and names, county seats */
  orientation: string;
}

/**
 * The planning map of one county: its boundary, the grid rasters (one RasterStackLayer: relief, population,
 * households without gigabit, coverage), best-server areas, gaps, places, fibre and the sites (draggable),
 * the layer switcher and the active tool.
 */
export class PlanMap {
  readonly map: L.Map;
  private readonly sites: SiteLayer;
  private tool: PlanTool = 'select';
  /** the outline of an area being drawn (its vertices so far) */
  private readonly drawing = L.layerGroup();
  private readonly countyBounds: L.LatLngBounds;
  private readonly places: PlaceLayer;
  private readonly gaps: GapLayer;
  private readonly fibre = new FibreLayer();
  /** a calibration's measured points coloured by error, shown while the calibration asks for it */
  private readonly driveTestErrors = new DriveTestErrorLayer();
  private grid: ProjectBase['grid'] | null = null;
  private hasReliefSwitch = false;
  private terrain: GridLayer | undefined;
  private baseMap: MbtilesLayer | null = null;
  private readonly candidates = new PointLayer<Site>('candidate', (s) => s.name);
  private readonly proposed = new PointLayer<Site & { describe: string }>('proposed', (s) => s.describe);
  private readonly olts = new PointLayer<Olt>('olt', (o) => `${o.name} · GPON ${o.gponPorts} / XGS-PON ${o.xgsPonPorts}`);
  private control: L.Control.Layers;
  private readonly overlays: { layer: L.Layer; key: keyof OverlayLabels }[] = [];
  private labels: OverlayLabels;
  /** relief, population, households without gigabit and the coverage heat map, as one layer below the vectors */
  private readonly rasters = new RasterStackLayer({ county: 0.6, relief: 0.6, population: 0.7, uncovered: 0.8, coverage: 0.7 }, { zIndex: 1 });
  /** neighbouring counties and seats around the county, for orientation without a base map */
  private orientation: OrientationLayer | null = null;
  /** best-server areas, in a pane of their own; off until picked in the layer switcher */
  readonly bestServer = new BestServerLayer({ pane: BEST_SERVER_PANE });

  constructor(
    private readonly container: HTMLElement,
    county: County,
    base: ProjectBase | null,
    terrain: GridLayer | undefined,
    labels: OverlayLabels,
    private readonly handlers: PlanMapHandlers,
  ) {
    this.map = L.map(container, { zoomControl: true, attributionControl: false, zoomSnap: 0.25, doubleClickZoom: false });
    const rings = county.boundary.coordinates.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon))));
    // with a grid the county's wash is a raster under the others (RasterStackLayer); as this fill it would pale them
    const boundary = L.polygon(rings, { color: '#1f3a5f', weight: 2.5, fill: !base, fillColor: '#f7fafc', fillOpacity: 0.6, interactive: false, className: 'plan-boundary' });
    boundary.addTo(this.map);
    this.countyBounds = boundary.getBounds();
    this.fitCounty();
    this.labels = labels;
    this.control = L.control.layers(undefined, undefined, LAYER_CONTROL_OPTIONS).addTo(this.map);
    this.rasters.addTo(this.map);
    this.orientation = new OrientationLayer(orientationOf(county.code), false);
    this.addSwitchable(this.orientation, 'orientation', true);
    this.addRasterOverlays(county, base, terrain);
    // Above the rasters and the vector overlays (pane 400), below the site symbols (600): the areas' categorical
    // colours stay apart from the heat map's classes under them.
    const pane = this.map.createPane(BEST_SERVER_PANE);
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
    this.addSwitchable(this.bestServer, 'bestServer', false);
    // with a placing tool, a click on a gap or place places there (the map's click): it neither selects nor moves the map
    this.gaps = new GapLayer((id) => this.tool === 'select' && handlers.onSelectGap(id));
    this.addSwitchable(this.gaps, 'gaps', true);
    this.map.createPane(PLACES_PANE).style.zIndex = '460';
    this.places = new PlaceLayer((id) => this.tool === 'select' && handlers.onSelectPlace(id), PLACES_PANE);
    this.addSwitchable(this.places, 'places', true);
    this.addSwitchable(this.candidates, 'candidates', false);
    this.addSwitchable(this.proposed, 'proposed', true);
    this.addSwitchable(this.olts, 'olts', false);
    this.addSwitchable(this.fibre, 'fibre', false);
    this.addSwitchable(new RasterStackToggle(this.rasters, 'uncovered'), 'uncovered', false);
    this.sites = new SiteLayer(handlers);
    this.addSwitchable(this.sites, 'sites', true);
    this.map.on('click', (e: L.LeafletMouseEvent) => {
      if (this.tool === 'select') handlers.onClearSelection();
      else handlers.onPlace(this.tool, [e.latlng.lng, e.latlng.lat]);
    });
    this.drawing.addTo(this.map);
    this.map.on('mousemove', (e: L.LeafletMouseEvent) => handlers.onCursor([e.latlng.lng, e.latlng.lat]));
    this.map.on('mouseout', () => handlers.onCursor(null));
    this.map.on('zoomend moveend', () => this.updateState());
    this.updateState();
  }

  setSites(sites: readonly Site[], selectedId: string | null): void {
    this.sites.setSites(sites, selectedId);
  }

  setPlaces(places: readonly Place[], statuses: ReadonlyMap<string, PlaceStatus>, statusWords: Readonly<Record<PlaceStatus, string>>): void {
    this.places.setPlaces(places, statuses, statusWords);
  }

  setFibre(result: FibreResult | null, uncoveredHouseholds: Float32Array | null, labels: Parameters<FibreLayer['setResult']>[1]): void {
    this.fibre.setResult(result, labels);
    this.rasters.setSource('uncovered', this.grid && uncoveredHouseholds ? { grid: this.grid, values: uncoveredHouseholds, palette: UNCOVERED_HOUSEHOLDS_PALETTE } : null);
  }

  /** The coverage heat map (RSRP, SINR or DL rate; null: none), over the other rasters. */
  setCoverage(source: RasterSource | null): void {
    this.rasters.setSource('coverage', source);
    this.rasters.setVisible('coverage', !!source);
  }

  setCoverageOpacity(opacity: number): void {
    this.rasters.setRasterOpacity('coverage', opacity);
  }

  /** The coverage changed within `window` (an edit): only its cells and pixels are redrawn. */
  refreshCoverage(window: CellWindow): void {
    this.rasters.refreshCells(window);
  }

  /**
   * Relief shading of the project's terrain (undefined: flat ground, no shading). Follows the store: a DEM loaded,
   * undone or redone redraws it; the layer switcher gets its line with the first terrain.
   */
  setTerrain(terrain: GridLayer | undefined): void {
    if (!this.grid || (terrain === this.terrain && this.hasReliefSwitch)) return;
    this.terrain = terrain;
    this.rasters.setSource('relief', terrain ? { grid: this.grid, values: hillshade(this.grid, terrain.values), palette: RELIEF_PALETTE } : null);
    if (terrain && !this.hasReliefSwitch) {
      this.hasReliefSwitch = true;
      this.addSwitchable(new RasterStackToggle(this.rasters, 'relief'), 'relief', true);
    }
  }

  setGaps(gaps: readonly RankedGap[], selectedId: number | null): void {
    this.gaps.setGaps(gaps, selectedId);
  }

  /** Sets (or with null removes) the offline base map, drawn under every other layer. */
  setBaseMap(reader: MbtilesReader | null): void {
    this.baseMap?.remove();
    this.baseMap = reader ? new MbtilesLayer(reader, { zIndex: 0 }) : null;
    this.baseMap?.addTo(this.map);
  }

  /**
   * Fits the whole county in the free part of the map: clear of the zoom buttons and the layer icon, and of
   * `legend` (the box at the bottom left, px) by going beside it or above it, whichever shows the county larger.
   */
  fitCounty(legend?: { widthPx: number; heightPx: number }): void {
    const top = FIT_PADDING_TOP_PX;
    const side = FIT_PADDING_SIDE_PX;
    const plain = { paddingTopLeft: L.point(side, top), paddingBottomRight: L.point(side, side) };
    if (!legend || legend.widthPx <= 0) {
      this.map.fitBounds(this.countyBounds, { ...plain, animate: false });
      return;
    }
    const beside = { paddingTopLeft: L.point(legend.widthPx + side, top), paddingBottomRight: L.point(side, side) };
    const above = { paddingTopLeft: L.point(side, top), paddingBottomRight: L.point(side, legend.heightPx + side) };
    const zoomOf = (o: typeof plain) => this.map.getBoundsZoom(this.countyBounds, false, o.paddingTopLeft.add(o.paddingBottomRight));
    const best = zoomOf(beside) >= zoomOf(above) ? beside : above;
    this.map.fitBounds(this.countyBounds, { ...best, animate: false });
  }

  /** Fits the view to [west, south, east, north] in degrees (click-to-zoom from the lists). */
  fitLonLatBounds([w, s, e, n]: readonly [number, number, number, number]): void {
    this.map.fitBounds([[s, w], [n, e]], { padding: [24, 24], maxZoom: 15, animate: false });
  }

  /** Shows a calibration's measured points coloured by error (null: none). */
  setDriveTestErrors(points: CalibrationPoints | null, describe: (i: number) => string): void {
    this.driveTestErrors.setPoints(points, describe);
    if (points && !this.map.hasLayer(this.driveTestErrors)) this.driveTestErrors.addTo(this.map);
    else if (!points) this.driveTestErrors.remove();
  }

  setCandidates(candidates: readonly Site[]): void {
    this.candidates.setPoints(candidates);
  }

  /** Suggested sites with their tooltip text (rank, cost, gain). */
  setProposed(sites: readonly (Site & { describe: string })[]): void {
    this.proposed.setPoints(sites);
  }

  setOlts(olts: readonly Olt[]): void {
    this.olts.setPoints(olts);
  }

  setTool(tool: PlanTool): void {
    this.tool = tool;
    this.container.dataset.tool = tool;
    this.container.classList.toggle('placing', tool !== 'select');
  }

  /** Centres on a site without changing the zoom (list clicks). */
  panTo(lonLat: [number, number]): void {
    this.map.panTo([lonLat[1], lonLat[0]], { animate: false });
  }

  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
  }

  destroy(): void {
    this.map.remove();
  }

  /** Adds a layer to the map (when `visible`) and to the layer switcher under its label. */
  addSwitchable(layer: L.Layer, key: keyof OverlayLabels, visible: boolean): void {
    if (visible) layer.addTo(this.map);
    this.overlays.push({ layer, key });
    this.control.addOverlay(layer, this.labels[key]);
  }

  /** The vertices of the area being drawn, joined and closed back to the first. */
  setDrawing(vertices: readonly [number, number][]): void {
    this.drawing.clearLayers();
    if (vertices.length === 0) return;
    const latLngs = vertices.map(([lon, lat]) => L.latLng(lat, lon));
    const style = { color: '#6b46c1', weight: 2, dashArray: '4 3', interactive: false };
    if (latLngs.length > 1) this.drawing.addLayer(latLngs.length > 2 ? L.polygon(latLngs, { ...style, fillOpacity: 0.08 }) : L.polyline(latLngs, style));
    for (const ll of latLngs) this.drawing.addLayer(L.circleMarker(ll, { radius: 4, color: '#6b46c1', weight: 1.5, fillColor: '#fff', fillOpacity: 1, interactive: false, className: 'drawing-vertex' }));
  }

  /** Names around the county in English or Chinese (neighbours outside Guizhou keep their Chinese names). */
  setEnglishNames(isEnglish: boolean, outsideName?: (name: string, province: string) => string): void {
    this.orientation?.setEnglish(isEnglish, outsideName);
  }

  /** Renames the switcher's entries (language change): the control is rebuilt, layers stay as they are. */
  setLabels(labels: OverlayLabels): void {
    if (labels === this.labels) return;
    this.labels = labels;
    this.control.remove();
    this.control = L.control.layers(undefined, undefined, LAYER_CONTROL_OPTIONS).addTo(this.map);
    for (const { layer, key } of this.overlays) this.control.addOverlay(layer, labels[key]);
  }

  /** The county's wash, relief shading from the terrain and the population raster, when the project has them. */
  private addRasterOverlays(county: County, base: ProjectBase | null, terrain: GridLayer | undefined): void {
    this.grid = base?.grid ?? null;
    if (base) {
      this.rasters.setSource('county', { grid: base.grid, values: countyArea(county, base.grid), palette: COUNTY_WASH_PALETTE });
      this.rasters.setVisible('county', true);
    }
    this.setTerrain(terrain);
    if (base?.population) {
      this.rasters.setSource('population', { grid: base.grid, values: base.population.values, palette: POPULATION_PALETTE });
      this.addSwitchable(new RasterStackToggle(this.rasters, 'population'), 'population', false);
    }
  }

  private updateState(): void {
    const c = this.map.getCenter();
    this.container.dataset.zoom = this.map.getZoom().toFixed(2);
    this.container.classList.toggle('zoom-low', this.map.getZoom() < 12);
    this.container.dataset.center = `${c.lng.toFixed(5)},${c.lat.toFixed(5)}`;
  }
}

/** 1 in the grid cells of the county, NaN outside. */
function countyArea(county: County, grid: GridSpec): Float32Array {
  const toGrid = proj4('WGS84', grid.crs);
  const mask = rasteriseBoundary(county.boundary, grid, (p) => toGrid.forward(p));
  return Float32Array.from(mask, (inside) => (inside ? 1 : NaN));
}
