import L from 'leaflet';
import type { CellWindow } from '../../core/coverage';
import type { GridSpec } from '../../core/grid';
import { GridCanvasLayer } from './GridCanvasLayer';
import type { Palette } from './palettes';
import { compositeCells, type StackRaster } from './stackColours';

/** The planning-grid rasters of the plan map, bottom first: the county's wash under all, the coverage heat map over all. */
export const STACK_ORDER = ['county', 'relief', 'population', 'uncovered', 'coverage'] as const;
export type StackKey = (typeof STACK_ORDER)[number];
/** the raster edits change: drawn over a cached composite of the others */
const TOP = STACK_ORDER.slice(-1);
const UNDER = STACK_ORDER.slice(0, -1);

/** A raster to draw: values per cell of `grid`, coloured by `palette`. */
export interface RasterSource {
  grid: GridSpec;
  values: Float32Array;
  palette: Palette;
}

interface Entry {
  source: RasterSource | null;
  opacity: number;
  isVisible: boolean;
}

/**
 * All planning-grid rasters of the plan map (the county's wash, relief, population, households without
 * gigabit, coverage) in one layer of canvas tiles. Each cell's colour is the rasters composited in
 * STACK_ORDER with their opacities (stackColours.ts), kept per cell, so a tile pixel is one copy, and an edit
 * recolours only its window's cells and pixels. One layer instead of one per raster: with software
 * compositing every semi-transparent layer cost several ms of each frame, and frames while a site was
 * dragged. The wash under the others keeps the heat map's colours those of its legend (over them, as the
 * boundary's fill, it paled them).
 * @example stack.setSource('coverage', { grid, values: rsrpDbm, palette: RSRP_PALETTE }); stack.refreshCells(changed)
 */
export class RasterStackLayer extends GridCanvasLayer {
  private readonly entries: Map<StackKey, Entry>;
  /** per cell, every raster below the coverage composited: a coverage edit or opacity change blends only its own layer */
  private under = new Uint32Array(0);
  private isUnderStale = true;
  /** per cell, the coverage over `under`: what the tiles show */
  private colours = new Uint32Array(0);
  private frame = 0;

  constructor(opacities: Record<StackKey, number>, options: L.GridLayerOptions = {}) {
    // opacity 1: the rasters' own opacities are in the cell colours
    super({ tileSize: 256, updateWhenZooming: false, className: 'raster-stack', ...options, opacity: 1 });
    this.entries = new Map(STACK_ORDER.map((k) => [k, { source: null, opacity: opacities[k], isVisible: false }]));
  }

  /** Sets (or with null clears) one raster; all rasters share one grid. Recoloured at the next frame. */
  setSource(key: StackKey, source: RasterSource | null): void {
    this.entries.get(key)!.source = source;
    this.recolourSoon(key);
  }

  /** One raster's opacity (0-1); Leaflet's own opacity of the layer stays 1. */
  setRasterOpacity(key: StackKey, opacity: number): void {
    this.entries.get(key)!.opacity = opacity;
    this.recolourSoon(key);
  }

  setVisible(key: StackKey, isVisible: boolean): void {
    this.entries.get(key)!.isVisible = isVisible;
    this.recolourSoon(key);
  }

  /** The coverage changed within `window` (an edit): those cells recoloured and their pixels repainted now. */
  refreshCells(window: CellWindow): void {
    if (!this.grid || this.frame) return; // a whole recolour is due anyway
    compositeCells(this.shown(TOP), this.grid.cols, window, this.colours, this.under);
    this.refreshWindow(window);
  }

  override onAdd(map: L.Map): this {
    super.onAdd(map);
    this.recolourSoon();
    return this;
  }

  protected override colourRow(cells: Int32Array, size: L.Point, y: number, x0: number, x1: number, out: Uint32Array): void {
    const colours = this.colours;
    for (let x = x0, p = y * size.x + x0; x < x1; x++, p++) out[x - x0] = cells[p] >= 0 ? colours[cells[p]] : 0;
  }

  /** The rasters of `keys` drawn, bottom first. */
  private shown(keys: readonly StackKey[]): StackRaster[] {
    // the county's wash marks where a palette's noValue (no service) is drawn
    const county = this.entries.get('county')!.source?.values;
    return keys.map((k) => this.entries.get(k)!)
      .filter((e): e is Entry & { source: RasterSource } => e.isVisible && !!e.source)
      .map((e) => ({ values: e.source.values, palette: e.source.palette, opacity: e.opacity, ...(e.source.palette.noValue && county && { within: county }) }));
  }

  /** Several changes in one task (a project opening sets every raster) recolour once; no key: all of them. */
  private recolourSoon(changed?: StackKey): void {
    if (!changed || !TOP.includes(changed)) this.isUnderStale = true;
    this.frame ||= requestAnimationFrame(() => this.recolour());
  }

  private recolour(): void {
    this.frame = 0;
    const shown = STACK_ORDER.filter((k) => this.entries.get(k)!.isVisible && this.entries.get(k)!.source);
    const grid = shown.length ? this.entries.get(shown[0])!.source!.grid : null;
    const container = this.getContainer();
    container?.setAttribute('data-shown', shown.join(' '));
    // nothing shown: no layer for the browser to composite at all
    if (container) container.style.display = grid ? '' : 'none';
    if (!grid) return;
    const all = { col0: 0, row0: 0, cols: grid.cols, rows: grid.rows };
    if (this.colours.length !== grid.cols * grid.rows) {
      this.colours = new Uint32Array(grid.cols * grid.rows);
      this.under = new Uint32Array(grid.cols * grid.rows);
      this.isUnderStale = true;
    }
    if (this.isUnderStale) compositeCells(this.shown(UNDER), grid.cols, all, this.under);
    this.isUnderStale = false;
    compositeCells(this.shown(TOP), grid.cols, all, this.colours, this.under);
    if (grid !== this.grid) {
      this.setGrid(grid);
      this.redraw();
    } else this.repaintTiles();
  }
}

/**
 * One raster of the stack as an entry of Leaflet's layer switcher: adding it to the map shows the raster,
 * removing it hides it (the stack itself stays on the map).
 */
export class RasterStackToggle extends L.Layer {
  constructor(private readonly stack: RasterStackLayer, private readonly key: StackKey) {
    super();
  }

  override onAdd(): this {
    this.stack.setVisible(this.key, true);
    return this;
  }

  override onRemove(): this {
    this.stack.setVisible(this.key, false);
    return this;
  }
}
