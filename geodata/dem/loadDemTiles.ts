import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { CancelledError, throwIfCancelled, type CancelToken, type ProgressFn } from '../../core/cancel';
import { fillVoids } from '../../core/grid/fillVoids';
import { WGS84_LONLAT, type GeoRaster } from '../../core/grid/geoRaster';
import { groundResolutionM } from '../../core/grid/groundResolutionM';
import type { GridSpec } from '../../core/grid/gridSpec';
import { polygonMask } from '../../core/grid/polygonMask';
import { resampleBilinear } from '../../core/grid/resampleBilinear';
import type { DemTileReport, GridLayer, TerrainDetails } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { readZipEntries } from '../import/readZipEntries';
import { readDemGeoTiff } from './readDemGeoTiff';
import { readHgt } from './readHgt';

/** One file the planner gave: an SRTM .hgt, a GeoTIFF, or a .zip holding either (e.g. N27E104.SRTMGL1.hgt.zip). */
export interface DemFile {
  name: string;
  bytes: Uint8Array;
}

/** Options of loadDemTiles. */
export interface LoadDemOptions {
  /** the county boundary (WGS-84): tiles that reach none of it are named and left out; voids are counted in it */
  boundary: MultiPolygon;
  /**
   * heights already on the grid with no void (the shipped coarse SRTM30_PLUS layer): voids are filled from it,
   * shifted to meet the loaded DEM at the void's edge (delta surface fill); without it voids are interpolated
   */
  fallback?: { values: Float32Array; label: string };
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** Most bytes a .zip of tiles may inflate to: twenty-odd 1" SRTM tiles (25.9 MB each). */
export const MAX_DEM_ZIP_BYTES = 600e6;
/** Most tiles in one load (a county needs a handful; tile ranks are kept in a byte per cell). */
export const MAX_DEM_TILES = 250;

const isTileName = (name: string) => /\.(hgt|tiff?)$/i.test(name);
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** A tile's reading, before it is decoded: its format and, for .hgt, where it lies (from its name). */
interface TileInput {
  name: string;
  bytes: Uint8Array;
  format: 'hgt' | 'geotiff';
}

/**
 * Loads a DEM in one step: any number of SRTM .hgt (1" or 3") and GeoTIFF tiles (geographic WGS-84/CGCS2000, UTM
 * or Web Mercator; readGeoTiffRaster), loose or in .zip files, mosaicked onto `grid` and stored with its
 * provenance. Each tile is read and resampled bilinearly (core/grid resampleBilinear) over the window of the grid
 * it covers, one at a time; where tiles overlap the finest wins. Tiles that reach none of the county are named in
 * `details.ignoredTiles` and left out. Cells no tile has a height for (SRTM voids, gaps between tiles) are filled:
 * from `options.fallback` shifted to meet the DEM at the void's edge (delta surface fill; Grohman, Kroenung &
 * Strebeck 2006, "Filling SRTM voids: the delta surface fill method", PE&RS 72(3)), else interpolated
 * (core/grid fillVoids, pull-push), and reported (`details.voids`). Runs over bytes only, in a worker or the CLI.
 * Failures (Result, naming the file): 'bad-file' (not a tile, unreadable, a wrong .hgt size or name), 'unsupported-crs'
 * (a coordinate system other than those above: reproject the tile first), 'bad-values', 'too-large', 'no-coverage'
 * (no tile reaches the county: every tile named), 'cancelled'.
 * @example const r = await loadDemTiles([{ name: 'N26E104.hgt', bytes }], project.grid, { boundary: project.boundary, fallback: { values: project.terrain.values, label: 'SRTM30_PLUS' } });
 */
export async function loadDemTiles(files: readonly DemFile[], grid: GridSpec, options: LoadDemOptions): Promise<Result<GridLayer>> {
  if (!Array.isArray(files) || files.length === 0) throw new RangeError('files must list at least one DEM file');
  if (options.fallback && options.fallback.values.length !== grid.cols * grid.rows) {
    throw new RangeError(`fallback.values must have grid.cols * grid.rows = ${grid.cols * grid.rows} values, got ${options.fallback.values.length}`);
  }
  try {
    return await load(files, grid, options);
  } catch (err) {
    if (err instanceof CancelledError) return fail('cancelled', 'loading the DEM was cancelled; the terrain is unchanged');
    throw err;
  }
}

async function load(files: readonly DemFile[], grid: GridSpec, options: LoadDemOptions): Promise<Result<GridLayer>> {
  const inputs: TileInput[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) {
      const entries = readZipEntries(f.bytes, (n) => isTileName(n) && !n.startsWith('__MACOSX/'), { maxUnzippedBytes: MAX_DEM_ZIP_BYTES });
      if (!entries.ok) return fail(entries.code, `${f.name}: ${entries.message}`);
      const names = Object.keys(entries.value);
      if (names.length === 0) return fail('bad-file', `${f.name}: the zip holds no .hgt or GeoTIFF tile`);
      for (const n of names) inputs.push({ name: `${f.name}/${baseName(n)}`, bytes: entries.value[n], format: /\.hgt$/i.test(n) ? 'hgt' : 'geotiff' });
    } else if (isTileName(f.name)) {
      inputs.push({ name: f.name, bytes: f.bytes, format: /\.hgt$/i.test(f.name) ? 'hgt' : 'geotiff' });
    } else {
      return fail('bad-file', `${f.name}: not a DEM tile; give SRTM .hgt or GeoTIFF (.tif) files, or .zip files holding them`);
    }
  }
  if (inputs.length > MAX_DEM_TILES) return fail('too-large', `${inputs.length} tiles given; at most ${MAX_DEM_TILES} are loaded at once`);

