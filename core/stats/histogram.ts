/**
 * A fixed-width histogram of the finite values of `values` (NaN and +-Infinity skipped), optionally
 * weighted (e.g. by population per cell). Bins are [minValue + k*binWidth, minValue + (k+1)*binWidth);
 * values below minValue fall in the first bin, values at or above maxValue in the last.
 * @example histogram(Float32Array.of(-100, -90, NaN), -120, -60, 10).counts // [0, 0, 1, 1, 0, 0]
 */
export function histogram(
  values: ArrayLike<number>,
  minValue: number,
  maxValue: number,
  binWidth: number,
  options: { weights?: ArrayLike<number> } = {},
): { binStarts: number[]; counts: number[]; total: number } {
  if (!Number.isFinite(minValue) || !Number.isFinite(maxValue) || !(maxValue > minValue)) {
    throw new RangeError(`need finite minValue < maxValue, got ${minValue}, ${maxValue}`);
  }
  if (!(binWidth > 0)) throw new RangeError(`binWidth must be > 0, got ${binWidth}`);
  const { weights } = options;
  if (weights && weights.length !== values.length) {
    throw new RangeError(`weights must have values.length (${values.length}) entries, got ${weights.length}`);
  }
  const bins = Math.ceil((maxValue - minValue) / binWidth);
  const counts = new Array<number>(bins).fill(0);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const w = weights ? weights[i] : 1;
    if (!(w > 0)) continue;
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - minValue) / binWidth)));
    counts[k] += w;
    total += w;
  }
  return { binStarts: counts.map((_, k) => minValue + k * binWidth), counts, total };
}
