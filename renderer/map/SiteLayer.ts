import L from 'leaflet';
import type { Site } from '../../core/model';
import { siteIconSvg } from './siteIcon';

export interface SiteLayerHandlers {
  onSelect(siteId: string): void;
  /** while dragging, at most every DRAG_EDIT_INTERVAL_MS */
  onDrag(siteId: string, lonLat: [number, number]): void;
  /** while dragging, at every pointer move: cheap (the coverage preview takes the latest position when it can) */
  onDragMove(siteId: string, lonLat: [number, number]): void;
  onDragEnd(siteId: string, lonLat: [number, number]): void;
}

/**
 * How often a drag sends its position on, ms: the coverage cannot follow faster than the plan worker answers
 * (tens of ms per edit), and every send re-renders the workspace, so 60 sends a second only cost frames.
 */
const DRAG_EDIT_INTERVAL_MS = 40;

interface Entry {
  site: Site;
  selected: boolean;
  marker: L.Marker;
  /** the icon's markup, so an edit that does not change the symbol (a move) keeps the icon element */
  iconHtml: string;
}

/**
 * The sites on the map as draggable symbols (siteIcon.ts). `setSites` diffs by object identity, so an
 * edit to one site touches one marker: the store keeps unchanged sites identical (immer).
 */
export class SiteLayer extends L.LayerGroup {
  private readonly entries = new Map<string, Entry>();
  private dragTimer = 0;
  private lastDragEditMs = -Infinity;
  /** the site being dragged: Leaflet moves its marker itself, and replacing its icon would end the drag */
  private draggingId: string | null = null;

  constructor(private readonly handlers: SiteLayerHandlers) {
    super();
  }

  setSites(sites: readonly Site[], selectedId: string | null): void {
    const seen = new Set<string>();
    for (const site of sites) {
      seen.add(site.id);
      const selected = site.id === selectedId;
      const entry = this.entries.get(site.id);
      if (!entry) {
        const i = icon(site, selected);
        this.entries.set(site.id, { site, selected, marker: this.createMarker(site, i), iconHtml: String(i.options.html) });
      } else if (entry.site !== site || entry.selected !== selected) {
        const i = icon(site, selected);
        const html = String(i.options.html);
        if (html !== entry.iconHtml && site.id !== this.draggingId) {
          entry.marker.setIcon(i);
          entry.iconHtml = html;
        }
        if (site.id !== this.draggingId && !entry.marker.getLatLng().equals([site.latDeg, site.lonDeg])) entry.marker.setLatLng([site.latDeg, site.lonDeg]);
        entry.marker.setZIndexOffset(selected ? 1000 : 0);
        entry.site = site;
        entry.selected = selected;
      }
    }
    for (const [id, entry] of this.entries) {
      if (!seen.has(id)) {
        this.removeLayer(entry.marker);
        this.entries.delete(id);
      }
    }
  }

  private createMarker(site: Site, markerIcon: L.DivIcon): L.Marker {
    const marker = L.marker([site.latDeg, site.lonDeg], {
      icon: markerIcon,
      draggable: true,
      keyboard: true,
      title: site.name,
      zIndexOffset: site.id === this.draggingId ? 1000 : 0,
    });
    const id = site.id;
    const lonLat = (): [number, number] => {
      const p = marker.getLatLng();
      return [p.lng, p.lat];
    };
    marker.on('click', () => this.handlers.onSelect(id));
    marker.on('dragstart', () => {
      this.draggingId = id;
      this.handlers.onSelect(id);
    });
    marker.on('drag', () => {
      // Leaflet moves the marker with every pointer event, and the coverage preview takes each position; the
      // edit (a store update and a re-render) goes out at most every DRAG_EDIT_INTERVAL_MS, the first at once
      // and the latest position last.
      this.handlers.onDragMove(id, lonLat());
      if (this.dragTimer) return;
      const wait = this.lastDragEditMs + DRAG_EDIT_INTERVAL_MS - performance.now();
      const send = () => {
        this.dragTimer = 0;
        this.lastDragEditMs = performance.now();
        this.handlers.onDrag(id, lonLat());
      };
      if (wait <= 0) send();
      else this.dragTimer = window.setTimeout(send, wait);
    });
    marker.on('dragend', () => {
      clearTimeout(this.dragTimer);
      this.dragTimer = 0;
      this.draggingId = null;
      this.handlers.onDragEnd(id, lonLat());
    });
    this.addLayer(marker);
    return marker;
  }
}

function icon(site: Site, selected: boolean): L.DivIcon {
  const { svg, sizePx } = siteIconSvg(site, selected);
  return L.divIcon({
    html: svg,
    className: `site-icon site-${site.kind} site-${site.status}${selected ? ' selected' : ''}`,
    iconSize: [sizePx, sizePx],
    iconAnchor: [sizePx / 2, sizePx / 2],
  });
}
