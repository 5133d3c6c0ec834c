import L from 'leaflet';

export interface MapPoint {
  id: string;
  name: string;
  lonDeg: number;
  latDeg: number;
}

/**
 * Small labelled point symbols (candidate locations, OLTs): one DivIcon class per kind so CSS styles them.
 * Not draggable: these are inputs the planner imports, not the sites being planned.
 */
export class PointLayer<T extends MapPoint> extends L.LayerGroup {
  private points: readonly T[] = [];

  constructor(private readonly className: string, private readonly describe: (p: T) => string) {
    super();
  }

  setPoints(points: readonly T[]): void {
    if (points === this.points) return;
    this.points = points;
    this.clearLayers();
    for (const p of points) {
      const marker = L.marker([p.latDeg, p.lonDeg], {
        icon: L.divIcon({ className: `point-icon ${this.className}`, iconSize: [10, 10], iconAnchor: [5, 5] }),
        keyboard: false,
        title: p.name,
      });
      marker.bindTooltip(this.describe(p));
      this.addLayer(marker);
    }
  }
}
