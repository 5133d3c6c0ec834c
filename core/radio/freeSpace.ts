/**
 * Free-space path loss, dB: 32.45 + 20 log10(f/GHz) + 20 log10(d/m) (ITU-R P.525; the same constant as
 * TR 38.811 Table 6.6.2 and ../shared/reference/radio.md §8). Never throws; NaN for d ≤ 0 or f ≤ 0.
 * @example freeSpacePathLossDb(1000, 3.5) // 103.3314
 */
export function freeSpacePathLossDb(distanceM: number, freqGhz: number): number {
  if (!(distanceM > 0) || !(freqGhz > 0)) return NaN;
  return 32.45 + 20 * Math.log10(freqGhz) + 20 * Math.log10(distanceM);
}
