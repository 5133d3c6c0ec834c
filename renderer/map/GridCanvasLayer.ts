import L from 'leaflet';
import proj4 from 'proj4';
import type { GridSpec } from '../../core/grid';

/** Lattice spacing (px) at which tile pixels are projected exactly; pixels between are interpolated. */
const LATTICE_PX = 16;

/**
 * A Leaflet layer of canvas tiles drawn from the planning grid. The grid lives in the county's transverse
 * Mercator, so each tile projects a 17x17 lattice of its pixels exactly and interpolates between (error
 * well under a pixel), finds the grid cell under every pixel, and hands those cell indices to `colourRow`
 * of the subclass (which says what colour a cell is).
 * @example class Mask extends GridCanvasLayer { protected colourRow(cells, size, y, x0, x1, out) { ... } } // then setGrid(grid) and redraw()
 */
export abstract class GridCanvasLayer extends L.GridLayer {
  protected grid: GridSpec | null = null;
  private toGrid: proj4.Converter | null = null;
  /** per tile canvas, the grid cell under each of its pixels (cellsOf) */
  private tileCells = new WeakMap<HTMLCanvasElement, Int32Array>();
  /** per tile canvas, its pixels as last drawn: an update compares with them and draws only what changed */
  private tileImages = new WeakMap<HTMLCanvasElement, { image: ImageData; pixels: Uint32Array }>();
  /** one row of new colours, compared with the kept pixels */
  private rowColours = new Uint32Array(0);

