/**
 * 3GPP TR 38.901 (V17) Table 7.4.1-1 path loss for UMa, UMi-Street-Canyon and RMa, LOS and NLOS.
 * Conventions (TR 38.901 Table 7.4.1-1 notes): fc in GHz inside the log terms, c = 3.0e8 m/s,
 * d3D = sqrt(d2D² + (hBS − hUT)²). Cross-checked against ns-3 three-gpp-propagation-loss-model.cc
 * (see ../shared/reference/radio.md §1).
 *
 * The path-loss functions are hot (called per raster cell): they never throw. Outside their validity
 * ranges they extrapolate the formula; a non-finite or non-positive input gives NaN. Public entries check
 * their arguments once with `assertPathLossInputs`.
 */
import { SPEED_OF_LIGHT_M_PER_S } from '../units';

/** TR 38.901 scenarios implemented here: urban macro, urban micro street canyon, rural macro. */
export type Scenario38901 = 'UMa' | 'UMi' | 'RMa';

/** RMa environment parameters (TR 38.901 Table 7.4.1-1, RMa notes). */
export interface RmaOptions {
  /** average building height h, m (default 5, valid 5-50) */
  avgBuildingHeightM?: number;
  /** average street width W, m (default 20, valid 5-50) */
  streetWidthM?: number;
}

/** Validity ranges of TR 38.901 Table 7.4.1-1 and §7.4.1 (frequency 0.5-100 GHz, RMa 0.5-30 GHz). */
export const PATH_LOSS_38901_VALIDITY: Record<
  Scenario38901,
  { freqGhz: [number, number]; d2DM: [number, number]; d2DNlosMaxM: number; hUtM: [number, number]; hBsM: [number, number] }
> = {
  // UMa: hBS = 25 m nominal; other mast heights are accepted (extrapolated) in [10, 150] m.
  UMa: { freqGhz: [0.5, 100], d2DM: [10, 5000], d2DNlosMaxM: 5000, hUtM: [1.5, 22.5], hBsM: [10, 150] },
  // UMi: hBS = 10 m nominal; accepted in [3, 50] m.
  UMi: { freqGhz: [0.5, 100], d2DM: [10, 5000], d2DNlosMaxM: 5000, hUtM: [1.5, 22.5], hBsM: [3, 50] },
  RMa: { freqGhz: [0.5, 30], d2DM: [10, 10000], d2DNlosMaxM: 5000, hUtM: [1, 10], hBsM: [10, 150] },
};

function d3DM(d2DM: number, hBsM: number, hUtM: number): number {
  return Math.hypot(d2DM, hBsM - hUtM);
}

function isBadInput(d2DM: number, hBsM: number, hUtM: number, freqGhz: number): boolean {
  return !(d2DM >= 0) || !(hBsM > 0) || !(hUtM > 0) || !(freqGhz > 0) || !Number.isFinite(d2DM + hBsM + hUtM + freqGhz);
}

/**
 * UMa/UMi breakpoint distance d'BP = 4 h'BS h'UT fc / c with h' = h − hE, hE = 1 m (the deterministic
 * case of TR 38.901 Table 7.4.1-1 note 1; for UMa and hUT ≥ 13 m the standard draws hE at random).
 * @example breakpointDistancePrimeM(25, 1.5, 3.5) // 560
 */
export function breakpointDistancePrimeM(hBsM: number, hUtM: number, freqGhz: number, options: { effectiveEnvHeightM?: number } = {}): number {
  const hEM = options.effectiveEnvHeightM ?? 1;
  return (4 * (hBsM - hEM) * (hUtM - hEM) * freqGhz * 1e9) / SPEED_OF_LIGHT_M_PER_S;
}

/**
 * RMa breakpoint dBP = 2π hBS hUT fc / c with the actual antenna heights (TR 38.901 Table 7.4.1-1 note 5).
 * @example breakpointDistanceRmaM(35, 1.5, 0.7) // 769.69
 */
export function breakpointDistanceRmaM(hBsM: number, hUtM: number, freqGhz: number): number {
  return (2 * Math.PI * hBsM * hUtM * freqGhz * 1e9) / SPEED_OF_LIGHT_M_PER_S;
}

