/**
 * Weighted demand per grid cell for the suggestion objective: persons x place weight, where a cell inside
 * a priority place takes the place category's weight (1 elsewhere). NaN population or weight counts as 0
 * demand. Deep-coverage places are counted by the threshold used for their cells (coverageFromRsrpWindow),
 * not here.
 * @example demandPerCell(Float32Array.of(10, NaN, 4), Float32Array.of(1, 1, 3)) // Float32Array [10, 0, 12]
 */
export function demandPerCell(population: Float32Array, placeWeight?: Float32Array): Float32Array {
  if (placeWeight && placeWeight.length !== population.length) {
    throw new RangeError(`placeWeight must have population.length (${population.length}) cells, got ${placeWeight.length}`);
  }
  const out = new Float32Array(population.length);
  for (let i = 0; i < population.length; i++) {
    const d = population[i] * (placeWeight ? placeWeight[i] : 1);
    out[i] = d > 0 ? d : 0;
  }
  return out;
}
