import type L from 'leaflet';
import type { GridSpec } from '../../core/grid';
import { GridCanvasLayer } from './GridCanvasLayer';
import { colourOf, type Palette } from './palettes';

export interface RasterSource {
  grid: GridSpec;
  values: Float32Array;
  palette: Palette;
}

/**
 * Draws a planning-grid raster (coverage RSRP, SINR, throughput ...) on the map as canvas tiles, each
 * cell in its palette class. `setSource` swaps the raster and repaints.
 * @example const layer = new RasterLayer({ className: 'coverage-layer' }); layer.setSource({ grid, values: rsrpDbm, palette: RSRP_PALETTE })
 */
export class RasterLayer extends GridCanvasLayer {
  private source: RasterSource | null = null;

  constructor(options: L.GridLayerOptions = {}) {
    super({ opacity: 0.7, tileSize: 256, updateWhenZooming: false, ...options });
  }

  setSource(source: RasterSource | null): void {
    this.setGrid(source?.grid ?? null);
    this.source = source;
    this.redraw();
  }

  protected override paintTile(cells: Int32Array, px: Uint8ClampedArray): void {
    if (!this.source) return;
    const { values, palette } = this.source;
    for (let p = 0; p < cells.length; p++) {
      if (cells[p] < 0) continue;
      const rgba = colourOf(palette, values[cells[p]]);
      const k = p * 4;
      px[k] = rgba[0];
      px[k + 1] = rgba[1];
      px[k + 2] = rgba[2];
      px[k + 3] = rgba[3];
    }
  }
}