function umaLosDb(d2DM: number, hBsM: number, hUtM: number, freqGhz: number): number {
  const d3 = d3DM(d2DM, hBsM, hUtM);
  const dBpM = breakpointDistancePrimeM(hBsM, hUtM, freqGhz);
  const fTerm = 20 * Math.log10(freqGhz);
  if (d2DM <= dBpM) return 28.0 + 22 * Math.log10(d3) + fTerm;
  return 28.0 + 40 * Math.log10(d3) + fTerm - 9 * Math.log10(dBpM * dBpM + (hBsM - hUtM) ** 2);
}

/**
 * TR 38.901 UMa path loss, dB. LOS: PL1 (22 log d3D) up to d'BP, PL2 (40 log d3D) beyond, hE = 1 m.
 * NLOS: max(PL_LOS, 13.54 + 39.08 log10 d3D + 20 log10 fc − 0.6 (hUT − 1.5)).
 * Valid 10 m ≤ d2D ≤ 5 km, 1.5 ≤ hUT ≤ 22.5 m, 0.5-100 GHz; extrapolated outside; NaN for bad input.
 * `options.optionalNlos` selects the optional NLOS form 32.4 + 20 log10 fc + 30 log10 d3D instead.
 * Source: TR 38.901 V17.0.0 Table 7.4.1-1.
 * @example pathLossUmaDb(100, 25, 1.5, 3.5, false) // 103.04
 */
export function pathLossUmaDb(
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  isLos: boolean,
  options: { optionalNlos?: boolean } = {},
): number {
  if (isBadInput(d2DM, hBsM, hUtM, freqGhz)) return NaN;
  if (!isLos && options.optionalNlos) return 32.4 + 20 * Math.log10(freqGhz) + 30 * Math.log10(d3DM(d2DM, hBsM, hUtM));
  const losDb = umaLosDb(d2DM, hBsM, hUtM, freqGhz);
  if (isLos) return losDb;
  const nlosPrimeDb = 13.54 + 39.08 * Math.log10(d3DM(d2DM, hBsM, hUtM)) + 20 * Math.log10(freqGhz) - 0.6 * (hUtM - 1.5);
  return Math.max(losDb, nlosPrimeDb);
}

function umiLosDb(d2DM: number, hBsM: number, hUtM: number, freqGhz: number): number {
  const d3 = d3DM(d2DM, hBsM, hUtM);
  const dBpM = breakpointDistancePrimeM(hBsM, hUtM, freqGhz);
  const fTerm = 20 * Math.log10(freqGhz);
  if (d2DM <= dBpM) return 32.4 + 21 * Math.log10(d3) + fTerm;
  return 32.4 + 40 * Math.log10(d3) + fTerm - 9.5 * Math.log10(dBpM * dBpM + (hBsM - hUtM) ** 2);
}

/**
 * TR 38.901 UMi-Street-Canyon path loss, dB. LOS: 32.4 + 21 log10 d3D + 20 log10 fc up to d'BP (hE = 1 m),
 * 40 log10 d3D beyond. NLOS: max(PL_LOS, 35.3 log10 d3D + 22.4 + 21.3 log10 fc − 0.3 (hUT − 1.5)).
 * Valid 10 m ≤ d2D ≤ 5 km, 0.5-100 GHz; extrapolated outside; NaN for bad input.
 * `options.optionalNlos` selects the optional NLOS form 32.4 + 20 log10 fc + 31.9 log10 d3D instead.
 * Source: TR 38.901 V17.0.0 Table 7.4.1-1.
 * @example pathLossUmiDb(200, 10, 1.5, 3.5, false) // 115.23
 */
