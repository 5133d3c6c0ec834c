import L from 'leaflet';
import type { FibreResult, FibreUpgradeRow } from '../../core/ftth';

/**
 * The fibre picture on the plan map: OLT service areas (Voronoi cells clipped to the county) as thin purple
 * outlines, and the upgrade list's positions: 10G-PON card upgrades at OLTs, new ODN distribution areas
 * and new OLT sites, each with its estimated cost in the tooltip.
 */
export class FibreLayer extends L.LayerGroup {
  private result: FibreResult | null = null;

  setResult(result: FibreResult | null, labels: { serviceArea: string; upgrade: (row: FibreUpgradeRow) => string }): void {
    if (result === this.result) return;
    this.result = result;
    this.clearLayers();
    if (!result) return;
    this.addLayer(
      L.geoJSON(result.serviceAreas, {
        style: () => ({ color: '#6b46c1', weight: 1.5, fill: true, fillOpacity: 0.03, dashArray: '2 4', className: 'fibre-area' }),
        onEachFeature: (_f, layer) => layer.bindTooltip(labels.serviceArea, { sticky: true }),
      }),
    );
    for (const u of result.upgrades) {
      const marker = L.marker([u.latDeg, u.lonDeg], {
        icon: L.divIcon({ className: `point-icon fibre-upgrade fibre-${u.type}`, iconSize: [10, 10], iconAnchor: [5, 5] }),
        keyboard: false,
      });
      marker.bindTooltip(labels.upgrade(u));
      this.addLayer(marker);
    }
  }
}
