/**
 * Mulberry32: a small seeded PRNG returning numbers in [0, 1) (Tommy Ettinger, public domain; see
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). Core code never calls
 * Math.random(): generators and samples take a seed so their output is reproducible.
 * @example const random = mulberry32(42); random() // same sequence on every run
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws indices of `weights` in proportion to their weight (negative and NaN weights count as 0): a cumulative sum
 * once, then one `random()` and a binary search per draw. Throws RangeError when no weight is positive.
 * @example const cellOf = weightedSampler(population.values, mulberry32(7)); cellOf() // a cell, by its people
 */
export function weightedSampler(weights: ArrayLike<number>, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i] > 0 ? weights[i] : 0;
  if (!(total > 0)) throw new RangeError('weights must have a positive weight');
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