export function pathLossUmiDb(
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  isLos: boolean,
  options: { optionalNlos?: boolean } = {},
): number {
  if (isBadInput(d2DM, hBsM, hUtM, freqGhz)) return NaN;
  if (!isLos && options.optionalNlos) return 32.4 + 20 * Math.log10(freqGhz) + 31.9 * Math.log10(d3DM(d2DM, hBsM, hUtM));
  const losDb = umiLosDb(d2DM, hBsM, hUtM, freqGhz);
  if (isLos) return losDb;
  const nlosPrimeDb = 35.3 * Math.log10(d3DM(d2DM, hBsM, hUtM)) + 22.4 + 21.3 * Math.log10(freqGhz) - 0.3 * (hUtM - 1.5);
  return Math.max(losDb, nlosPrimeDb);
}

function rmaPl1Db(d3M: number, freqGhz: number, hM: number): number {
  const h172 = hM ** 1.72;
  return (
    20 * Math.log10((40 * Math.PI * d3M * freqGhz) / 3) +
    Math.min(0.03 * h172, 10) * Math.log10(d3M) -
    Math.min(0.044 * h172, 14.77) +
    0.002 * Math.log10(hM) * d3M
  );
}

function rmaLosDb(d2DM: number, hBsM: number, hUtM: number, freqGhz: number, hM: number): number {
  const dBpM = breakpointDistanceRmaM(hBsM, hUtM, freqGhz);
  const d3 = d3DM(d2DM, hBsM, hUtM);
  if (d2DM <= dBpM) return rmaPl1Db(d3, freqGhz, hM);
  // PL2 = PL1(dBP) + 40 log10(d3D/dBP), dBP used literally as in the spec and ns-3 (radio.md §8).
  return rmaPl1Db(dBpM, freqGhz, hM) + 40 * Math.log10(d3 / dBpM);
}

/**
 * TR 38.901 RMa path loss, dB. LOS: PL1 up to dBP = 2π hBS hUT fc/c, PL2 = PL1(dBP) + 40 log10(d3D/dBP) beyond.
 * NLOS: max(PL_LOS, PL'NLOS) with the street-width W and building-height h terms.
 * Valid 10 m ≤ d2D ≤ 10 km (LOS) / 5 km (NLOS), 10 ≤ hBS ≤ 150 m, 1 ≤ hUT ≤ 10 m, 0.5-30 GHz;
 * extrapolated outside; NaN for bad input. Source: TR 38.901 V17.0.0 Table 7.4.1-1.
 * @example pathLossRmaDb(1000, 35, 1.5, 0.7, false) // 116.44
 */
export function pathLossRmaDb(
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  isLos: boolean,
  options: RmaOptions = {},
): number {
  const hM = options.avgBuildingHeightM ?? 5;
  const wM = options.streetWidthM ?? 20;
  if (isBadInput(d2DM, hBsM, hUtM, freqGhz) || !(hM > 0) || !(wM > 0)) return NaN;
  const losDb = rmaLosDb(d2DM, hBsM, hUtM, freqGhz, hM);
  if (isLos) return losDb;
  const d3 = d3DM(d2DM, hBsM, hUtM);
  const nlosPrimeDb =
    161.04 -
    7.1 * Math.log10(wM) +
    7.5 * Math.log10(hM) -
    (24.37 - 3.7 * (hM / hBsM) ** 2) * Math.log10(hBsM) +
    (43.42 - 3.1 * Math.log10(hBsM)) * (Math.log10(d3) - 3) +
    20 * Math.log10(freqGhz) -
    (3.2 * Math.log10(11.75 * hUtM) ** 2 - 4.97);
  return Math.max(losDb, nlosPrimeDb);
}

/**
 * Path loss of `scenario`, dB; dispatches to pathLossUmaDb / pathLossUmiDb / pathLossRmaDb. Never throws.
 * @example pathLoss38901Db('RMa', 1000, 35, 1.5, 2.6, true) // 102.88
 */
export function pathLoss38901Db(
  scenario: Scenario38901,
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  isLos: boolean,
  options: RmaOptions = {},
): number {
  if (scenario === 'UMa') return pathLossUmaDb(d2DM, hBsM, hUtM, freqGhz, isLos);
  if (scenario === 'UMi') return pathLossUmiDb(d2DM, hBsM, hUtM, freqGhz, isLos);
  return pathLossRmaDb(d2DM, hBsM, hUtM, freqGhz, isLos, options);
}

