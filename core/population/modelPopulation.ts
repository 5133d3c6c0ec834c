import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { WGS84_LONLAT } from '../grid/geoRaster';
import { assertGridSpec, cellCentreXM, cellCentreYM, type GridSpec } from '../grid/gridSpec';
import { polygonMask } from '../grid/polygonMask';
import { correctTotal } from './correctTotal';

/** A town (乡镇) centre the model spreads people around; weight is relative among towns (e.g. its population). */
export interface ModelTown {
  lonLat: [number, number];
  weight?: number;
}

/** Options of modelPopulation: the settlements, their shares of the total and their kernel scales. */
export interface PopulationModelOptions {
  /** county seat (县城), [lonDeg, latDeg] WGS-84 */
  seatLonLat: [number, number];
  towns?: ModelTown[];
  /** share of the total living around the seat; default 0.35 (assumption, see DEFAULT_POPULATION_SHARES) */
  seatShare?: number;
  /** share living around the towns (ignored without towns: it joins the seat); default 0.25 */
  townShare?: number;
  /** e-folding distance of density around the seat, m; default 1500 */
  seatScaleM?: number;
  /** e-folding distance around a town, m; default 500 */
  townScaleM?: number;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/**
 * Default split of a county's people (seat / towns / rural floor) and kernel scales. Modelling assumptions,
 * not sourced figures; scripts/comparePopulation.ts measures how the result compares with GPW v4.11.
 */
export const DEFAULT_POPULATION_SHARES = { seatShare: 0.35, townShare: 0.25, seatScaleM: 1500, townScaleM: 500 } as const;

/** Kernels are cut at this many e-folding distances (e^-8 = 0.03 % of the peak). */
const KERNEL_CUTOFF = 8;

/**
 * MODELLED population: persons per cell of `grid`, spreading `totalPersons` (e.g. a 2020 census figure)
 * over the county: a seat kernel plus town kernels plus a uniform rural floor, clipped to `boundary`.
 * Each kernel is a negative-exponential density D(r) = D0 exp(-r / b) (Clark 1951, "Urban population
 * densities", J. Royal Statistical Society A 114(4), 490-496), normalised over the cells inside the county so
 * it carries exactly its share: seat `seatShare`, towns `townShare` (split by weight), the rest spread
 * evenly over every inside cell. Cells outside the boundary hold 0. The Float32 result is corrected so its
 * sum (in double) equals `totalPersons` to float precision (< 0.01 person for county totals).
 * @example const persons = modelPopulation(grid, county.boundary, 655_300, { seatLonLat: county.seatLonLat });
 */
export function modelPopulation(grid: GridSpec, boundary: MultiPolygon, totalPersons: number, options: PopulationModelOptions): Float32Array {
  assertGridSpec(grid);
  if (!(totalPersons >= 0) || !Number.isFinite(totalPersons)) throw new RangeError(`totalPersons must be a finite number >= 0, got ${totalPersons}`);
  const towns = options.towns ?? [];
  const seatShare = options.seatShare ?? DEFAULT_POPULATION_SHARES.seatShare;
  const townShare = towns.length ? options.townShare ?? DEFAULT_POPULATION_SHARES.townShare : 0;
  if (!(seatShare >= 0 && townShare >= 0 && seatShare + townShare <= 1)) {
    throw new RangeError(`seatShare and townShare must be >= 0 with a sum <= 1, got ${seatShare} and ${townShare}`);
  }
  const seatScaleM = options.seatScaleM ?? DEFAULT_POPULATION_SHARES.seatScaleM;
  const townScaleM = options.townScaleM ?? DEFAULT_POPULATION_SHARES.townScaleM;
  if (!(seatScaleM > 0)) throw new RangeError(`seatScaleM must be > 0, got ${seatScaleM}`);
  if (!(townScaleM > 0)) throw new RangeError(`townScaleM must be > 0, got ${townScaleM}`);
  const townWeights = towns.map((t, i) => {
    const w = t.weight ?? 1;
    if (!(w >= 0)) throw new RangeError(`towns[${i}].weight must be >= 0, got ${w}`);
    return w;
  });
  const weightSum = townWeights.reduce((a, b) => a + b, 0);
  if (towns.length && !(weightSum > 0)) throw new RangeError('towns must have a positive total weight');

  const mask = polygonMask(grid, boundary);
  let insideCells = 0;
  for (const m of mask) insideCells += m;
  const acc = new Float64Array(grid.cols * grid.rows);
  const out = new Float32Array(acc.length);
  if (insideCells === 0 || totalPersons === 0) return out;

  const toGrid = proj4(WGS84_LONLAT, grid.crs);
  const kernels = [
    { lonLat: options.seatLonLat, persons: totalPersons * (towns.length ? seatShare : seatShare + townShare), scaleM: seatScaleM },
    ...towns.map((t, i) => ({ lonLat: t.lonLat, persons: (totalPersons * townShare * townWeights[i]) / weightSum, scaleM: townScaleM })),
  ];
  let placed = 0;
  kernels.forEach((k, n) => {
    throwIfCancelled(options.cancel);
    if (k.persons > 0 && addKernel(acc, grid, mask, toGrid.forward([k.lonLat[0], k.lonLat[1]]) as [number, number], k.scaleM, k.persons)) {
      placed += k.persons;
    }
    options.onProgress?.((n + 1) / (kernels.length + 1));
  });
  // The rural floor, plus any kernel with no inside cell within reach, spread evenly.
  const floor = (totalPersons - placed) / insideCells;
  for (let i = 0; i < acc.length; i++) if (mask[i]) out[i] = acc[i] + floor;
  correctTotal(out, totalPersons);
  options.onProgress?.(1);
  return out;
}

/** Adds `persons` spread by exp(-r / scaleM) over inside cells near `centre`; false when none is in reach. */
function addKernel(acc: Float64Array, grid: GridSpec, mask: Uint8Array, centre: [number, number], scaleM: number, persons: number): boolean {
  const reachM = KERNEL_CUTOFF * scaleM;
  const colA = Math.max(0, Math.floor((centre[0] - reachM - grid.originXM) / grid.cellSizeM));
  const colB = Math.min(grid.cols - 1, Math.floor((centre[0] + reachM - grid.originXM) / grid.cellSizeM));
  const rowA = Math.max(0, Math.floor((grid.originYM - centre[1] - reachM) / grid.cellSizeM));
  const rowB = Math.min(grid.rows - 1, Math.floor((grid.originYM - centre[1] + reachM) / grid.cellSizeM));
  let sum = 0;
  for (let pass = 0; pass < 2; pass++) {
    const scale = pass === 0 ? 0 : persons / sum;
    for (let row = rowA; row <= rowB; row++) {
      const dy = cellCentreYM(grid, row) - centre[1];
      for (let col = colA; col <= colB; col++) {
        const i = row * grid.cols + col;
        if (!mask[i]) continue;
        const w = Math.exp(-Math.hypot(cellCentreXM(grid, col) - centre[0], dy) / scaleM);
        if (pass === 0) sum += w;
        else acc[i] += w * scale;
      }
    }
    if (!(sum > 0)) return false;
  }
  return true;
}
