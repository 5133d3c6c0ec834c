import { sectorLoad, type CapacityState } from '../capacity';
import type { CoverageRaster } from '../model/coverage';
import type { SuggestionBaseline } from './suggestionBaseline';

/**
 * What relieving each cell of an overloaded sector is worth to the suggestion, and what a candidate must
 * reach there to take the cell over.
 */
export interface CapacityRelief {
  /**
   * per cell: weighted demand (persons x place weight, as coverage gains) x the share of its sector's demand
   * above the target load, 1 - target / load; 0 where the cell is not on an overloaded sector or misses its
   * coverage target (a coverage gain there already)
   */
  value: Float32Array;
  /** per cell with a value, the serving sector's RSRP today, dBm: a candidate must beat it to become the best server */
  servingRsrpDbm: Float32Array;
  /** cells with a value */
  cells: number;
  /** sum of `value` */
  total: number;
}

/**
 * The relief a suggestion can buy (issue 23): every covered cell served by a sector over the target load,
 * valued at its weighted demand times the sector's excess share (1 - target / load). Taking over all of a
 * sector's cells is worth exactly its excess in weighted people, a part of them a proportional part: a
 * conservative count (relief beyond what brings the sector back to target would be worth nothing, and is
 * not counted either way). `reliefWeight` scales relief against coverage (default 1: one person whose
 * busy-hour demand the network cannot carry weighs as one person without coverage).
 * @example const relief = capacityRelief(capacityState, engine.raster, suggestionBaseline(scoring))
 */
export function capacityRelief(
  state: CapacityState,
  raster: CoverageRaster,
  baseline: SuggestionBaseline,
  options: { reliefWeight?: number } = {},
): CapacityRelief {
  const weight = options.reliefWeight ?? 1;
  if (!(weight >= 0)) throw new RangeError(`reliefWeight must be >= 0, got ${weight}`);
  const n = baseline.demand.length;
  const target = state.prep.settings.targetLoad.value;
  const excess = new Float64Array(state.sectors.count);
  let isAny = false;
  for (let k = 0; k < excess.length; k++) {
    const load = sectorLoad(state, k);
    if (load > target) {
      excess[k] = 1 - target / load;
      isAny = true;
    }
  }
  const value = new Float32Array(n);
  const servingRsrpDbm = new Float32Array(n).fill(NaN);
  let cells = 0;
  let total = 0;
  if (!isAny || weight === 0) return { value, servingRsrpDbm, cells, total };
  const { server } = state;
  for (let i = 0; i < n; i++) {
    const k = server[i];
    if (k < 0 || excess[k] === 0 || baseline.missesTarget[i] || !(baseline.demand[i] > 0)) continue;
    value[i] = baseline.demand[i] * excess[k] * weight;
    servingRsrpDbm[i] = raster.rsrpDbm[i];
    cells++;
    total += value[i];
  }
  return { value, servingRsrpDbm, cells, total };
}
