/**
 * Okumura-Hata (150-1500 MHz) and COST-231 Hata (1500-2000 MHz) median path loss. A classic model kept for
 * sub-2 GHz planning and for comparison with TR 38.901.
 * Sources: M. Hata, "Empirical formula for propagation loss in land mobile radio services", IEEE Trans. VT-29
 * (1980); COST Action 231 final report (1999) §4.4.1, "COST-Hata-Model".
 */

/** Environment class: Hata urban (medium/small city), metropolitan (large city, Cm = 3 dB), suburban, open. */
export type HataEnvironment = 'urban' | 'metropolitan' | 'suburban' | 'open';

/** Validity of the Hata family: f 150-2000 MHz, hBS 30-200 m, hUT 1-10 m, d 1-20 km. */
export const HATA_VALIDITY = { freqMhz: [150, 2000], hBsM: [30, 200], hUtM: [1, 10], distanceM: [1000, 20000] } as const;

/**
 * Median path loss, dB. For f < 1500 MHz the Okumura-Hata constants (69.55 + 26.16 log f) are used, at and
 * above 1500 MHz the COST-231 ones (46.3 + 33.9 log f + Cm). Mobile-height correction a(hUT) is the
 * small/medium-city one, or the large-city one for 'metropolitan'. 'suburban' and 'open' apply Hata's
 * corrections to the urban value. Distances outside 1-20 km are extrapolated. Never throws; NaN for bad input.
 * @example cost231HataDb(1000, 30, 1.5, 1800) // 136.20 (urban, COST-231)
 */
export function cost231HataDb(
  distanceM: number,
  hBsM: number,
  hUtM: number,
  freqMhz: number,
  options: { environment?: HataEnvironment } = {},
): number {
  if (!(distanceM > 0) || !(hBsM > 0) || !(hUtM > 0) || !(freqMhz > 0)) return NaN;
  const env = options.environment ?? 'urban';
  const logF = Math.log10(freqMhz);
  const logHb = Math.log10(hBsM);
  const logDKm = Math.log10(distanceM / 1000);
  let aHmDb: number;
  if (env === 'metropolitan') {
    aHmDb = freqMhz >= 400 ? 3.2 * Math.log10(11.75 * hUtM) ** 2 - 4.97 : 8.29 * Math.log10(1.54 * hUtM) ** 2 - 1.1;
  } else {
    aHmDb = (1.1 * logF - 0.7) * hUtM - (1.56 * logF - 0.8);
  }
  const isCost231 = freqMhz >= 1500;
  const baseDb = isCost231 ? 46.3 + 33.9 * logF + (env === 'metropolitan' ? 3 : 0) : 69.55 + 26.16 * logF;
  const urbanDb = baseDb - 13.82 * logHb - aHmDb + (44.9 - 6.55 * logHb) * logDKm;
  if (env === 'suburban') return urbanDb - 2 * Math.log10(freqMhz / 28) ** 2 - 5.4;
  if (env === 'open') return urbanDb - 4.78 * logF ** 2 + 18.33 * logF - 40.94;
  return urbanDb;
}

/**
 * Checks Hata inputs at a public entry; throws RangeError naming the argument. Frequency and heights must be
 * in HATA_VALIDITY; distance must be finite and > 0 (extrapolation outside 1-20 km is allowed).
 * @example assertHataInputs(1000, 30, 1.5, 3500) // throws RangeError: freqMhz must be in [150, 2000] MHz, got 3500
 */
export function assertHataInputs(distanceM: number, hBsM: number, hUtM: number, freqMhz: number): void {
  const check = (name: string, v: number, r: readonly [number, number], unit: string) => {
    if (!Number.isFinite(v) || v < r[0] || v > r[1]) throw new RangeError(`${name} must be in [${r[0]}, ${r[1]}] ${unit}, got ${v}`);
  };
  check('freqMhz', freqMhz, HATA_VALIDITY.freqMhz, 'MHz');
  check('hBsM', hBsM, HATA_VALIDITY.hBsM, 'm');
  check('hUtM', hUtM, HATA_VALIDITY.hUtM, 'm');
  if (!Number.isFinite(distanceM) || distanceM <= 0) throw new RangeError(`distanceM must be a finite distance > 0 m, got ${distanceM}`);
}