  const n = grid.cols * grid.rows;
  const mask = polygonMask(grid, options.boundary);
  const heights = new Float32Array(n).fill(NaN);
  // per cell, 1 + the index in `used` of the tile its height came from (finest wins)
  const from = new Uint8Array(n);
  const used: (DemTileReport & { rankM: number })[] = [];
  const ignored: { name: string; reason: string }[] = [];
  const countyBox = boxOf(options.boundary);
  const centreLat = (countyBox[1] + countyBox[3]) / 2;
  const step = 0.9 / inputs.length;
  for (const [k, input] of inputs.entries()) {
    throwIfCancelled(options.cancel);
    const at = (f: number) => options.onProgress?.(step * (k + f));
    // .hgt names say where they lie: skip decoding tiles that cannot reach the county
    const hgtBox = input.format === 'hgt' ? hgtBoxOf(input.name) : undefined;
    if (hgtBox && !boxesMeet(hgtBox, countyBox)) {
      ignored.push({ name: input.name, reason: 'does not reach the county' });
      continue;
    }
    const read = input.format === 'hgt' ? readHgt(input.bytes, baseName(input.name)) : await readDemGeoTiff(input.bytes, input.name);
    if (!read.ok) {
      const hint = read.code === 'unsupported-crs' ? ' (nothing was loaded)' : '';
      return fail(read.code === 'bad-name' || read.code === 'bad-size' ? 'bad-file' : read.code, `${read.message}${hint}`);
    }
    const tile = read.value;
    if (tile.crs === WGS84_LONLAT && !isInDegrees(tile)) {
      return fail('unsupported-crs', `${input.name}: the file says its coordinates are degrees (WGS-84), but its extent ` +
        `(${tile.originX.toFixed(1)}, ${tile.originY.toFixed(1)}) is not: the coordinate system in the file is wrong (nothing was loaded)`);
    }
    at(0.3);
    const window = gridWindowOf(tile, grid);
    if (!window) {
      ignored.push({ name: input.name, reason: 'does not reach the county' });
      continue;
    }
    const sub: GridSpec = {
      ...grid,
      cols: window.cols, rows: window.rows,
      originXM: grid.originXM + window.col0 * grid.cellSizeM,
      originYM: grid.originYM - window.row0 * grid.cellSizeM,
    };
    const part = resampleBilinear(tile, sub, { cancel: options.cancel, onProgress: (f) => at(0.3 + 0.7 * f) });
    const resolutionM = groundResolutionM(tile, centreLat);
    const rank = used.length + 1;
    let reachesCounty = false;
    for (let r = 0; r < window.rows && !reachesCounty; r++) {
      for (let c = 0, j = r * window.cols; c < window.cols; c++, j++) {
        if (!Number.isNaN(part[j]) && mask[(window.row0 + r) * grid.cols + window.col0 + c]) { reachesCounty = true; break; }
      }
    }
    if (!reachesCounty) {
      ignored.push({ name: input.name, reason: 'does not reach the county' });
      continue;
    }
    let cellsUsed = 0;
    for (let r = 0; r < window.rows; r++) {
      for (let c = 0, j = r * window.cols; c < window.cols; c++, j++) {
        const h = part[j];
        if (Number.isNaN(h)) continue;
        const i = (window.row0 + r) * grid.cols + window.col0 + c;
        const held = from[i];
        if (held !== 0 && used[held - 1].rankM <= resolutionM) continue;
        if (held !== 0) used[held - 1].cellsUsed--;
        heights[i] = h;
        from[i] = rank;
        cellsUsed++;
      }
    }
    const arcSec = tile.crs === WGS84_LONLAT ? Math.round(tile.pixelSizeY * 3600 * 100) / 100 : undefined;
    used.push({
      name: input.name, format: input.format, ...(arcSec !== undefined && { resolutionArcSec: arcSec }),
      resolutionM: Math.round(resolutionM), cellsUsed, rankM: resolutionM,
    });
  }
  if (used.length === 0) {
    return fail('no-coverage', `none of the ${inputs.length} DEM tiles reaches the county: ${inputs.map((t) => t.name).join(', ')}`);
  }
  // a tile whose cells were all taken by finer ones is not used after all
  for (let k = used.length - 1; k >= 0; k--) {
    if (used[k].cellsUsed === 0) ignored.push({ name: used[k].name, reason: 'covered wholly by finer tiles' });
  }

