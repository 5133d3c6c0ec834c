/**
 * Puts the Float32 rounding residual of a layer's sum on its largest cell, so the sum (in double) equals
 * `totalPersons` to float precision (< 0.01 person for county totals). Mutates `values`; one pass.
 * @example correctTotal(persons, 655_300)
 */
export function correctTotal(values: Float32Array, totalPersons: number): void {
  if (values.length === 0) return;
  let maxI = 0;
  let max = values[0];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    if (v > max) { max = v; maxI = i; }
  }
  values[maxI] = totalPersons - (sum - max);
}
