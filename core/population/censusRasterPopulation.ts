import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { WGS84_LONLAT, type GeoRaster } from '../grid/geoRaster';
import { assertGridSpec, cellCentreXM, cellCentreYM, type GridSpec } from '../grid/gridSpec';
import { geographicPixelAreaKm2 } from '../grid/pixelAreaKm2';
import { polygonMask } from '../grid/polygonMask';
import { resampleMassPreservingBands } from '../grid/resampleMassPreserving';
import type { PopulationDetails } from '../model/layerDetails';
import { correctTotal } from './correctTotal';

/** Options of censusRasterPopulation. */
export interface CensusRasterOptions {
  /** county seat, [lonDeg, latDeg] WGS-84: the centre of the dense core it lies in */
  seatLonLat: [number, number];
  /**
   * The raster's densities are cut at this value, persons/km2 (the shipped GPW tiles: 4096). Dense cores
   * are then unreliable and get the census remainder; absent = the raster is taken as it is (scaled only).
   */
  densityCapPerKm2?: number;
  /** a pixel is in a dense core when the mean density of it and its 8 neighbours is at least this; default 1500 */
  coreDensityPerKm2?: number;
  /** no core cell is given more than this, persons/km2; default 50,000 (assumption: the densest city districts) */
  ceilingPerKm2?: number;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** Defaults of censusRasterPopulation (modelling assumptions, not sourced figures; scripts/validatePopulation.ts measures the result). */
export const CENSUS_RASTER_DEFAULTS = { coreDensityPerKm2: 1500, ceilingPerKm2: 50_000, minCoreScaleM: 300 } as const;

/** The layer's values and what they rest on. */
export interface CensusRasterPopulation {
  /** persons per grid cell, 0 outside the county; sums to the census total */
  values: Float32Array;
  details: Omit<PopulationDetails, 'censusSource' | 'raster'>;
}

/**
 * A county's census total distributed by a population raster (persons per pixel, geographic WGS-84, e.g.
 * GPW v4.11 read by geodata/population readPopulationGeoTiff) over `grid`, clipped to `boundary`:
 * 1. Areal weighting onto the grid (core/grid resampleMassPreservingBands; Goodchild & Lam 1980), mass-preserving.
 * 2. Without a density cap, or when the raster holds at least the census inside the county, every cell is
 *    scaled by census / raster people (details.scale).
 * 3. With `densityCapPerKm2`, pixels in dense cores (3 x 3 mean density >= coreDensityPerKm2) are doubtful:
 *    the shipped GPW tiles keep densities only below 4,096/km2, and in city cores their values came out
 *    scrambled rather than flat (云岩区's pixels hold 16 % of its census), so a cut pixel cannot be told by its
 *    value. When the census exceeds the raster's people, the other cells keep the raster's people and the
 *    cores get the remainder (census less those people), shared among cores by their area and, within a
 *    core, by a negative-exponential of the distance to its centre (the seat for the core holding it, else the
 *    core's centroid; e-folding distance the core's equivalent radius, at least 300 m; Clark 1951).
 *    No core cell exceeds ceilingPerKm2; what cannot fit scales the other cells.
 * The Float32 result sums to `censusTotal` to float precision. Returns null when the raster has nobody in the county.
 * @example const pop = censusRasterPopulation(gpw, project.grid, county.boundary, 1_280_116, { seatLonLat, densityCapPerKm2: 4096 });
 */
export function censusRasterPopulation(
  raster: GeoRaster,
  grid: GridSpec,
  boundary: MultiPolygon,
  censusTotal: number,
  options: CensusRasterOptions,
): CensusRasterPopulation | null {
  assertGridSpec(grid);
  if (!(censusTotal > 0) || !Number.isFinite(censusTotal)) throw new RangeError(`censusTotal must be a finite number > 0, got ${censusTotal}`);
  if (raster.crs !== WGS84_LONLAT) throw new RangeError(`raster must be geographic WGS-84 (${WGS84_LONLAT}), got ${raster.crs}`);
  const coreDensity = options.coreDensityPerKm2 ?? CENSUS_RASTER_DEFAULTS.coreDensityPerKm2;
  const ceiling = options.ceilingPerKm2 ?? CENSUS_RASTER_DEFAULTS.ceilingPerKm2;
  if (!(ceiling > 0)) throw new RangeError(`ceilingPerKm2 must be > 0, got ${ceiling}`);
  const progress = (from: number, to: number) => (f: number) => options.onProgress?.(from + (to - from) * f);

  const n = grid.cols * grid.rows;
  const cluster = options.densityCapPerKm2 !== undefined ? coreClusters(raster, coreDensity) : null;
  const np = raster.width * raster.height;
  const reliable = new Float32Array(np);
  const doubtful = new Float32Array(np);
  const coreKm2 = new Float32Array(np);
  const coreId = new Float32Array(np);
  for (let p = 0; p < np; p++) {
    const v = raster.values[p];
    if (!(v > 0) && !(cluster && cluster.id[p] > 0)) continue;
    if (cluster && cluster.id[p] > 0) {
      if (v > 0) doubtful[p] = v;
      const area = geographicPixelAreaKm2(raster.originY - Math.floor(p / raster.width) * raster.pixelSizeY, raster.pixelSizeX, raster.pixelSizeY);
      coreKm2[p] = area;
      coreId[p] = area * cluster.id[p];
    } else {
      reliable[p] = v;
    }
  }
  // One pass over the pixels: the cluster id survives areal weighting because cores are 8-connected groups, so
  // a cell never straddles two of them: (area x id) / area = id.
  const bands = cluster ? [reliable, doubtful, coreKm2, coreId] : [reliable];
  const outs = resampleMassPreservingBands(raster, bands, grid, { cancel: options.cancel, onProgress: progress(0, 0.8) });
  const [keep, doubt, km2, idTimesKm2] = outs;
  const mask = polygonMask(grid, boundary);
  throwIfCancelled(options.cancel);
  let reliableSum = 0;
  let doubtfulSum = 0;
  let coreAreaKm2 = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i]) reliableSum += keep[i];
    else keep[i] = 0;
  }
  if (cluster) {
    for (let i = 0; i < n; i++) {
      if (mask[i]) { doubtfulSum += doubt[i]; coreAreaKm2 += km2[i]; }
      else { doubt[i] = 0; km2[i] = 0; }
    }
  }
  const rasterPersons = reliableSum + doubtfulSum;
  if (!(rasterPersons > 0) && !(coreAreaKm2 > 0)) return null;

  const values = keep;
  const remainder = censusTotal - reliableSum;
  if (!cluster || coreAreaKm2 === 0 || censusTotal <= rasterPersons) {
    const scale = censusTotal / rasterPersons;
    if (cluster) for (let i = 0; i < n; i++) values[i] = (keep[i] + doubt[i]) * scale;
    else for (let i = 0; i < n; i++) values[i] = keep[i] * scale;
    correctTotal(values, censusTotal);
    options.onProgress?.(1);
    return { values, details: { kind: 'population', method: 'census-raster', totalPersons: censusTotal, censusTotal, rasterPersonsInCounty: rasterPersons, scale } };
  }

  // Census beyond the raster's people: the cores take the remainder, shaped by distance to their centres.
  const cells: number[] = [];
  for (let i = 0; i < n; i++) if (km2[i] > 0) cells.push(i);
  const coreCells = Int32Array.from(cells);
  const coreIds = coreCells.map((i) => Math.round(idTimesKm2[i] / km2[i]));
  const coreAreas = Float32Array.from(coreCells, (i) => km2[i]);
  const weight = coreWeights(grid, coreCells, coreIds, coreAreas, cluster.count, options.seatLonLat);
  throwIfCancelled(options.cancel);
  const { given, isCeilingReached } = fillCores(weight, coreAreas, remainder, ceiling);
  let givenSum = 0;
  for (let k = 0; k < coreCells.length; k++) givenSum += given[k];
  const leftover = remainder - givenSum;
  if (leftover > 1e-6 * censusTotal) {
    // every core is at the ceiling: the rest of the county takes what is left, in proportion
    const scale = (reliableSum + leftover) / reliableSum;
    for (let i = 0; i < n; i++) values[i] *= scale;
  }
  for (let k = 0; k < coreCells.length; k++) values[coreCells[k]] += given[k];
  correctTotal(values, censusTotal);
  options.onProgress?.(1);
  return {
    values,
    details: {
      kind: 'population', method: 'census-raster', totalPersons: censusTotal, censusTotal, rasterPersonsInCounty: rasterPersons,
      core: { areaKm2: coreAreaKm2, clusters: new Set(coreIds).size, rasterPersons: doubtfulSum, remainderPersons: remainder, ceilingPerKm2: ceiling, isCeilingReached },
    },
  };
}

