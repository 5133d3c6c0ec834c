/**
 * Diffraction over a sampled terrain profile: line of sight, Deygout (up to 3 edges) and Bullington, with
 * the effective-earth bulge (k = 4/3). Sources: ITU-R P.526-15 §4.5 (multiple edges), ITU-R P.1812-6 §4.3.1
 * (Bullington construction), ../shared/reference/radio.md §4.
 *
 * Profile convention: `profileHeightsM[i]` is the ground (or ground + clutter) height AMSL at distance
 * i·stepM from the transmitter; the last sample is under the receiver, so the path length is
 * (n − 1)·stepM. The end samples themselves are not obstacles; the terminals sit at `txHeightAmslM` and
 * `rxHeightAmslM` (antenna heights above mean sea level). NaN samples are skipped (no-data is no obstacle).
 * These functions are hot: they never throw and return NaN (or false) for a NaN terminal or frequency.
 */
import { EARTH_RADIUS_M, SPEED_OF_LIGHT_M_PER_S } from '../units';
import { earthBulgeM, knifeEdgeLossDb } from './diffraction';

/** Options shared by the profile functions. */
export interface ProfileOptions {
  /** effective earth-radius factor k (default 4/3) */
  kFactor?: number;
}

/** Heights of type Float32Array or number[]. */
export type ProfileHeights = Float32Array | Float64Array | readonly number[];

interface Edge {
  index: number;
  v: number;
}

/** The sample of (a, b) with the largest v relative to the chord from (a, ha) to (b, hb). */
function maxEdge(
  heightsM: ProfileHeights,
  stepM: number,
  a: number,
  b: number,
  haM: number,
  hbM: number,
  pathLengthM: number,
  wavelengthM: number,
  kFactor: number,
): Edge {
  let best: Edge = { index: -1, v: -Infinity };
  const xaM = a * stepM;
  const spanM = (b - a) * stepM;
  for (let i = a + 1; i < b; i++) {
    const hM = heightsM[i];
    if (Number.isNaN(hM)) continue;
    const xM = i * stepM;
    const eM = hM + earthBulgeM(xM, pathLengthM - xM, kFactor);
    const d1M = xM - xaM;
    const d2M = spanM - d1M;
    const lineM = haM + ((hbM - haM) * d1M) / spanM;
    const v = (eM - lineM) * Math.sqrt((2 / wavelengthM) * (1 / d1M + 1 / d2M));
    if (v > best.v) best = { index: i, v };
  }
  return best;
}

function bulgedHeightM(heightsM: ProfileHeights, i: number, stepM: number, pathLengthM: number, kFactor: number): number {
  return heightsM[i] + earthBulgeM(i * stepM, pathLengthM - i * stepM, kFactor);
}

function isBadProfileInput(heightsM: ProfileHeights, stepM: number, txM: number, rxM: number, freqMhz: number): boolean {
  return !(stepM > 0) || !Number.isFinite(txM) || !Number.isFinite(rxM) || !(freqMhz > 0) || heightsM.length < 2;
}

/**
 * True when no profile sample (with earth bulge) rises above the straight Tx-Rx ray, lowered by
 * `clearanceFresnelFraction` × the first Fresnel-zone radius (0 = geometric line of sight).
 * @example isLineOfSight([100, 100, 100], 500, 130, 101.5, 3500) // true
 */
export function isLineOfSight(
  profileHeightsM: ProfileHeights,
  stepM: number,
  txHeightAmslM: number,
  rxHeightAmslM: number,
  freqMhz: number,
  options: ProfileOptions & { clearanceFresnelFraction?: number } = {},
): boolean {
  if (isBadProfileInput(profileHeightsM, stepM, txHeightAmslM, rxHeightAmslM, freqMhz)) return false;
  const kFactor = options.kFactor ?? 4 / 3;
  const fraction = options.clearanceFresnelFraction ?? 0;
  const wavelengthM = SPEED_OF_LIGHT_M_PER_S / (freqMhz * 1e6);
  const n = profileHeightsM.length;
  const pathLengthM = (n - 1) * stepM;
  for (let i = 1; i < n - 1; i++) {
    if (Number.isNaN(profileHeightsM[i])) continue;
    const d1M = i * stepM;
    const d2M = pathLengthM - d1M;
    const lineM = txHeightAmslM + ((rxHeightAmslM - txHeightAmslM) * d1M) / pathLengthM;
    const clearanceM = fraction > 0 ? fraction * Math.sqrt((wavelengthM * d1M * d2M) / pathLengthM) : 0;
    if (bulgedHeightM(profileHeightsM, i, stepM, pathLengthM, kFactor) > lineM - clearanceM) return false;
  }
  return true;
}

