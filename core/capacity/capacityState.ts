import type { CellWindow } from '../coverage/cellWindow';
import type { CoverageRaster } from '../model/coverage';
import type { CapacityPrep } from './prepareCapacity';

/**
 * Per-sector sums, indexed like the coverage raster's `cellIds` (append-only, so an index stays valid); grown
 * as the raster's id list grows.
 */
export interface SectorSums {
  /** number of sectors known (raster.cellIds.length when last synced) */
  count: number;
  cellIds: string[];
  /** busy-hour demand of the grid cells the sector serves, Mbit/s */
  demandMbps: Float64Array;
  /**
   * sum over its cells of demand / single-layer DL rate: the share of one layer's resources the demand needs;
   * the load is this over the sector's layers
   */
  resource: Float64Array;
  /** demand of served cells whose SINR gives no rate (below the attenuated-Shannon minimum), Mbit/s */
  unservedMbps: Float64Array;
  /** grid cells with demand the sector serves */
  cells: Int32Array;
  /** mean DL layers of the sector (from its site's kind and the band) */
  layers: Float32Array;
}

/** Mutable capacity state of one coverage raster: createCapacityState builds it, updateCapacity keeps it current. */
export interface CapacityState {
  prep: CapacityPrep;
  /** layers of a sector from its cell id (`${siteId}/${sectorId}`), e.g. from its site's kind */
  layersOf: (cellId: string) => number;
  /** per grid cell, the server counted (raster.bestServer), -1 none */
  server: Int32Array;
  /** per grid cell, the single-layer DL rate counted (raster.dlThroughputMbps), Mbit/s; 0 where none */
  rateMbps: Float32Array;
  sectors: SectorSums;
  /** per sector, 1 while listed in `touched` */
  isTouched: Uint8Array;
  /** sectors whose sums changed since the caller last took them (takeTouchedSectors) */
  touched: number[];
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, 2 * a.length, 64));
  out.set(a);
  return out;
}

/** Makes room for the raster's sectors and sets the layers of those not seen before. */
function syncSectors(state: CapacityState, raster: CoverageRaster): void {
  const s = state.sectors;
  const n = raster.cellIds.length;
  if (n === s.count) return;
  s.demandMbps = grow(s.demandMbps, n);
  s.resource = grow(s.resource, n);
  s.unservedMbps = grow(s.unservedMbps, n);
  s.cells = grow(s.cells, n);
  s.layers = grow(s.layers, n);
  state.isTouched = grow(state.isTouched, n);
  for (let k = s.count; k < n; k++) {
    s.cellIds.push(raster.cellIds[k]);
    s.layers[k] = state.layersOf(raster.cellIds[k]);
  }
  s.count = n;
}

function touch(state: CapacityState, sector: number): void {
  if (state.isTouched[sector]) return;
  state.isTouched[sector] = 1;
  state.touched.push(sector);
}

/**
 * Moves the cells of `window` from what was counted to what the raster holds now (best server and its
 * single-layer DL rate) and marks the sectors whose sums changed. Cells without demand are skipped.
 */
function recount(state: CapacityState, raster: CoverageRaster, window: CellWindow): void {
  const { demandMbps } = state.prep;
  const { server, rateMbps } = state;
  const { bestServer, dlThroughputMbps } = raster;
  const s = state.sectors;
  const cols = state.prep.scoring.grid.cols;
  for (let row = window.row0; row < window.row0 + window.rows; row++) {
    for (let i = row * cols + window.col0, end = i + window.cols; i < end; i++) {
      const d = demandMbps[i];
      if (d === 0) continue;
      const newServer = bestServer[i];
      const raw = dlThroughputMbps[i];
      const newRate = newServer >= 0 && raw > 0 ? raw : 0;
      const oldServer = server[i];
      const oldRate = rateMbps[i];
      if (newServer === oldServer && newRate === oldRate) continue;
      if (oldServer >= 0) {
        s.demandMbps[oldServer] -= d;
        s.cells[oldServer]--;
        if (oldRate > 0) s.resource[oldServer] -= d / oldRate;
        else s.unservedMbps[oldServer] -= d;
        touch(state, oldServer);
      }
      if (newServer >= 0) {
        s.demandMbps[newServer] += d;
        s.cells[newServer]++;
        if (newRate > 0) s.resource[newServer] += d / newRate;
        else s.unservedMbps[newServer] += d;
        touch(state, newServer);
      }
      server[i] = newServer;
      rateMbps[i] = newRate;
    }
  }
}

