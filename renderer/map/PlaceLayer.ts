import L from 'leaflet';
import type { Place } from '../../core/model';

/** How a place stands against its target; 'unscored' until coverage and scores exist. */
export type PlaceStatus = 'met' | 'partial' | 'missed' | 'unscored';

export const PLACE_STATUS_COLOURS: Record<PlaceStatus, string> = {
  met: '#2f855a',
  partial: '#d69e2e',
  missed: '#c53030',
  unscored: '#4a5568',
};

/**
 * Priority places (重点场所) on the plan map, coloured by status: points as circles of their radius,
 * polygons as outlines, lines (rail, roads) as polylines; key points as small dots. Illustrative places
 * are dashed. `setPlaces` rebuilds only when the places or their statuses change.
 */
export class PlaceLayer extends L.LayerGroup {
  private places: readonly Place[] = [];
  private statuses: ReadonlyMap<string, PlaceStatus> = new Map();
  private statusWords: Readonly<Record<PlaceStatus, string>> | null = null;

  /** `pane`: one above the gap outlines, so hovering a place inside a gap names the place, not the gap. */
  constructor(private readonly onSelect: (placeId: string) => void, private readonly pane?: string) {
    super();
  }

  /** The places, their statuses and the words for them (the hover tip reads "name · status"). */
  setPlaces(places: readonly Place[], statuses: ReadonlyMap<string, PlaceStatus>, statusWords: Readonly<Record<PlaceStatus, string>>): void {
    if (places === this.places && statuses === this.statuses && statusWords === this.statusWords) return;
    this.places = places;
    this.statuses = statuses;
    this.statusWords = statusWords;
    this.clearLayers();
    for (const place of places) this.addPlace(place, statuses.get(place.id) ?? 'unscored', statusWords);
  }

  private addPlace(place: Place, status: PlaceStatus, words: Readonly<Record<PlaceStatus, string>>): void {
    const colour = PLACE_STATUS_COLOURS[status];
    const style: L.PathOptions = {
      color: colour,
      weight: place.category === 'line' ? 4 : 2,
      fillColor: colour,
      fillOpacity: 0.12,
      dashArray: place.isIllustrative ? '6 4' : undefined,
      className: `place place-${status}`,
      ...(this.pane ? { pane: this.pane } : {}),
    };
    const g = place.geometry;
    let layer: L.Layer;
    if (g.type === 'Point') {
      const [lon, lat] = g.coordinates;
      layer = place.radiusM ? L.circle([lat, lon], { ...style, radius: place.radiusM }) : L.circleMarker([lat, lon], { ...style, radius: 6 });
    } else {
      layer = L.geoJSON(g, { style: () => style });
    }
    layer.on('click', () => this.onSelect(place.id));
    (layer as L.Path).bindTooltip?.(`${place.name} · ${words[status]}`, { sticky: true, className: `place-tip place-tip-${status}` });
    this.addLayer(layer);
    // the name as a label when zoomed in (CSS hides .place-label under zoom 12), on hover always
    const at = g.type === 'Point' ? g.coordinates : L.geoJSON(g).getBounds().getCenter();
    const [lon, lat] = Array.isArray(at) ? at : [at.lng, at.lat];
    const name = L.marker([lat, lon], { icon: L.divIcon({ className: 'map-label place-label', html: '', iconSize: undefined }), interactive: false, keyboard: false });
    name.on('add', () => {
      const el = name.getElement();
      if (el) el.textContent = place.name;
    });
    this.addLayer(name);
    for (const [lon, lat] of place.keyPoints ?? []) {
      this.addLayer(L.circleMarker([lat, lon], { radius: 2.5, color: colour, weight: 1, fillOpacity: 1, interactive: false, ...(this.pane ? { pane: this.pane } : {}) }));
    }
  }
}