/**
 * Multiple knife-edge diffraction loss by the Deygout construction, dB. The principal edge p has the largest
 * Fresnel parameter v over the whole path; with `maxEdges` 3 (default) the largest-v edge of each sub-path
 * (Tx→p, p→Rx) is added. No loss when v_p ≤ −0.78.
 * `empiricalCorrection: true` applies L = J(vp) + T·(J(vt) + J(vr) + C), T = 1 − exp(−J(vp)/6),
 * C = 10 + 0.04·D(km), the P.526 general-terrain correction as quoted in radio.md §4 ([UNVERIFIED] exact form);
 * default false = the plain Deygout sum J(vp) + J(vt) + J(vr).
 * Source: J. Deygout, IEEE Trans. AP-14 (1966); ITU-R P.526-15 §4.5.
 * @example deygoutLossDb([500, 500, 560, 500, 500], 500, 530, 501.5, 3500) // one hill: J(v) of the middle edge
 */
export function deygoutLossDb(
  profileHeightsM: ProfileHeights,
  stepM: number,
  txHeightAmslM: number,
  rxHeightAmslM: number,
  freqMhz: number,
  options: ProfileOptions & { maxEdges?: 1 | 2 | 3; empiricalCorrection?: boolean } = {},
): number {
  if (isBadProfileInput(profileHeightsM, stepM, txHeightAmslM, rxHeightAmslM, freqMhz)) return NaN;
  const kFactor = options.kFactor ?? 4 / 3;
  const maxEdges = options.maxEdges ?? 3;
  const wavelengthM = SPEED_OF_LIGHT_M_PER_S / (freqMhz * 1e6);
  const n = profileHeightsM.length;
  const pathLengthM = (n - 1) * stepM;
  const p = maxEdge(profileHeightsM, stepM, 0, n - 1, txHeightAmslM, rxHeightAmslM, pathLengthM, wavelengthM, kFactor);
  if (p.index < 0 || p.v <= -0.78) return 0;
  const jpDb = knifeEdgeLossDb(p.v);
  if (maxEdges === 1) return jpDb;
  const hpM = bulgedHeightM(profileHeightsM, p.index, stepM, pathLengthM, kFactor);
  const t = maxEdge(profileHeightsM, stepM, 0, p.index, txHeightAmslM, hpM, pathLengthM, wavelengthM, kFactor);
  const r = maxEdge(profileHeightsM, stepM, p.index, n - 1, hpM, rxHeightAmslM, pathLengthM, wavelengthM, kFactor);
  const jtDb = t.index >= 0 ? knifeEdgeLossDb(t.v) : 0;
  const jrDb = r.index >= 0 ? knifeEdgeLossDb(r.v) : 0;
  // maxEdges 2: only the larger of the two secondary edges
  const secondaryDb = maxEdges === 2 ? Math.max(jtDb, jrDb) : jtDb + jrDb;
  if (options.empiricalCorrection) {
    const tWeight = 1 - Math.exp(-jpDb / 6);
    return jpDb + tWeight * (secondaryDb + 10 + 0.04 * (pathLengthM / 1000));
  }
  return jpDb + secondaryDb;
}

/**
 * Bullington equivalent knife-edge diffraction loss, dB: the edge where the steepest ray from the
 * transmitter meets the steepest ray from the receiver (or, for a line-of-sight path, the sample with the
 * largest v) gives one J(v). `empiricalCorrection: true` adds (1 − exp(−Luc/6))·(10 + 0.02·D(km)) as in
 * ITU-R P.1812-6 eq. (35). Source: ITU-R P.1812-6 §4.3.1 / P.526-15 §4.5.1 (Bullington construction).
 * @example bullingtonLossDb([500, 500, 560, 500, 500], 500, 530, 501.5, 3500)
 */
