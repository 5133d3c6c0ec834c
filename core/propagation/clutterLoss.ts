import { knifeEdgeLossDb } from '../radio/diffraction';
import { LAND_USE_CLASSES, type LandUseCode } from './landUse';

/** Street width of P.2108-1 §3.1 when none is known, m. */
export const P2108_STREET_WIDTH_M = 27;

/**
 * ITU-R P.2108-1 §3.1 height-gain terminal correction, dB: the median loss of a terminal at height `heightM`
 * inside clutter of representative height `clutterHeightM`, relative to a terminal at the clutter height.
 * Eq. (2a), buildings and trees: J(ν) − 6.03 with ν = 0.342·sqrt(f)·sqrt(h_dif·θ_clut), h_dif = R − h,
 * θ_clut = atan(h_dif / w_s) in degrees; eq. (2b), open land and water: −(21.8 + 6.2 log10 f)·log10(h / R).
 * 0 when h >= R. P.2108 states 0.03-3 GHz; above 3 GHz (n78, n79) the formula is extrapolated.
 * Never throws; NaN in, NaN out.
 * Source: Recommendation ITU-R P.2108-1 (2021) §3.1, eqs. (2a)-(2g).
 * @example p2108TerminalLossDb(2.6, 1.5, 15, '2a') // 27.2
 */
export function p2108TerminalLossDb(
  freqGhz: number,
  heightM: number,
  clutterHeightM: number,
  equation: '2a' | '2b',
  streetWidthM = P2108_STREET_WIDTH_M,
): number {
  if (![freqGhz, heightM, clutterHeightM, streetWidthM].every(Number.isFinite)) return NaN;
  if (heightM >= clutterHeightM) return 0;
  if (equation === '2b') return -(21.8 + 6.2 * Math.log10(freqGhz)) * Math.log10(heightM / clutterHeightM);
  const hDifM = clutterHeightM - heightM;
  const thetaDeg = (Math.atan(hDifM / streetWidthM) * 180) / Math.PI;
  const nu = 0.342 * Math.sqrt(freqGhz) * Math.sqrt(hDifM * thetaDeg);
  return knifeEdgeLossDb(nu) - 6.03;
}

/**
 * The reference clutter loss of a receiver at `ueHeightM` in land-use class `code`, dB: P.2108-1 §3.1 with the
 * class's equation and representative height (LAND_USE_CLASSES); 0 for classes without clutter (open, water,
 * unknown). The propagation model adds its calibrated per-class correction on top.
 * @example referenceClutterLossDb(LAND_USE.denseUrban, 2.6, 1.5) // 29.7
 */
export function referenceClutterLossDb(code: LandUseCode, freqGhz: number, ueHeightM: number): number {
  const info = LAND_USE_CLASSES[code];
  if (!info || info.terminalEquation === 'none') return 0;
  return p2108TerminalLossDb(freqGhz, ueHeightM, info.terminalClutterHeightM, info.terminalEquation);
}
