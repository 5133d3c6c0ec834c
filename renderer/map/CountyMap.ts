import L from 'leaflet';
import type { County } from '../../geodata/counties';

/** Soft fills, one per prefecture (9), so neighbouring prefectures read apart without a base map. */
const PREFECTURE_FILLS: Record<string, string> = {
  '5201': '#8ecae6', '5202': '#ffb703', '5203': '#90be6d', '5204': '#f4a261', '5205': '#b5a8d5',
  '5206': '#e9c46a', '5223': '#f28482', '5226': '#84a59d', '5227': '#cdb4db',
};

const BASE_STYLE: L.PathOptions = { color: '#4a5568', weight: 1, opacity: 0.9, fillOpacity: 0.45 };
const SELECTED_STYLE: L.PathOptions = { color: '#c53030', weight: 3, opacity: 1, fillOpacity: 0.15 };
/** Zoom from which county names show permanently (below it they would overlap). */
const LABEL_MIN_ZOOM = 8;

export interface CountyMapHandlers {
  onSelect(code: string): void;
  /** pointer position in WGS-84, or null when it leaves the map */
  onCursor(lonLat: [number, number] | null): void;
}

/**
 * The county map: a Leaflet map with the 88 county polygons, pilot markers at the seats, names as
 * labels once zoomed in, and one selected county. React owns it through a ref and never re-creates it.
 * The container carries data-center / data-zoom / data-selected for tests and for people debugging.
 */
export class CountyMap {
  readonly map: L.Map;
  private readonly layers = new Map<string, L.Polygon>();
  private readonly counties: ReadonlyMap<string, County>;
  private selected: string | null = null;
  /** the province view's fill per county (a roadmap figure), or null for the prefecture fills */
  private fills: ReadonlyMap<string, string> | null = null;

  constructor(private readonly container: HTMLElement, counties: readonly County[], handlers: CountyMapHandlers) {
    this.counties = new Map(counties.map((c) => [c.code, c]));
    // No tile layer: the app is offline; an MBTiles base map is added by the map-layers feature when set.
    this.map = L.map(container, { zoomControl: true, attributionControl: false, preferCanvas: false, zoomSnap: 0.25 });
    const pilots = L.layerGroup();
    for (const county of counties) {
      const latLngs = county.boundary.coordinates.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon))));
      const polygon = L.polygon(latLngs, { ...BASE_STYLE, fillColor: PREFECTURE_FILLS[county.prefectureCode] ?? '#cbd5e0', className: `county county-${county.code}` });
      polygon.bindTooltip(county.name, { permanent: true, direction: 'center', className: 'county-label', interactive: false });
      polygon.on('click', () => handlers.onSelect(county.code));
      polygon.addTo(this.map);
      this.layers.set(county.code, polygon);
      if (county.isPilot) {
        L.circleMarker(L.latLng(county.seatLonLat[1], county.seatLonLat[0]), {
          radius: 5, color: '#7b341e', weight: 1.5, fillColor: '#f6ad55', fillOpacity: 1, className: `pilot-marker pilot-${county.code}`,
        })
          .on('click', () => handlers.onSelect(county.code))
          .addTo(pilots);
      }
    }
    pilots.addTo(this.map);
    this.map.on('mousemove', (e: L.LeafletMouseEvent) => handlers.onCursor([e.latlng.lng, e.latlng.lat]));
    this.map.on('mouseout', () => handlers.onCursor(null));
    this.map.on('zoomend moveend', () => this.updateState());
    this.fitProvince();
  }

  /** Shows the whole province. */
  fitProvince(): void {
    const bounds = L.latLngBounds([]);
    for (const layer of this.layers.values()) bounds.extend(layer.getBounds());
    this.map.fitBounds(bounds, { padding: [12, 12], animate: false });
    this.updateState();
  }

  /**
   * Colours the counties by a figure (the province view: `fills` by code, counties missing from it grey), or back
   * to the prefecture fills with null. The container carries data-fills='figure' while a figure shows.
   */
  setFills(fills: ReadonlyMap<string, string> | null): void {
    this.fills = fills;
    for (const [code, layer] of this.layers) layer.setStyle(this.styleOf(code));
    this.container.dataset.fills = fills ? 'figure' : '';
  }

  private styleOf(code: string): L.PathOptions {
    const county = this.counties.get(code)!;
    const fillColor = this.fills ? this.fills.get(code) ?? '#e2e8f0' : PREFECTURE_FILLS[county.prefectureCode] ?? '#cbd5e0';
    const base = code === this.selected ? SELECTED_STYLE : BASE_STYLE;
    return { ...base, fillColor, fillOpacity: this.fills ? 0.85 : base.fillOpacity };
  }

  /** Highlights one county (or none) and, with `zoom`, fits the map to it. */
  select(code: string | null, options: { zoom?: boolean } = {}): void {
    const before = this.selected;
    this.selected = code && this.counties.has(code) ? code : null;
    if (before) this.layers.get(before)?.setStyle(this.styleOf(before));
    const layer = this.selected ? this.layers.get(this.selected) : undefined;
    if (layer) {
      layer.setStyle(this.styleOf(this.selected!)).bringToFront();
      if (options.zoom) this.map.fitBounds(layer.getBounds(), { padding: [40, 40], animate: false });
    }
    this.updateState();
  }

  /** Shows county names in Chinese or in pinyin (the English UI). */
  setLabelLanguage(language: 'zh' | 'en'): void {
    for (const [code, layer] of this.layers) {
      const county = this.counties.get(code)!;
      layer.setTooltipContent(language === 'zh' ? county.name : county.nameEn);
    }
  }

  /** Re-measures the container (after a panel opens or closes). */
  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
  }

  destroy(): void {
    this.map.remove();
  }

  private updateState(): void {
    const zoom = this.map.getZoom();
    const c = this.map.getCenter();
    this.container.dataset.zoom = zoom.toFixed(2);
    this.container.dataset.center = `${c.lng.toFixed(5)},${c.lat.toFixed(5)}`;
    this.container.dataset.selected = this.selected ?? '';
    this.container.classList.toggle('show-labels', zoom >= LABEL_MIN_ZOOM);
  }
}
