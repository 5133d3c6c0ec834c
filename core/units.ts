/** Unit conversions shared by every module. Names carry units; see ../shared/STYLE.md section 2. */

/** dBm to milliwatts. @example dbmToMw(30) // 1000 */
export function dbmToMw(powerDbm: number): number {
  return 10 ** (powerDbm / 10);
}

/** Milliwatts to dBm; 0 mW gives -Infinity. @example mwToDbm(1) // 0 */
export function mwToDbm(powerMw: number): number {
  return 10 * Math.log10(powerMw);
}

/** A power ratio in dB to linear. @example dbToLinear(3) // ~1.995 */
export function dbToLinear(ratioDb: number): number {
  return 10 ** (ratioDb / 10);
}

/** A linear power ratio to dB. @example linearToDb(100) // 20 */
export function linearToDb(ratio: number): number {
  return 10 * Math.log10(ratio);
}

/** Degrees to radians. @example degToRad(180) // Math.PI */
export function degToRad(angleDeg: number): number {
  return (angleDeg * Math.PI) / 180;
}

/** Radians to degrees. @example radToDeg(Math.PI) // 180 */
export function radToDeg(angleRad: number): number {
  return (angleRad * 180) / Math.PI;
}

/** Speed of light in vacuum, m/s, as TR 38.901 uses it (3.0e8). */
export const SPEED_OF_LIGHT_M_PER_S = 3.0e8;

/** Mean earth radius, m (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8;
