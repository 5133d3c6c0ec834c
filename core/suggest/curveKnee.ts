/** Where a coverage-vs-investment curve flattens: what the sites up to it buy, and what each 10k CNY buys after. */
export interface CurveKnee {
  /** sites up to and including the knee (the first `siteCount` of the ranked list) */
  siteCount: number;
  /** cumulative cost at the knee, CNY */
  costCny: number;
  /** cumulative people newly covered at the knee */
  people: number;
  /** people per 10k CNY up to the knee, and after it */
  peoplePer10kCnyBefore: number;
  peoplePer10kCnyAfter: number;
}

/** After the knee each 10k CNY must buy at most this share of what it bought before, or the curve has no knee. */
const FLATTENING = 0.5;

/**
 * The knee of a cumulative coverage-vs-investment curve (Kneedle: Satopää, Albrecht, Irwin and Raghavan, "Finding a
 * 'Kneedle' in a Haystack: Detecting Knee Points in System Behavior", ICDCS workshops 2011): both axes scaled to
 * 0..1, the knee is the point farthest above the chord from the first to the last point. It is reported only where
 * the curve really flattens: at least 4 sites, and after the knee each 10k CNY buys at most half of what it bought
 * up to it. Past that point more budget buys little: a planner stops there or justifies the rest separately.
 * `costCny` and `people` start at 0 (one point per site after it), as SuggestionResult.curve holds them.
 * @example curveKnee({ costCny: [0, 1, 2, 3, 4, 5], people: [0, 50, 90, 95, 98, 100] })?.siteCount // 2
 */
export function curveKnee(curve: { costCny: readonly number[]; people: readonly number[] }): CurveKnee | null {
  const { costCny, people } = curve;
  if (costCny.length !== people.length) throw new RangeError(`costCny and people must have the same length, got ${costCny.length} and ${people.length}`);
  const n = costCny.length - 1;
  if (n < 4) return null;
  const x1 = costCny[n] - costCny[0];
  const y1 = people[n] - people[0];
  if (!(x1 > 0 && y1 > 0)) return null;
  let best = -1;
  let bestGap = 0;
  for (let i = 1; i < n; i++) {
    const gap = (people[i] - people[0]) / y1 - (costCny[i] - costCny[0]) / x1;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  if (best < 0) return null;
  const before = ((people[best] - people[0]) * 1e4) / (costCny[best] - costCny[0]);
  const after = ((people[n] - people[best]) * 1e4) / (costCny[n] - costCny[best]);
  if (!(after <= FLATTENING * before)) return null;
  return { siteCount: best, costCny: costCny[best], people: people[best], peoplePer10kCnyBefore: before, peoplePer10kCnyAfter: after };
}
