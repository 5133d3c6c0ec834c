/**
 * Scores of an RSRP prediction against measurements, as in the 2019 Huawei contest (../shared/data/README.md):
 * RMSE, mean error and PCRR = the F1 score of recognising weak coverage (RSRP below a threshold, −103 dBm).
 */

/** Prediction scores; `count` pairs with both values finite. */
export interface PredictionScores {
  count: number;
  rmseDb: number;
  /** mean of predicted − measured, dB (positive = optimistic) */
  meanErrorDb: number;
  /** standard deviation of predicted − measured, dB */
  sigmaDb: number;
  /** F1 of (predicted < threshold) vs (measured < threshold); 0 when nothing is weak in either */
  pcrr: number;
  precision: number;
  recall: number;
  weakThresholdDbm: number;
}

/**
 * Scores `predictedDbm` against `measuredDbm`; pairs with a non-finite value are skipped.
 * Throws RangeError when the lengths differ.
 * @example scorePredictions([-100, -110], [-104, -108]).rmseDb // sqrt((16 + 4)/2) = 3.16
 */
export function scorePredictions(
  predictedDbm: ArrayLike<number>,
  measuredDbm: ArrayLike<number>,
  options: { weakThresholdDbm?: number; mask?: ArrayLike<number> } = {},
): PredictionScores {
  if (predictedDbm.length !== measuredDbm.length) {
    throw new RangeError(`predictedDbm has ${predictedDbm.length} values, measuredDbm ${measuredDbm.length}`);
  }
  const t = options.weakThresholdDbm ?? -103;
  let n = 0;
  let se = 0;
  let e = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < predictedDbm.length; i++) {
    if (options.mask && !options.mask[i]) continue;
    const p = predictedDbm[i];
    const m = measuredDbm[i];
    if (!Number.isFinite(p) || !Number.isFinite(m)) continue;
    n++;
    se += (p - m) ** 2;
    e += p - m;
    const pw = p < t;
    const mw = m < t;
    if (pw && mw) tp++;
    else if (pw) fp++;
    else if (mw) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const pcrr = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  const meanErrorDb = n ? e / n : NaN;
  const sigmaDb = n > 1 ? Math.sqrt(Math.max(se / n - meanErrorDb * meanErrorDb, 0) * (n / (n - 1))) : NaN;
  return { count: n, rmseDb: n ? Math.sqrt(se / n) : NaN, meanErrorDb, sigmaDb, pcrr, precision, recall, weakThresholdDbm: t };
}
