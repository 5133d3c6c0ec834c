import L from 'leaflet';
import type { CellWindow } from '../../core/coverage';
import type { GridSpec } from '../../core/grid';
import { GridCanvasLayer } from './GridCanvasLayer';
import { SERVER_COLOURS_RGB, ServerColouring } from './serverColours';

/** What the best-server layer draws from (PlanCompute's display rasters, patched in place). */
export interface BestServerSource {
  grid: GridSpec;
  /** best server per cell, an index into the cell ids; -1 where none */
  bestServer: Int32Array;
  /** best-server RSRP per cell, dBm (NaN where none) */
  rsrpDbm: Float32Array;
  /** cells below this RSRP are left clear, dBm */
  thresholdDbm: number;
}

/** The hover text of a served cell: which cell (sector) of which site serves it, at what RSRP (dBm). */
export type DescribeServer = (server: number, rsrpDbm: number) => string;

/** Area fill alpha (0-255): the base map, places and gap outlines stay readable under it. */
const FILL_ALPHA = 110;
/** Border pixels between two server areas: the area's colour, darkened and opaque. */
const BORDER_ALPHA = 230;
const BORDER_SHADE = 0.55;

/**
 * The best-server areas (最佳服务小区): every grid cell coloured by the cell (sector) that serves it best,
 * neighbouring servers in different colours (ServerColouring), a one-pixel darker line where two areas
 * meet; cells without a server or below the RSRP threshold stay clear. Like the coverage layer, an edit
 * repaints only the tiles of the window it changed (`update`).
 * @example layer.setSource({ grid, bestServer: rasters.bestServer, rsrpDbm: rasters.rsrpDbm, thresholdDbm: -105 }); layer.update(changed)
 */
export class BestServerLayer extends GridCanvasLayer {
  private source: BestServerSource | null = null;
  private readonly colouring = new ServerColouring();
  private describe: DescribeServer | null = null;
  /** the colouring misses edits made while the layer was off the map */
  private isStale = true;
  // below the pointer: the map's controls sit at its top
  private readonly tip = L.tooltip({ direction: 'bottom', offset: [0, 14], className: 'best-server-tip' });

  constructor(options: L.GridLayerOptions = {}) {
    super({ tileSize: 256, updateWhenZooming: false, className: 'best-server-layer', ...options });
  }

  /** A new raster (a full recompute or a new threshold): new colours and every tile redrawn. */
  setSource(source: BestServerSource | null): void {
    this.setGrid(source?.grid ?? null);
    this.source = source;
    this.isStale = true;
    if (this._map) this.recolourAll();
    this.redraw();
  }

  /**
   * The rasters changed within `window` (an edit): colours for new servers and clashes, those tiles repainted.
   * While the layer is off the map this only notes that its colours are stale (turning it on recolours).
   */
  update(window: CellWindow): void {
    const source = this.source;
    if (!source) return;
    if (!this._map) {
      this.isStale = true;
      return;
    }
    const recoloured = this.colouring.assign(source.bestServer, source.grid.cols, source.grid.rows, window);
    for (const w of [window, ...recoloured]) this.refreshWindow(w);
  }

  /** Sets what hovering a served cell shows (null: nothing). */
  setDescribe(describe: DescribeServer | null): void {
    this.describe = describe;
  }

  override onAdd(map: L.Map): this {
    if (this.isStale) this.recolourAll();
    super.onAdd(map);
    map.on('mousemove', this.showTip, this);
    map.on('mouseout', this.hideTip, this);
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('mousemove', this.showTip, this);
    map.off('mouseout', this.hideTip, this);
    this.hideTip();
    return super.onRemove(map);
  }

  private recolourAll(): void {
    this.colouring.clear();
    const source = this.source;
    if (source) this.colouring.assign(source.bestServer, source.grid.cols, source.grid.rows, { col0: 0, row0: 0, cols: source.grid.cols, rows: source.grid.rows });
    this.isStale = false;
  }

  private showTip(e: L.LeafletMouseEvent): void {
    const i = this.cellIndexAt(e.latlng);
    const source = this.source;
    const server = i >= 0 && source ? source.bestServer[i] : -1;
    if (!source || !this.describe || server < 0 || !(source.rsrpDbm[i] >= source.thresholdDbm)) return this.hideTip();
    this.tip.setLatLng(e.latlng).setContent(this.describe(server, source.rsrpDbm[i]));
    if (!this._map.hasLayer(this.tip)) this.tip.addTo(this._map);
  }

  private hideTip(): void {
    this.tip.remove();
  }

  /** one pixel more above and to the left: those pixels' borders look at a repainted rectangle's first row and column */
  protected override readonly paintMarginPx = 1;

  protected override colourRow(cells: Int32Array, size: L.Point, y: number, x0: number, x1: number, out: Uint32Array): void {
    const { bestServer, rsrpDbm, thresholdDbm } = this.source!;
    // the server shown at pixel p (-1: clear); a pixel whose right or lower neighbour shows another is a border
    const shownAt = (p: number) => {
      const i = cells[p];
      return i >= 0 && bestServer[i] >= 0 && rsrpDbm[i] >= thresholdDbm ? bestServer[i] : -1;
    };
    for (let x = x0, p = y * size.x + x0; x < x1; x++, p++) {
      const s = shownAt(p);
      let colour = 0;
      if (s >= 0) {
        const slot = this.colouring.slotOf(s);
        const rgb = SERVER_COLOURS_RGB[slot < 0 ? s % SERVER_COLOURS_RGB.length : slot];
        const right = x + 1 < size.x ? shownAt(p + 1) : s;
        const below = y + 1 < size.y ? shownAt(p + size.x) : s;
        const isBorder = (right >= 0 && right !== s) || (below >= 0 && below !== s);
        const shade = isBorder ? BORDER_SHADE : 1;
        const alpha = isBorder ? BORDER_ALPHA : FILL_ALPHA;
        colour = ((alpha << 24) | (Math.round(rgb[2] * shade) << 16) | (Math.round(rgb[1] * shade) << 8) | Math.round(rgb[0] * shade)) >>> 0;
      }
      out[x - x0] = colour;
    }
  }
}
