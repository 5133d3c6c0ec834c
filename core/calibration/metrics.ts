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

/** The error of a prediction split by group (site or cell): errorByGroup. */
export interface GroupErrorSplit {
  /** pairs used */
  count: number;
  /** rms over the pairs of their group's mean error, dB: what a per-group offset would remove */
  betweenGroupDb: number;
  /** rms of each pair's error about its group's mean, dB: what no per-group term can remove */
  withinGroupDb: number;
  /** mean of predicted − measured per group, dB */
  groupMeanErrorDb: Map<number, number>;
}

/**
 * Splits the squared error of `predictedDbm` against `measuredDbm` into the spread of the groups' mean errors and
 * the scatter inside groups (betweenGroupDb² + withinGroupDb² = RMSE²); pairs with a non-finite value, or
 * outside `mask`, are skipped. Throws RangeError when the lengths differ.
 * @example errorByGroup([-100, -104, -90], [-102, -102, -95], [0, 0, 1]).withinGroupDb // sqrt((4 + 4 + 0) / 3)
 */
export function errorByGroup(
  predictedDbm: ArrayLike<number>,
  measuredDbm: ArrayLike<number>,
  group: ArrayLike<number>,
  mask?: ArrayLike<number>,
): GroupErrorSplit {
  if (predictedDbm.length !== measuredDbm.length || group.length !== measuredDbm.length) {
    throw new RangeError(`predictedDbm, measuredDbm and group must have one value per pair, got ${predictedDbm.length}, ${measuredDbm.length} and ${group.length}`);
  }
  const used = (i: number) => (!mask || mask[i]) && Number.isFinite(predictedDbm[i]) && Number.isFinite(measuredDbm[i]);
  const sums = new Map<number, { sum: number; count: number }>();
  for (let i = 0; i < group.length; i++) {
    if (!used(i)) continue;
    const s = sums.get(group[i]) ?? { sum: 0, count: 0 };
    s.sum += predictedDbm[i] - measuredDbm[i];
    s.count++;
    sums.set(group[i], s);
  }
  const groupMeanErrorDb = new Map([...sums].map(([g, s]) => [g, s.sum / s.count]));
  let between = 0;
  let within = 0;
  let count = 0;
  for (let i = 0; i < group.length; i++) {
    if (!used(i)) continue;
    const mean = groupMeanErrorDb.get(group[i])!;
    between += mean * mean;
    within += (predictedDbm[i] - measuredDbm[i] - mean) ** 2;
    count++;
  }
  return { count, betweenGroupDb: Math.sqrt(between / count), withinGroupDb: Math.sqrt(within / count), groupMeanErrorDb };
}