  throwIfCancelled(options.cancel);
  let voidsInCounty = 0;
  let voidsOutside = 0;
  let countyCells = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i]) countyCells++;
    if (Number.isNaN(heights[i])) {
      if (mask[i]) voidsInCounty++;
      else voidsOutside++;
    }
  }
  let voidMethod = '';
  if (voidsInCounty + voidsOutside > 0) {
    const fb = options.fallback;
    if (fb) {
      const delta = new Float32Array(n);
      for (let i = 0; i < n; i++) delta[i] = heights[i] - fb.values[i];
      fillVoids(delta, grid.cols, grid.rows, { cancel: options.cancel });
      for (let i = 0; i < n; i++) if (Number.isNaN(heights[i])) heights[i] = fb.values[i] + delta[i];
      voidMethod = `${fb.label}, shifted to meet the loaded DEM at the void edges (delta surface fill)`;
    } else {
      fillVoids(heights, grid.cols, grid.rows, { cancel: options.cancel });
      voidMethod = 'interpolated from the heights around them (pull-push)';
    }
  }
  let minM = Infinity;
  let maxM = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const h = heights[i];
    if (h < minM) minM = h;
    if (h > maxM) maxM = h;
  }
  const tiles: DemTileReport[] = used.filter((t) => t.cellsUsed > 0).map(({ rankM: _rank, ...t }) => t);
  const resolutions = tiles.map((t) => t.resolutionM);
  const cellKm2 = (grid.cellSizeM / 1000) ** 2;
  const details: TerrainDetails = {
    kind: 'terrain', method: 'loaded-tiles', resolutionM: Math.min(...resolutions),
    ...(Math.max(...resolutions) !== Math.min(...resolutions) && { coarsestResolutionM: Math.max(...resolutions) }),
    tiles,
    ...(ignored.length && { ignoredTiles: ignored }),
    ...(voidsInCounty + voidsOutside > 0 && {
      voids: {
        cellsInCounty: voidsInCounty, areaKm2InCounty: voidsInCounty * cellKm2,
        shareOfCounty: countyCells ? voidsInCounty / countyCells : 0, cellsOutsideCounty: voidsOutside, method: voidMethod,
      },
    }),
    minM, maxM,
  };
  options.onProgress?.(1);
  const tileList = tiles.map((t) => `${t.name} (${t.resolutionArcSec !== undefined ? `${t.resolutionArcSec}"` : `${t.resolutionM} m`})`).join(', ');
  const voidText = details.voids
    ? `; ${(details.voids.shareOfCounty * 100).toFixed(2)} % of the county was void (${details.voids.areaKm2InCounty.toFixed(2)} km2), filled: ${voidMethod}`
    : '; no voids';
  return ok({
    values: heights,
    provenance: 'file',
    source: `DEM ${tiles.length === 1 ? 'tile' : `${tiles.length} tiles`} ${tileList}, mosaicked (finest first) and bilinear to the ${grid.cellSizeM} m grid${voidText}` +
      `${ignored.length ? `; not used: ${ignored.map((t) => `${t.name} (${t.reason})`).join(', ')}` : ''}`,
    details,
  });
}

