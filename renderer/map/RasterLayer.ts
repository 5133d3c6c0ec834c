import L from 'leaflet';
import proj4 from 'proj4';
import type { GridSpec } from '../../core/grid';
import { colourOf, type Palette } from './palettes';

export interface RasterSource {
  grid: GridSpec;
  values: Float32Array;
  palette: Palette;
}

/** Lattice spacing (px) at which tile pixels are projected exactly; pixels between are interpolated. */
const LATTICE_PX = 16;

/**
 * Draws a planning-grid raster (coverage RSRP, SINR, throughput ...) on the map as canvas tiles. The grid
 * lives in the county's transverse Mercator, so each tile projects a 17x17 lattice of its pixels exactly
 * and interpolates between (error well under a pixel), then reads the nearest grid cell per pixel.
 * `setSource` swaps the raster and repaints.
 */
export class RasterLayer extends L.GridLayer {
  private source: RasterSource | null = null;
  private toGrid: proj4.Converter | null = null;

  constructor(options: L.GridLayerOptions = {}) {
    super({ opacity: 0.7, tileSize: 256, updateWhenZooming: false, ...options });
  }

  /**
   * Repaints only the tiles that show cells of `window` (after an incremental coverage update): tiles
   * whose bounds miss the window's bounds keep their pixels.
   */
  refreshWindow(window: { col0: number; row0: number; cols: number; rows: number }): void {
    const map = this._map as L.Map | undefined;
    if (!map || !this.source || !this.toGrid || window.cols <= 0 || window.rows <= 0) return;
    const { grid } = this.source;
    const x0 = grid.originXM + window.col0 * grid.cellSizeM;
    const x1 = x0 + window.cols * grid.cellSizeM;
    const y1 = grid.originYM - window.row0 * grid.cellSizeM;
    const y0 = y1 - window.rows * grid.cellSizeM;
    const corners = [[x0, y0], [x0, y1], [x1, y0], [x1, y1]].map(([x, y]) => this.toGrid!.inverse([x, y]));
    const bounds = L.latLngBounds(corners.map(([lon, lat]) => L.latLng(lat, lon)));
    const tiles = (this as unknown as { _tiles: Record<string, { el: HTMLCanvasElement; coords: L.Coords }> })._tiles;
    const size = this.getTileSize();
    for (const { el, coords } of Object.values(tiles)) {
      const nw = map.unproject(coords.scaleBy(size), coords.z);
      const se = map.unproject(coords.scaleBy(size).add(size), coords.z);
      if (!bounds.intersects(L.latLngBounds(nw, se))) continue;
      el.getContext('2d')!.clearRect(0, 0, size.x, size.y);
      this.drawTile(el, coords, size);
    }
  }

  setSource(source: RasterSource | null): void {
    if (source?.grid.crs !== this.source?.grid.crs) this.toGrid = source ? proj4('WGS84', source.grid.crs) : null;
    this.source = source;
    this.redraw();
  }

  protected override createTile(coords: L.Coords): HTMLElement {
    const tile = L.DomUtil.create('canvas', 'raster-tile') as HTMLCanvasElement;
    const size = this.getTileSize();
    tile.width = size.x;
    tile.height = size.y;
    if (this.source && this.toGrid) this.drawTile(tile, coords, size);
    return tile;
  }

  private drawTile(tile: HTMLCanvasElement, coords: L.Coords, size: L.Point): void {
    const { grid, values, palette } = this.source!;
    const map = this._map as L.Map;
    const n = size.x / LATTICE_PX + 1;
    const gx = new Float64Array(n * n);
    const gy = new Float64Array(n * n);
    const origin = coords.scaleBy(size);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const ll = map.unproject(origin.add([i * LATTICE_PX, j * LATTICE_PX]), coords.z);
        const [x, y] = this.toGrid!.forward([ll.lng, ll.lat]);
        gx[j * n + i] = (x - grid.originXM) / grid.cellSizeM;
        gy[j * n + i] = (grid.originYM - y) / grid.cellSizeM;
      }
    }
    const ctx = tile.getContext('2d')!;
    const image = ctx.createImageData(size.x, size.y);
    const px = image.data;
    for (let py = 0; py < size.y; py++) {
      const j = Math.min(n - 2, Math.floor(py / LATTICE_PX));
      const fy = (py - j * LATTICE_PX) / LATTICE_PX;
      for (let pxl = 0; pxl < size.x; pxl++) {
        const i = Math.min(n - 2, Math.floor(pxl / LATTICE_PX));
        const fx = (pxl - i * LATTICE_PX) / LATTICE_PX;
        const a = j * n + i;
        const col = Math.floor(lerp2(gx[a], gx[a + 1], gx[a + n], gx[a + n + 1], fx, fy));
        const row = Math.floor(lerp2(gy[a], gy[a + 1], gy[a + n], gy[a + n + 1], fx, fy));
        if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) continue;
        const rgba = colourOf(palette, values[row * grid.cols + col]);
        const k = (py * size.x + pxl) * 4;
        px[k] = rgba[0];
        px[k + 1] = rgba[1];
        px[k + 2] = rgba[2];
        px[k + 3] = rgba[3];
      }
    }
    ctx.putImageData(image, 0, 0);
  }
}

function lerp2(v00: number, v10: number, v01: number, v11: number, fx: number, fy: number): number {
  const top = v00 + (v10 - v00) * fx;
  const bottom = v01 + (v11 - v01) * fx;
  return top + (bottom - top) * fy;
}