interface CoreClusters {
  /** per pixel: 0 outside a core, else 1 + the core's index */
  id: Int32Array;
  count: number;
}

/** Pixels whose 3 x 3 mean density (persons/km2, valid pixels only) reaches `coreDensity`, grouped 8-connected. */
function coreClusters(raster: GeoRaster, coreDensity: number): CoreClusters {
  const { width, height, values } = raster;
  const density = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    const km2 = geographicPixelAreaKm2(raster.originY - row * raster.pixelSizeY, raster.pixelSizeX, raster.pixelSizeY);
    for (let col = 0, p = row * width; col < width; col++, p++) density[p] = values[p] > 0 ? values[p] / km2 : values[p] === 0 ? 0 : NaN;
  }
  const isCore = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      let sum = 0;
      let k = 0;
      for (let r = Math.max(0, row - 1); r <= Math.min(height - 1, row + 1); r++) {
        for (let c = Math.max(0, col - 1); c <= Math.min(width - 1, col + 1); c++) {
          const d = density[r * width + c];
          if (!Number.isNaN(d)) { sum += d; k++; }
        }
      }
      if (k > 0 && sum / k >= coreDensity) isCore[row * width + col] = 1;
    }
  }
  const id = new Int32Array(width * height);
  const stack: number[] = [];
  let count = 0;
  for (let seed = 0; seed < id.length; seed++) {
    if (!isCore[seed] || id[seed]) continue;
    count++;
    id[seed] = count;
    stack.push(seed);
    while (stack.length) {
      const p = stack.pop()!;
      const col = p % width;
      const row = (p - col) / width;
      for (let r = Math.max(0, row - 1); r <= Math.min(height - 1, row + 1); r++) {
        for (let c = Math.max(0, col - 1); c <= Math.min(width - 1, col + 1); c++) {
          const q = r * width + c;
          if (isCore[q] && !id[q]) { id[q] = count; stack.push(q); }
        }
      }
    }
  }
  return { id, count };
}

