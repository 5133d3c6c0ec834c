import type { ScoringState } from '../scoring';

/** Per-cell arrays a suggestion run starts from: what misses its target today and what it is worth. */
export interface SuggestionBaseline {
  /** persons x the weight of the cell's target (1 outside places; scoring settings); 0 outside the county */
  demand: Float32Array;
  /** resident persons per cell; 0 outside the county */
  population: Float32Array;
  /** 1 where a county cell misses its own target (outdoor or indoor, scoring status bit 4) today */
  missesTarget: Uint8Array;
}

/**
 * Reads the scored plan (scoreCoverage / updateScoring state) into the suggestion objective: weighted demand
 * = population x the place weight of the cell's target (DEFAULT_SCORING_SETTINGS weights, [EST]), and the
 * cells that miss their target. Cells outside the county boundary carry no demand and never miss.
 * @example const { demand, missesTarget } = suggestionBaseline(scoreCoverage(prep, engine.raster))
 */
export function suggestionBaseline(state: ScoringState): SuggestionBaseline {
  const { inCounty, populationPerCell, targetIndex, targets } = state.prep;
  const n = inCounty.length;
  if (state.status.length !== n) throw new RangeError(`state.status must have ${n} cells, got ${state.status.length}`);
  const weights = Float64Array.from(targets, (t) => t.weight);
  const demand = new Float32Array(n);
  const population = new Float32Array(n);
  const missesTarget = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!inCounty[i]) continue;
    const p = populationPerCell[i] > 0 ? populationPerCell[i] : 0;
    population[i] = p;
    demand[i] = p * weights[targetIndex[i]];
    missesTarget[i] = state.status[i] & 4 ? 0 : 1;
  }
  return { demand, population, missesTarget };
}