/** [west, south, east, north] of a MultiPolygon, degrees. */
function boxOf(boundary: MultiPolygon): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, nth = -Infinity;
  for (const poly of boundary.coordinates) {
    for (const [x, y] of poly[0]) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > nth) nth = y;
    }
  }
  return [w, s, e, nth];
}

/** The degree square an .hgt name gives, with half a 3" post around it; undefined for a name without a tile. */
function hgtBoxOf(name: string): [number, number, number, number] | undefined {
  const m = /([NS])(\d{1,2})([EW])(\d{1,3})[^/\\]*\.hgt$/i.exec(name);
  if (!m) return undefined;
  const lat = (m[1].toUpperCase() === 'S' ? -1 : 1) * Number(m[2]);
  const lon = (m[3].toUpperCase() === 'W' ? -1 : 1) * Number(m[4]);
  const pad = 1 / 2400;
  return [lon - pad, lat - pad, lon + 1 + pad, lat + 1 + pad];
}

/** A geographic raster's corners are within -180..360 E and -90..90 N. */
function isInDegrees(tile: GeoRaster): boolean {
  const east = tile.originX + tile.width * tile.pixelSizeX;
  const south = tile.originY - tile.height * tile.pixelSizeY;
  return tile.originX >= -180 && east <= 360 && south >= -90.01 && tile.originY <= 90.01;
}

function boxesMeet(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The window of `grid` a tile's extent covers (its outline projected to grid metres), or null when none. */
function gridWindowOf(tile: GeoRaster, grid: GridSpec): { col0: number; row0: number; cols: number; rows: number } | null {
  const toGrid = proj4(tile.crs, grid.crs);
  const x0 = tile.originX;
  const y0 = tile.originY;
  const x1 = x0 + tile.width * tile.pixelSizeX;
  const y1 = y0 - tile.height * tile.pixelSizeY;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k <= 8; k++) {
    const f = k / 8;
    for (const [x, y] of [[x0 + f * (x1 - x0), y0], [x0 + f * (x1 - x0), y1], [x0, y0 + f * (y1 - y0)], [x1, y0 + f * (y1 - y0)]]) {
      const p = toGrid.forward([x, y]);
      if (!p.every(Number.isFinite)) continue;
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  // one cell of margin: the outline bulges between the projected points
  const col0 = Math.max(0, Math.floor((minX - grid.originXM) / grid.cellSizeM) - 1);
  const col1 = Math.min(grid.cols - 1, Math.floor((maxX - grid.originXM) / grid.cellSizeM) + 1);
  const row0 = Math.max(0, Math.floor((grid.originYM - maxY) / grid.cellSizeM) - 1);
  const row1 = Math.min(grid.rows - 1, Math.floor((grid.originYM - minY) / grid.cellSizeM) + 1);
  if (!(col1 >= col0 && row1 >= row0)) return null;
  return { col0, row0, cols: col1 - col0 + 1, rows: row1 - row0 + 1 };
}
