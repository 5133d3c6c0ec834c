/**
 * How figures are rounded wherever a person reads them (tables, exports, the report): coordinates to 6
 * decimals (about 0.1 m), areas in km² to 2, people and households to whole numbers, money to 0.01 万元.
 * Rounding happens once, here, so no file shows floating-point noise such as 2.1725000000000003.
 */

const roundTo = (x: number, digits: number): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  // + 0 turns -0 into 0, which a spreadsheet would otherwise show as "-0"
  return Math.round(x * f) / f + 0;
};

/** Degrees of longitude or latitude, 6 decimals. @example roundDeg(106.412345678) // 106.412346 */
export const roundDeg = (deg: number): number => roundTo(deg, 6);

/** km², 2 decimals. @example roundKm2(0.0025) // 0 */
export const roundKm2 = (km2: number): number => roundTo(km2, 2);

/** People, households or any count of whole things. @example roundCount(52257.6) // 52258 */
export const roundCount = (x: number): number => roundTo(x, 0);

/** Money in 万元 (10,000 CNY), 0.01 万元. @example roundWan(2.1725000000000003) // 2.17 */
export const roundWan = (wan: number): number => roundTo(wan, 2);

/** CNY to 万元 at 0.01 万元. @example cnyToWan(325_000) // 32.5 */
export const cnyToWan = (cny: number): number => roundWan(cny / 1e4);

/** Metres and degrees of an antenna (height, azimuth, tilt), 1 decimal. @example roundAngle(119.99999999) // 120 */
export const roundAngle = (x: number): number => roundTo(x, 1);

/** A share 0..1 as a percentage with `digits` decimals. @example roundPercent(0.32649) // 32.6 */
export const roundPercent = (share: number, digits = 1): number => roundTo(share * 100, digits);