/**
 * Per core cell (`cells`, with their core ids and core areas, km2), its share of the remainder: each core's
 * share is its area in the county; within a core, area x exp(-d / b) normalised, d the distance to the core's
 * centre (the seat when it lies within 1 km of the core, else the area-weighted centroid), b the core's
 * equivalent radius (>= 300 m).
 */
function coreWeights(grid: GridSpec, cells: Int32Array, ids: Int32Array, areas: Float32Array, coreCount: number, seatLonLat: [number, number]): Float64Array {
  const xOf = (i: number) => cellCentreXM(grid, i % grid.cols);
  const yOf = (i: number) => cellCentreYM(grid, Math.floor(i / grid.cols));
  const area = new Float64Array(coreCount + 1);
  const sx = new Float64Array(coreCount + 1);
  const sy = new Float64Array(coreCount + 1);
  const seat = proj4(WGS84_LONLAT, grid.crs).forward([seatLonLat[0], seatLonLat[1]]) as [number, number];
  // the core the seat lies in: that of the nearest core cell within 1 km of the seat
  let seatCore = 0;
  let best = 1000;
  for (let k = 0; k < cells.length; k++) {
    const [x, y, a, id] = [xOf(cells[k]), yOf(cells[k]), areas[k], ids[k]];
    area[id] += a;
    sx[id] += a * x;
    sy[id] += a * y;
    const d = Math.hypot(x - seat[0], y - seat[1]);
    if (d < best) { best = d; seatCore = id; }
  }
  const cx = new Float64Array(coreCount + 1);
  const cy = new Float64Array(coreCount + 1);
  const scaleM = new Float64Array(coreCount + 1);
  let totalArea = 0;
  for (let id = 1; id <= coreCount; id++) {
    if (!(area[id] > 0)) continue;
    totalArea += area[id];
    [cx[id], cy[id]] = id === seatCore ? seat : [sx[id] / area[id], sy[id] / area[id]];
    scaleM[id] = Math.max(CENSUS_RASTER_DEFAULTS.minCoreScaleM, Math.sqrt((area[id] * 1e6) / Math.PI));
  }
  const shape = new Float64Array(cells.length);
  const shapeSum = new Float64Array(coreCount + 1);
  for (let k = 0; k < cells.length; k++) {
    const id = ids[k];
    shape[k] = areas[k] * Math.exp(-Math.hypot(xOf(cells[k]) - cx[id], yOf(cells[k]) - cy[id]) / scaleM[id]);
    shapeSum[id] += shape[k];
  }
  for (let k = 0; k < cells.length; k++) shape[k] = (area[ids[k]] / totalArea) * (shape[k] / shapeSum[ids[k]]);
  return shape;
}

/**
 * Gives `persons` to the cells in proportion to `weight` (summing to 1) with no cell above `ceiling` x its core
 * area: cells that would exceed it are held at it and the excess goes to the others (water-filling).
 */
function fillCores(weight: Float64Array, km2: Float32Array, persons: number, ceiling: number): { given: Float64Array; isCeilingReached: boolean } {
  const given = new Float64Array(weight.length);
  const isFull = new Uint8Array(weight.length);
  let left = persons;
  let isCeilingReached = false;
  for (let round = 0; round < 50 && left > 1e-9 * persons; round++) {
    let w = 0;
    for (let i = 0; i < weight.length; i++) if (weight[i] > 0 && !isFull[i]) w += weight[i];
    if (!(w > 0)) break;
    let spilled = 0;
    for (let i = 0; i < weight.length; i++) {
      if (!(weight[i] > 0) || isFull[i]) continue;
      const cap = ceiling * km2[i];
      const want = given[i] + (left * weight[i]) / w;
      if (want > cap) {
        spilled += want - cap;
        given[i] = cap;
        isFull[i] = 1;
        isCeilingReached = true;
      } else {
        given[i] = want;
      }
    }
    left = spilled;
  }
  return { given, isCeilingReached };
}