export function bullingtonLossDb(
  profileHeightsM: ProfileHeights,
  stepM: number,
  txHeightAmslM: number,
  rxHeightAmslM: number,
  freqMhz: number,
  options: ProfileOptions & { empiricalCorrection?: boolean } = {},
): number {
  if (isBadProfileInput(profileHeightsM, stepM, txHeightAmslM, rxHeightAmslM, freqMhz)) return NaN;
  const kFactor = options.kFactor ?? 4 / 3;
  const wavelengthM = SPEED_OF_LIGHT_M_PER_S / (freqMhz * 1e6);
  const n = profileHeightsM.length;
  const dM = (n - 1) * stepM;
  const directSlope = (rxHeightAmslM - txHeightAmslM) / dM;
  let maxTxSlope = -Infinity;
  let maxRxSlope = -Infinity;
  let maxV = -Infinity;
  for (let i = 1; i < n - 1; i++) {
    if (Number.isNaN(profileHeightsM[i])) continue;
    const xM = i * stepM;
    const eM = bulgedHeightM(profileHeightsM, i, stepM, dM, kFactor);
    maxTxSlope = Math.max(maxTxSlope, (eM - txHeightAmslM) / xM);
    maxRxSlope = Math.max(maxRxSlope, (eM - rxHeightAmslM) / (dM - xM));
    const lineM = txHeightAmslM + directSlope * xM;
    maxV = Math.max(maxV, (eM - lineM) * Math.sqrt((2 * dM) / (wavelengthM * xM * (dM - xM))));
  }
  if (maxTxSlope === -Infinity) return 0;
  let v: number;
  if (maxTxSlope < directSlope) {
    v = maxV;
  } else {
    const dbM = (rxHeightAmslM - txHeightAmslM + maxRxSlope * dM) / (maxTxSlope + maxRxSlope);
    const hbM = txHeightAmslM + maxTxSlope * dbM - (txHeightAmslM * (dM - dbM) + rxHeightAmslM * dbM) / dM;
    v = hbM * Math.sqrt((2 * dM) / (wavelengthM * dbM * (dM - dbM)));
  }
  const lucDb = knifeEdgeLossDb(v);
  if (options.empiricalCorrection) return lucDb + (1 - Math.exp(-lucDb / 6)) * (10 + 0.02 * (dM / 1000));
  return lucDb;
}

/** What horizonEdgeLoss finds on a profile (all 0 for a clear path without a Fresnel-zone edge). */
export interface HorizonEdge {
  /** J(v) of the edge, dB (0 when v <= −0.78) */
  lossDb: number;
  /** height of the edge above the straight Tx-Rx ray, m (negative below; −Infinity when no sample) */
  heightAboveRayM: number;
  /** distance of the edge from the transmitter, m (0 when no sample) */
  distanceFromTxM: number;
}

/**
 * Single knife-edge diffraction over the transmitter's horizon on a profile, the construction of the coverage
 * engine's radial sweep (core/coverage/sweepTerrainLoss.ts): the edge is the sample with the largest elevation
 * angle seen from the transmitter, θ = (z − H_tx)/x − x/(2ka); its height above the direct ray is
 * h = x_e·(θ_e − θ_rx), v = h·sqrt(2/λ·(1/d1 + 1/d2)), loss J(v) (ITU-R P.526-15 eq. (31)). NaN samples are no
 * obstacle. Writes into `out` when given. Never throws; a bad terminal or frequency gives loss NaN.
 * Sources: ITU-R P.526-15 §4.1; ITU-R P.452-17 eq. (14) (earth bulge); radio.md §4.
 * @example horizonEdgeLoss([500, 500, 560, 500, 500], 500, 530, 501.5, 3500).lossDb
 */
export function horizonEdgeLoss(
  profileHeightsM: ProfileHeights,
  stepM: number,
  txHeightAmslM: number,
  rxHeightAmslM: number,
  freqMhz: number,
  options: ProfileOptions = {},
  out: HorizonEdge = { lossDb: 0, heightAboveRayM: -Infinity, distanceFromTxM: 0 },
): HorizonEdge {
  out.lossDb = 0;
  out.heightAboveRayM = -Infinity;
  out.distanceFromTxM = 0;
  if (isBadProfileInput(profileHeightsM, stepM, txHeightAmslM, rxHeightAmslM, freqMhz)) {
    out.lossDb = NaN;
    return out;
  }
  const invTwoKa = 1 / (2 * (options.kFactor ?? 4 / 3) * EARTH_RADIUS_M);
  const n = profileHeightsM.length;
  const dM = (n - 1) * stepM;
  let thetaE = -Infinity;
  let xE = 0;
  for (let i = 1; i < n - 1; i++) {
    const z = profileHeightsM[i];
    if (z !== z) continue;
    const xM = i * stepM;
    const theta = (z - txHeightAmslM) / xM - xM * invTwoKa;
    if (theta > thetaE) {
      thetaE = theta;
      xE = xM;
    }
  }
  if (thetaE === -Infinity) return out;
  const hE = xE * (thetaE - ((rxHeightAmslM - txHeightAmslM) / dM - dM * invTwoKa));
  const v = hE * Math.sqrt((2 * freqMhz * 1e6 * dM) / (SPEED_OF_LIGHT_M_PER_S * xE * (dM - xE)));
  out.lossDb = knifeEdgeLossDb(v);
  out.heightAboveRayM = hE;
  out.distanceFromTxM = xE;
  return out;
}
