/**
 * Location probability and the shadow-fading margin: with a log-normal location variability of standard
 * deviation σ about the predicted median, RSRP exceeds (median − z(p)·σ) at a share p of locations, z the
 * standard normal quantile. Source: ITU-R P.1546-6 Annex 5 §12 / P.1812-6 §4.7 (location variability,
 * L(p) = L(50 %) + Q^-1(p/100)·σ_L); Jakes, "Microwave Mobile Communications" (1974) §2.4 (edge and area
 * coverage).
 */

/** Location probability used when a project sets none: the median (see DEFAULT_LOCATION_PROBABILITY in README). */
export const DEFAULT_LOCATION_PROBABILITY = 0.5;

/**
 * Standard normal cumulative distribution Φ(z) by Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8).
 * @example standardNormalCdf(1.6449) // 0.95
 */
export function standardNormalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? 1 - tail : tail;
}

/**
 * Standard normal quantile z(p) for 0 < p < 1, by bisection on standardNormalCdf (error < 1e-6). Throws
 * RangeError outside (0, 1).
 * @example normalQuantile(0.95) // 1.6449
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  let lo = -9;
  let hi = 9;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (standardNormalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Shadow-fading margin, dB, for a location probability `p` (0.5 ≤ p < 1 in planning; below 0.5 the margin is
 * negative) and a location standard deviation `sigmaDb`: z(p)·σ. Throws RangeError for p outside (0, 1) or a
 * negative or non-finite σ.
 * @example shadowMarginDb(0.95, 8) // 13.16
 */
export function shadowMarginDb(p: number, sigmaDb: number): number {
  if (!(sigmaDb >= 0) || !Number.isFinite(sigmaDb)) throw new RangeError(`sigmaDb must be a finite number >= 0, got ${sigmaDb}`);
  return p === 0.5 ? 0 : normalQuantile(p) * sigmaDb;
}
