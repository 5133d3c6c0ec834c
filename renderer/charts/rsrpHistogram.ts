import { polygonMask } from '../../core/grid';
import { histogram } from '../../core/stats';
import type { ProjectBase } from '../session/ProjectSession';

/** RSRP range and bin of the histogram, dBm: 5 dB bins as in the coverage legend's classes. */
const MIN_DBM = -140;
const MAX_DBM = -40;
const BIN_DB = 5;

/**
 * Weights for a county histogram: persons per cell inside the boundary, 0 outside (cells of the grid's
 * margin are not the county's people). Null without a population raster. Computed once per project base.
 * @example const w = countyPopulationWeights(session.base); w && rsrpHistogram(rasters.rsrpDbm, w)
 */
export function countyPopulationWeights(base: ProjectBase): Float32Array | null {
  if (!base.population) return null;
  const inside = polygonMask(base.grid, base.boundary);
  const pop = base.population.values;
  const out = new Float32Array(pop.length);
  for (let i = 0; i < pop.length; i++) out[i] = inside[i] && pop[i] > 0 ? pop[i] : 0;
  return out;
}

/**
 * Population-weighted histogram of best-server RSRP (dBm) in 5 dB bins from -140 to -40 (core/stats
 * histogram; values beyond fall in the end bins; cells without coverage, NaN, are left out).
 * @example rsrpHistogram(rasters.rsrpDbm, weights).counts.length // 20
 */
export function rsrpHistogram(rsrpDbm: Float32Array, weights: Float32Array): { binStarts: number[]; counts: number[]; total: number } {
  return histogram(rsrpDbm, MIN_DBM, MAX_DBM, BIN_DB, { weights });
}