/**
 * TR 38.901 Table 7.4.2-1 LOS probability (0..1) for an outdoor UT. UMa depends on hUT (C'(hUT) for
 * 13 < hUT ≤ 23 m); UMi and RMa do not. NaN for a negative or non-finite distance. Never throws.
 * @example losProbability('UMa', 200, 1.5) // 0.1280
 */
export function losProbability(scenario: Scenario38901, d2DM: number, hUtM = 1.5): number {
  if (!(d2DM >= 0) || !Number.isFinite(d2DM) || !Number.isFinite(hUtM)) return NaN;
  if (scenario === 'RMa') return d2DM <= 10 ? 1 : Math.exp(-(d2DM - 10) / 1000);
  if (d2DM <= 18) return 1;
  if (scenario === 'UMi') return 18 / d2DM + Math.exp(-d2DM / 36) * (1 - 18 / d2DM);
  const cPrime = hUtM <= 13 ? 0 : ((Math.min(hUtM, 23) - 13) / 10) ** 1.5;
  return (
    (18 / d2DM + Math.exp(-d2DM / 63) * (1 - 18 / d2DM)) *
    (1 + cPrime * (5 / 4) * (d2DM / 100) ** 3 * Math.exp(-d2DM / 150))
  );
}

/**
 * Expected path loss with LOS unknown: P·PL_LOS + (1 − P)·PL_NLOS (radio.md §2, deterministic blend for
 * maps without a DEM). Never throws.
 * @example pathLossLosBlendDb('UMa', 200, 25, 1.5, 3.5)
 */
export function pathLossLosBlendDb(
  scenario: Scenario38901,
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  options: RmaOptions = {},
): number {
  const p = losProbability(scenario, d2DM, hUtM);
  return (
    p * pathLoss38901Db(scenario, d2DM, hBsM, hUtM, freqGhz, true, options) +
    (1 - p) * pathLoss38901Db(scenario, d2DM, hBsM, hUtM, freqGhz, false, options)
  );
}

function checkRange(name: string, value: number, range: [number, number], unit: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  if (value < range[0] || value > range[1]) {
    throw new RangeError(`${name} must be in [${range[0]}, ${range[1]}] ${unit}, got ${value}`);
  }
}

/**
 * Checks path-loss inputs once at a public entry; throws RangeError naming the bad argument.
 * Frequency and UT height must be inside the scenario's TR 38.901 range, heights must be finite and
 * inside the accepted range; distance must be finite and ≥ 0 (and, with `options.strictDistance`, inside
 * the validity range — otherwise short and long distances are extrapolated by the hot functions).
 * Source: TR 38.901 V17.0.0 §7.4.1 and Table 7.4.1-1.
 * @example assertPathLossInputs('RMa', 1000, 35, 1.5, 40) // throws RangeError: freqGhz must be in [0.5, 30] GHz, got 40
 */
export function assertPathLossInputs(
  scenario: Scenario38901,
  d2DM: number,
  hBsM: number,
  hUtM: number,
  freqGhz: number,
  options: RmaOptions & { strictDistance?: boolean } = {},
): void {
  const v = PATH_LOSS_38901_VALIDITY[scenario];
  if (!v) throw new RangeError(`scenario must be one of UMa, UMi, RMa, got ${String(scenario)}`);
  checkRange('freqGhz', freqGhz, v.freqGhz, 'GHz');
  checkRange('hBsM', hBsM, v.hBsM, 'm');
  checkRange('hUtM', hUtM, v.hUtM, 'm');
  if (!Number.isFinite(d2DM) || d2DM < 0) throw new RangeError(`d2DM must be a finite distance >= 0 m, got ${d2DM}`);
  if (options.strictDistance) checkRange('d2DM', d2DM, v.d2DM, 'm');
  if (scenario === 'RMa') {
    if (options.avgBuildingHeightM !== undefined) checkRange('avgBuildingHeightM', options.avgBuildingHeightM, [5, 50], 'm');
    if (options.streetWidthM !== undefined) checkRange('streetWidthM', options.streetWidthM, [5, 50], 'm');
  }
}
