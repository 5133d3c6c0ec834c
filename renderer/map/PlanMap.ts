import L from 'leaflet';
import type { Site } from '../../core/model';
import type { County } from '../../geodata/counties';
import { SiteLayer, type SiteLayerHandlers } from './SiteLayer';

export type PlanTool = 'select' | 'macro' | 'micro' | 'indoor';

export interface PlanMapHandlers extends SiteLayerHandlers {
  /** a click on the map (not on a site) with a placing tool active */
  onPlace(tool: Exclude<PlanTool, 'select'>, lonLat: [number, number]): void;
  onCursor(lonLat: [number, number] | null): void;
  /** a click on empty map with the select tool */
  onClearSelection(): void;
}

/**
 * The planning map of one county: its boundary, the sites (draggable), and the active tool. Result
 * layers (coverage, gaps, places) are added by their own classes through `addOverlay`.
 */
export class PlanMap {
  readonly map: L.Map;
  private readonly sites: SiteLayer;
  private tool: PlanTool = 'select';

  constructor(private readonly container: HTMLElement, county: County, private readonly handlers: PlanMapHandlers) {
    this.map = L.map(container, { zoomControl: true, attributionControl: false, zoomSnap: 0.25, doubleClickZoom: false });
    const rings = county.boundary.coordinates.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon))));
    const boundary = L.polygon(rings, { color: '#1f3a5f', weight: 2.5, fill: true, fillColor: '#f7fafc', fillOpacity: 0.6, interactive: false, className: 'plan-boundary' });
    boundary.addTo(this.map);
    this.map.fitBounds(boundary.getBounds(), { padding: [16, 16], animate: false });
    this.sites = new SiteLayer(handlers);
    this.sites.addTo(this.map);
    this.map.on('click', (e: L.LeafletMouseEvent) => {
      if (this.tool === 'select') handlers.onClearSelection();
      else handlers.onPlace(this.tool, [e.latlng.lng, e.latlng.lat]);
    });
    this.map.on('mousemove', (e: L.LeafletMouseEvent) => handlers.onCursor([e.latlng.lng, e.latlng.lat]));
    this.map.on('mouseout', () => handlers.onCursor(null));
    this.map.on('zoomend moveend', () => this.updateState());
    this.updateState();
  }

  setSites(sites: readonly Site[], selectedId: string | null): void {
    this.sites.setSites(sites, selectedId);
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

  addOverlay(layer: L.Layer): void {
    layer.addTo(this.map);
  }

  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
  }

  destroy(): void {
    this.map.remove();
  }

  private updateState(): void {
    const c = this.map.getCenter();
    this.container.dataset.zoom = this.map.getZoom().toFixed(2);
    this.container.dataset.center = `${c.lng.toFixed(5)},${c.lat.toFixed(5)}`;
  }
}
