/**
 * ITU-R P.526 single knife-edge diffraction and the effective-earth bulge (../shared/reference/radio.md §4).
 */
import { EARTH_RADIUS_M } from '../units';

/**
 * Knife-edge diffraction loss J(v), dB: 6.9 + 20 log10(sqrt((v − 0.1)² + 1) + v − 0.1) for v > −0.78, else 0.
 * Source: ITU-R P.526-15 eq. (31). NaN in, NaN out.
 * @example knifeEdgeLossDb(0) // 6.0329
 */
export function knifeEdgeLossDb(v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (v <= -0.78) return 0;
  const x = v - 0.1;
  return 6.9 + 20 * Math.log10(Math.sqrt(x * x + 1) + x);
}

/**
 * Fresnel-Kirchhoff diffraction parameter v = h·sqrt((2/λ)(1/d1 + 1/d2)); h is the edge height above the
 * Tx-Rx line (negative below), d1 and d2 the distances to the edge, λ the wavelength, all in m.
 * Source: ITU-R P.526-15 eq. (26).
 * @example fresnelParameterV(20, 1000, 1000, 3e8 / 3.5e9) // 4.3205
 */
export function fresnelParameterV(obstacleHeightAboveLineM: number, d1M: number, d2M: number, wavelengthM: number): number {
  return obstacleHeightAboveLineM * Math.sqrt((2 / wavelengthM) * (1 / d1M + 1 / d2M));
}

/**
 * Earth bulge at a point d1 from one end and d2 from the other, m: d1·d2 / (2 k a), a = 6371 km, k = 4/3
 * by default (standard atmosphere). Source: ITU-R P.452-17 eq. (14); radio.md §4 step 4.
 * @example earthBulgeM(5000, 5000) // 1.47
 */
export function earthBulgeM(d1M: number, d2M: number, kFactor = 4 / 3): number {
  return (d1M * d2M) / (2 * kFactor * EARTH_RADIUS_M);
}
