import L from 'leaflet';
import type { RankedGap } from '../../core/scoring';

/**
 * Coverage gaps on the plan map: the outlines the scoring report traced (the worst gaps), numbered by
 * rank, the selected one highlighted. Rebuilt only when the gaps or the selection change.
 */
export class GapLayer extends L.LayerGroup {
  private gaps: readonly RankedGap[] = [];
  private selectedId: number | null = null;

  constructor(private readonly onSelect: (gapId: number) => void) {
    super();
  }

  setGaps(gaps: readonly RankedGap[], selectedId: number | null): void {
    if (gaps === this.gaps && selectedId === this.selectedId) return;
    this.gaps = gaps;
    this.selectedId = selectedId;
    this.clearLayers();
    for (const gap of gaps) {
      if (!gap.outline) continue;
      const isSelected = gap.id === selectedId;
      const layer = L.geoJSON(gap.outline, {
        style: () => ({
          color: isSelected ? '#c53030' : '#9b2c2c',
          weight: isSelected ? 3 : 1.5,
          dashArray: isSelected ? undefined : '4 3',
          fill: isSelected,
          fillColor: '#c53030',
          fillOpacity: 0.08,
          className: isSelected ? 'gap gap-selected' : 'gap',
        }),
      });
      layer.on('click', () => this.onSelect(gap.id));
      layer.bindTooltip(`#${gap.rank}`, { sticky: true });
      this.addLayer(layer);
    }
  }
}
