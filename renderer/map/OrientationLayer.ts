import L from 'leaflet';
import type { MultiPolygon } from 'geojson';
import type { CountyOrientation, OrientationCounty } from '../../geodata/counties';

const ringsOf = (boundary: MultiPolygon) => boundary.coordinates.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon))));

/** A text label on the map that takes no clicks (a div icon; CSS decides when it shows). */
function label(lonLat: [number, number], text: string, className: string): L.Marker {
  return L.marker([lonLat[1], lonLat[0]], {
    icon: L.divIcon({ className: `map-label ${className}`, html: '', iconSize: undefined }),
    interactive: false,
    keyboard: false,
  }).on('add', (e) => {
    // text, not HTML: names come from data files
    const el = (e.target as L.Marker).getElement();
    if (el) el.textContent = text;
  });
}

/**
 * Orientation without internet (issue 19): the neighbouring counties' outlines, inside Guizhou and across the
 * provincial border (geodata/counties orientationOf), their names and county-seat names, and the planned county's
 * own seat. Drawn thin and grey under everything else; names in the language shown (outside Guizhou: Chinese).
 */
export class OrientationLayer extends L.LayerGroup {
  private outsideName = (name: string, province: string): string => `${name} (${province})`;

  constructor(private readonly orientation: CountyOrientation | undefined, private isEnglish: boolean) {
    super();
    this.build();
  }

  /** `outsideName` words a neighbour outside Guizhou with its province (the UI's language, renderer/i18n). */
  setEnglish(isEnglish: boolean, outsideName?: (name: string, province: string) => string): void {
    if (outsideName) this.outsideName = outsideName;
    if (isEnglish === this.isEnglish && !outsideName) return;
    this.isEnglish = isEnglish;
    this.clearLayers();
    this.build();
  }

  private name(c: OrientationCounty): string {
    if (this.isEnglish && c.nameEn) return c.nameEn;
    return c.isInGuizhou ? c.name : this.outsideName(c.name, c.provinceShort);
  }

  private build(): void {
    const o = this.orientation;
    if (!o) return;
    for (const n of o.neighbours) {
      this.addLayer(L.polygon(ringsOf(n.boundary), {
        color: n.isInGuizhou ? '#7b8794' : '#9aa5b1', weight: 1.2, dashArray: n.isInGuizhou ? undefined : '5 4',
        fill: false, interactive: false, className: 'neighbour-outline',
      }));
      // the county's name sits just above its seat, the seat's name under the dot
      this.addLayer(label(n.seatLonLat, this.name(n), 'neighbour-name'));
      this.addLayer(L.circleMarker([n.seatLonLat[1], n.seatLonLat[0]], { radius: 2.5, color: '#52606d', weight: 1, fillOpacity: 1, interactive: false }));
      if (!this.isEnglish) this.addLayer(label(n.seatLonLat, n.seatLabelZh, 'seat-name'));
    }
    const seat = o.seat;
    this.addLayer(L.circleMarker([seat.seatLonLat[1], seat.seatLonLat[0]], { radius: 4, color: '#1f3a5f', weight: 1.5, fillColor: '#fff', fillOpacity: 1, interactive: false }));
    this.addLayer(label(seat.seatLonLat, this.isEnglish ? 'County seat' : seat.seatLabelZh, 'seat-name own-seat'));
  }
}