  /** Sets the grid the tiles are drawn from (null: draw nothing); the caller redraws. */
  protected setGrid(grid: GridSpec | null): void {
    if (grid?.crs !== this.grid?.crs) this.toGrid = grid ? proj4('WGS84', grid.crs) : null;
    if (grid !== this.grid) {
      this.tileCells = new WeakMap();
      this.tileImages = new WeakMap();
    }
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
   * How many pixels above and to the left of a repainted rectangle are repainted too: a subclass whose pixel
   * colour looks at its right and lower neighbours (area borders) sets 1.
   */
  protected readonly paintMarginPx: number = 0;

  /**
   * Colours pixels `x0`..`x1 - 1` of row `y` of a tile into `out[0 .. x1 - x0)`, RGBA packed little-endian (0:
   * clear): `cells[p]` is the grid index (row * cols + col) under pixel p (row-major, `size.x` wide), -1 outside
   * the grid.
   */
  protected abstract colourRow(cells: Int32Array, size: L.Point, y: number, x0: number, x1: number, out: Uint32Array): void;

  /**
   * Repaints only the cells of `window` (after an incremental coverage update): tiles whose bounds miss the
   * window keep their pixels, and the others repaint only the pixel rectangle the window covers in them,
   * so a drag's updates cost pixels in proportion to the footprint, not to the view.
   */
  refreshWindow(window: { col0: number; row0: number; cols: number; rows: number }): void {
    const map = this._map as L.Map | undefined;
    const grid = this.grid;
    if (!map || !grid || !this.toGrid || window.cols <= 0 || window.rows <= 0) return;
    const x0 = grid.originXM + window.col0 * grid.cellSizeM;
    const x1 = x0 + window.cols * grid.cellSizeM;
    const y1 = grid.originYM - window.row0 * grid.cellSizeM;
    const y0 = y1 - window.rows * grid.cellSizeM;
    // corners and edge midpoints: the window's outline is a slightly rotated, very slightly curved quad on the map
    const xs = [x0, (x0 + x1) / 2, x1];
    const ys = [y0, (y0 + y1) / 2, y1];
    const outline = xs.flatMap((x) => ys.map((y) => this.toGrid!.inverse([x, y]))).map(([lon, lat]) => L.latLng(lat, lon));
    const bounds = L.latLngBounds(outline);
    const size = this.getTileSize();
    for (const { el, coords } of Object.values(this.tiles())) {
      const origin = coords.scaleBy(size);
      const nw = map.unproject(origin, coords.z);
      const se = map.unproject(origin.add(size), coords.z);
      if (!bounds.intersects(L.latLngBounds(nw, se))) continue;
      const px = outline.map((ll) => map.project(ll, coords.z).subtract(origin));
      // two pixels of margin for the outline's curvature and the nearest-cell rounding at its edges
      const rect = {
        x0: Math.max(0, Math.floor(Math.min(...px.map((p) => p.x))) - 2),
        y0: Math.max(0, Math.floor(Math.min(...px.map((p) => p.y))) - 2),
        x1: Math.min(size.x, Math.ceil(Math.max(...px.map((p) => p.x))) + 2),
        y1: Math.min(size.y, Math.ceil(Math.max(...px.map((p) => p.y))) + 2),
      };
      if (rect.x1 > rect.x0 && rect.y1 > rect.y0) this.drawTile(el, coords, size, rect);
    }
  }

  /** Repaints every tile in place (new colours on the same grid): the tiles and their cell lookups are kept. */
  repaintTiles(): void {
    if (!this._map || !this.grid || !this.toGrid) return;
    const size = this.getTileSize();
    for (const { el, coords } of Object.values(this.tiles())) this.drawTile(el, coords, size);
  }

  private tiles(): Record<string, { el: HTMLCanvasElement; coords: L.Coords }> {
    return (this as unknown as { _tiles: Record<string, { el: HTMLCanvasElement; coords: L.Coords }> })._tiles;
  }

  protected override createTile(coords: L.Coords): HTMLElement {
    const tile = L.DomUtil.create('canvas', 'raster-tile') as HTMLCanvasElement;
    const size = this.getTileSize();
    tile.width = size.x;
    tile.height = size.y;
    if (this.grid && this.toGrid) this.drawTile(tile, coords, size);
    return tile;
  }

  /**
   * Paints `tile`, or only its pixel rectangle `rect`, into the tile's kept image, and puts only the rectangle of
   * the pixels whose colour changed on the canvas: an update that keeps a tile's colours costs the browser nothing.
   */
  private drawTile(tile: HTMLCanvasElement, coords: L.Coords, size: L.Point, rect: PixelRect = { x0: 0, y0: 0, x1: size.x, y1: size.y }): void {
    const cells = this.cellsOf(tile, coords, size);
    let kept = this.tileImages.get(tile);
    if (!kept) {
      const image = new ImageData(size.x, size.y);
      kept = { image, pixels: new Uint32Array(image.data.buffer) };
      this.tileImages.set(tile, kept);
    }
    const { pixels } = kept;
    if (this.rowColours.length !== size.x) this.rowColours = new Uint32Array(size.x);
    const row = this.rowColours;
    const x0 = Math.max(0, rect.x0 - this.paintMarginPx);
    // the changed pixels' bounds
    let cx0 = size.x;
    let cy0 = size.y;
    let cx1 = -1;
    let cy1 = -1;
    for (let y = Math.max(0, rect.y0 - this.paintMarginPx); y < rect.y1; y++) {
      this.colourRow(cells, size, y, x0, rect.x1, row);
      for (let x = x0, p = y * size.x + x0; x < rect.x1; x++, p++) {
        const colour = row[x - x0];
        if (pixels[p] === colour) continue;
        pixels[p] = colour;
        if (x < cx0) cx0 = x;
        if (x > cx1) cx1 = x;
        if (y < cy0) cy0 = y;
        cy1 = y;
      }
    }
    // putImageData replaces the pixels (no blending): no clearRect needed
    if (cx1 >= 0) tile.getContext('2d')!.putImageData(kept.image, 0, 0, cx0, cy0, cx1 + 1 - cx0, cy1 + 1 - cy0);
  }

  /**
   * The grid cell under every pixel of `tile` (-1 outside the grid), computed once per tile and grid: a drag
   * repaints the same tiles many times over, and projecting their pixels was most of each repaint.
   */
  private cellsOf(tile: HTMLCanvasElement, coords: L.Coords, size: L.Point): Int32Array {
    const cached = this.tileCells.get(tile);
    if (cached) return cached;
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
    this.tileCells.set(tile, cells);
    return cells;
  }
}

function lerp2(v00: number, v10: number, v01: number, v11: number, fx: number, fy: number): number {
  const top = v00 + (v10 - v00) * fx;
  const bottom = v01 + (v11 - v01) * fx;
  return top + (bottom - top) * fy;
}

/** A rectangle of a tile's pixels: columns x0..x1-1, rows y0..y1-1. */
interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
