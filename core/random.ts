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