/**
 * Capacity of a coverage raster: per sector, the busy-hour demand of the cells it serves (best server) and
 * the resources that demand takes, sum of demand / single-layer DL rate of each cell (the raster's attenuated
 * Shannon rate at that cell's SINR, core/coverage), so a sector serving users at poor SINR fills up sooner:
 * its capacity is the demand-weighted harmonic mean of its cells' rates times its layers. Load = resources /
 * layers. `layersOf` gives a sector's mean DL layers from its cell id.
 * @example const cap = createCapacityState(prep, engine.raster, (id) => 4); sectorLoad(cap, 0)
 */
export function createCapacityState(prep: CapacityPrep, raster: CoverageRaster, layersOf: (cellId: string) => number): CapacityState {
  const n = prep.demandMbps.length;
  if (raster.bestServer.length !== n) throw new RangeError(`raster must have ${n} cells like the capacity prep, got ${raster.bestServer.length}`);
  const state: CapacityState = {
    prep,
    layersOf,
    server: new Int32Array(n).fill(-1),
    rateMbps: new Float32Array(n),
    sectors: {
      count: 0,
      cellIds: [],
      demandMbps: new Float64Array(0),
      resource: new Float64Array(0),
      unservedMbps: new Float64Array(0),
      cells: new Int32Array(0),
      layers: new Float32Array(0),
    },
    isTouched: new Uint8Array(0),
    touched: [],
  };
  syncSectors(state, raster);
  const { cols, rows } = prep.scoring.grid;
  recount(state, raster, { col0: 0, row0: 0, cols, rows });
  return state;
}

/**
 * Brings `state` up to date after the coverage engine changed only `window` of the raster: only the window's
 * cells are recounted, and only the sectors that gained or lost a cell, or whose cells' rates moved, change.
 * Those sectors are added to the touched list (takeTouchedSectors). Mutates and returns `state`.
 * @example updateCapacity(cap, engine.raster, engine.upsertSite(site))
 */
export function updateCapacity(state: CapacityState, raster: CoverageRaster, window: CellWindow): CapacityState {
  const { cols, rows } = state.prep.scoring.grid;
  const col0 = Math.max(0, window.col0);
  const row0 = Math.max(0, window.row0);
  const col1 = Math.min(cols, window.col0 + window.cols);
  const row1 = Math.min(rows, window.row0 + window.rows);
  syncSectors(state, raster);
  if (col1 > col0 && row1 > row0) recount(state, raster, { col0, row0, cols: col1 - col0, rows: row1 - row0 });
  return state;
}

/** The sectors touched since the last call (indices into the raster's cellIds), and clears the list. */
export function takeTouchedSectors(state: CapacityState): number[] {
  const out = state.touched;
  for (const k of out) state.isTouched[k] = 0;
  state.touched = [];
  return out;
}

/**
 * Sets the layers of the sectors whose cell id starts with `${siteId}/` for each of `siteIds` again (after a
 * site changed kind), marking those sectors touched.
 */
export function refreshSectorLayers(state: CapacityState, siteIds: Iterable<string>): void {
  const prefixes = new Set<string>();
  for (const id of siteIds) prefixes.add(`${id}/`);
  if (prefixes.size === 0) return;
  const s = state.sectors;
  for (let k = 0; k < s.count; k++) {
    const id = s.cellIds[k];
    const slash = id.lastIndexOf('/');
    if (!prefixes.has(id.slice(0, slash + 1))) continue;
    const layers = state.layersOf(id);
    if (layers !== s.layers[k]) {
      s.layers[k] = layers;
      touch(state, k);
    }
  }
}

/**
 * Load of sector `k`: the share of its downlink resources its busy-hour demand needs (may exceed 1); 0 with no
 * demand. Demand in cells with no rate does not load the sector (it cannot be carried; see unservedMbps).
 */
export function sectorLoad(state: CapacityState, k: number): number {
  const s = state.sectors;
  return s.resource[k] > 0 ? s.resource[k] / s.layers[k] : 0;
}
