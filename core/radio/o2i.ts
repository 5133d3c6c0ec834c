/**
 * TR 38.901 §7.4.3 outdoor-to-indoor building penetration loss, mean value (the N(0, σP²) term is left
 * out: a planning map uses the expectation). Source: TR 38.901 V17.0.0 Tables 7.4.3-1 and 7.4.3-2;
 * ../shared/reference/radio.md §3.
 */

/** O2I model: 'low' = standard glass + concrete; 'high' = IRR glass + concrete (TR 38.901 Table 7.4.3-2). */
export type O2iModel = 'low' | 'high';

/** Material penetration losses, dB, f in GHz (TR 38.901 Table 7.4.3-1). */
export const O2I_MATERIAL_LOSS_DB = {
  standardGlass: (freqGhz: number): number => 2 + 0.2 * freqGhz,
  irrGlass: (freqGhz: number): number => 23 + 0.3 * freqGhz,
  concrete: (freqGhz: number): number => 5 + 4 * freqGhz,
  /** [UNVERIFIED] value for wood (radio.md §3) */
  wood: (freqGhz: number): number => 4.85 + 0.12 * freqGhz,
};

/**
 * Expected indoor distance d2D-in, m: the mean of min(U(0, 25), U(0, 25)) = 25/3 for UMa/UMi and of
 * min(U(0, 10), U(0, 10)) = 10/3 for RMa (TR 38.901 §7.4.3.1). Pass one as `indoorDistanceM` for the mean loss.
 */
export const O2I_MEAN_INDOOR_DISTANCE_M = { UMa: 25 / 3, UMi: 25 / 3, RMa: 10 / 3 } as const;

/**
 * Mean O2I penetration loss PL_tw + PL_in, dB: PL_tw = 5 − 10 log10(Σ p_i 10^(−L_i/10)) and PL_in = 0.5·d2D-in.
 * `indoorDistanceM` defaults to 0 (the wall term alone, as the radio.md §8 vectors). RMa uses only 'low'.
 * Never throws; NaN for a non-positive frequency or a negative indoor distance.
 * Source: TR 38.901 V17.0.0 Table 7.4.3-2.
 * @example o2iPenetrationLossDb(3.5, 'low') // 12.6975
 */
export function o2iPenetrationLossDb(freqGhz: number, model: O2iModel, options: { indoorDistanceM?: number } = {}): number {
  const indoorDistanceM = options.indoorDistanceM ?? 0;
  if (!(freqGhz > 0) || !(indoorDistanceM >= 0)) return NaN;
  const concreteDb = O2I_MATERIAL_LOSS_DB.concrete(freqGhz);
  const wallDb =
    model === 'high'
      ? 5 - 10 * Math.log10(0.7 * 10 ** (-O2I_MATERIAL_LOSS_DB.irrGlass(freqGhz) / 10) + 0.3 * 10 ** (-concreteDb / 10))
      : 5 - 10 * Math.log10(0.3 * 10 ** (-O2I_MATERIAL_LOSS_DB.standardGlass(freqGhz) / 10) + 0.7 * 10 ** (-concreteDb / 10));
  return wallDb + 0.5 * indoorDistanceM;
}
