import L from 'leaflet';
import proj4 from 'proj4';
import type { GridSpec } from '../../core/grid';

/** Lattice spacing (px) at which tile pixels are projected exactly; pixels between are interpolated. */
const LATTICE_PX = 16;

/**
 * A Leaflet layer of canvas tiles drawn from the planning grid. The grid lives in the county's transverse
 * Mercator, so each tile projects a 17x17 lattice of its pixels exactly and interpolates between (error
 * well under a pixel), finds the grid cell under every pixel, and hands those cell indices to `paintTile`
 * of the subclass (which says what colour a cell is).
 * @example class Mask extends GridCanvasLayer { protected paintTile(cells, rgba) { ... } } // then setGrid(grid) and redraw()
 */
export abstract class GridCanvasLayer extends L.GridLayer {
  protected grid: GridSpec | null = null;
  private toGrid: proj4.Converter | null = null;

  /** Sets the grid the tiles are drawn from (null: draw nothing); the caller redraws. */
  protected setGrid(grid: GridSpec | null): void {
    if (grid?.crs !== this.grid?.crs) this.toGrid = grid ? proj4('WGS84', grid.crs) : null;
    this.grid = grid;
  }

  /** The grid index (row * cols + col) of the cell under `latLng`, -1 outside the grid or without one. */
  protected cellIndexAt(latLng: L.LatLng): number {
    const grid = this.grid;
    if (!grid || !this.toGrid) return -1;
    const [x, y] = this.toGrid.forward([latLng.lng, latLng.lat]);
    const col = Math.floor((x - grid.originXM) / grid.cellSizeM);
    const row = Math.floor((grid.originYM - y) / grid.cellSizeM);
    return col < 0 || row < 0 || col >= grid.cols || row >= grid.rows ? -1 : row * grid.cols + col;
  }

  /**
   * Colours a tile: `cells[p]` is the grid index (row * cols + col) under pixel p (row-major, `size.x` wide),
   * -1 outside the grid; write RGBA into `rgba` (4 bytes per pixel, transparent as given).
   */
  protected abstract paintTile(cells: Int32Array, rgba: Uint8ClampedArray, size: L.Point): void;

  /**
   * Repaints only the tiles that show cells of `window` (after an incremental coverage update): tiles
   * whose bounds miss the window's bounds keep their pixels.
   */
  refreshWindow(window: { col0: number; row0: number; cols: number; rows: number }): void {
    const map = this._map as L.Map | undefined;
    const grid = this.grid;
    if (!map || !grid || !this.toGrid || window.cols <= 0 || window.rows <= 0) return;
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

  protected override createTile(coords: L.Coords): HTMLElement {
    const tile = L.DomUtil.create('canvas', 'raster-tile') as HTMLCanvasElement;
    const size = this.getTileSize();
    tile.width = size.x;
    tile.height = size.y;
    if (this.grid && this.toGrid) this.drawTile(tile, coords, size);
    return tile;
  }

  private drawTile(tile: HTMLCanvasElement, coords: L.Coords, size: L.Point): void {
    const grid = this.grid!;
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
    const cells = new Int32Array(size.x * size.y).fill(-1);
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
        cells[py * size.x + pxl] = row * grid.cols + col;
      }
    }
    const ctx = tile.getContext('2d')!;
    const image = ctx.createImageData(size.x, size.y);
    this.paintTile(cells, image.data, size);
    ctx.putImageData(image, 0, 0);
  }
}

function lerp2(v00: number, v10: number, v01: number, v11: number, fx: number, fy: number): number {
  const top = v00 + (v10 - v00) * fx;
  const bottom = v01 + (v11 - v01) * fx;
  return top + (bottom - top) * fy;
}
