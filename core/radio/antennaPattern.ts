/**
 * 3GPP sector antenna pattern (TR 38.901 V17 Table 7.3-1 form, with a configurable vertical beamwidth for a
 * panel macro antenna; TR 36.814 Table A.2.1.1-2 uses the same form with 65°/10°) and an omni pattern.
 *
 * Angles: `azimuthOffDeg` is the receiver's bearing minus the sector azimuth (any value, wrapped to
 * [−180, 180]); `elevationDeg` is the receiver's elevation seen from the antenna, positive up (a UE below
 * the mast has a negative elevation). Tilts are downtilts, positive down.
 */
import { degToRad, radToDeg } from '../units';

/** Options of the 3GPP sector pattern. */
export interface SectorPatternOptions {
  /** horizontal half-power beamwidth φ3dB, deg (default 65) */
  horizontalBeamwidthDeg?: number;
  /** vertical half-power beamwidth θ3dB, deg (default 10) */
  verticalBeamwidthDeg?: number;
  /**
   * total downtilt (electrical + mechanical), deg, applied as a shift of the vertical pattern (default 0).
   * Ignored when `mechanicalTiltDeg` or `electricalTiltDeg` is given.
   */
  totalTiltDeg?: number;
  /** mechanical downtilt, deg: rotates the whole antenna (front lobe down, back lobe up) */
  mechanicalTiltDeg?: number;
  /** electrical downtilt, deg: shifts the vertical pattern in the antenna's own frame */
  electricalTiltDeg?: number;
  /** boresight gain, dBi (default 0: the result is then the pattern attenuation) */
  maxGainDbi?: number;
  /** front-to-back ratio A_m, dB (default 30) */
  frontToBackDb?: number;
  /** vertical side-lobe level SLA_V, dB (default 30) */
  sideLobeDb?: number;
}

function wrapDeg(angleDeg: number): number {
  return ((((angleDeg + 180) % 360) + 360) % 360) - 180;
}

/**
 * Gain of a 3GPP sector antenna toward (azimuthOffDeg, elevationDeg), dBi:
 * A_H = −min(12 (φ/φ3dB)², A_m), A_V = −min(12 ((θ + tilt)/θ3dB)², SLA_V), G = G_max − min(−(A_H + A_V), A_m).
 * With a mechanical tilt the direction is first rotated into the antenna frame (TR 38.901 §7.1.3, β = tilt),
 * so the back lobe tilts up; a plain `totalTiltDeg` shifts the vertical pattern in all directions.
 * Never throws; NaN in, NaN out. Source: TR 38.901 V17.0.0 Table 7.3-1; TR 36.814 Table A.2.1.1-2.
 * @example sectorGainDbi(0, -6, { totalTiltDeg: 6, maxGainDbi: 17 }) // 17
 */
export function sectorGainDbi(azimuthOffDeg: number, elevationDeg: number, options: SectorPatternOptions = {}): number {
  const phi3Deg = options.horizontalBeamwidthDeg ?? 65;
  const theta3Deg = options.verticalBeamwidthDeg ?? 10;
  const amDb = options.frontToBackDb ?? 30;
  const slaDb = options.sideLobeDb ?? 30;
  const maxGainDbi = options.maxGainDbi ?? 0;
  let phiDeg = wrapDeg(azimuthOffDeg);
  let elevDeg = elevationDeg;
  let tiltDeg = options.totalTiltDeg ?? 0;
  if (options.mechanicalTiltDeg !== undefined || options.electricalTiltDeg !== undefined) {
    tiltDeg = options.electricalTiltDeg ?? 0;
    if (options.mechanicalTiltDeg) [phiDeg, elevDeg] = toAntennaFrameDeg(phiDeg, elevDeg, options.mechanicalTiltDeg);
  }
  const aHDb = -Math.min(12 * (phiDeg / phi3Deg) ** 2, amDb);
  const aVDb = -Math.min(12 * ((elevDeg + tiltDeg) / theta3Deg) ** 2, slaDb);
  return maxGainDbi - Math.min(-(aHDb + aVDb), amDb);
}

/**
 * Direction (azimuth off boresight, elevation) in the frame of an antenna mechanically tilted down by
 * `mechanicalTiltDeg`, deg: the rotation of TR 38.901 §7.1.3 with β = tilt about the horizontal axis normal
 * to the boresight. Returns [azimuthDeg, elevationDeg]. Never throws.
 * @example toAntennaFrameDeg(0, -6, 6) // [0, 0]
 */
export function toAntennaFrameDeg(azimuthOffDeg: number, elevationDeg: number, mechanicalTiltDeg: number): [number, number] {
  const mechRad = degToRad(mechanicalTiltDeg);
  const aRad = degToRad(azimuthOffDeg);
  const eRad = degToRad(elevationDeg);
  const x = Math.cos(eRad) * Math.cos(aRad);
  const y = Math.cos(eRad) * Math.sin(aRad);
  const z = Math.sin(eRad);
  const xa = x * Math.cos(mechRad) - z * Math.sin(mechRad);
  const za = x * Math.sin(mechRad) + z * Math.cos(mechRad);
  return [radToDeg(Math.atan2(y, xa)), radToDeg(Math.asin(Math.max(-1, Math.min(1, za))))];
}

/**
 * Gain of an omni antenna (micro / small cell), dBi: the vertical pattern of TR 38.901 Table 7.3-1 only,
 * G = G_max − min(12 ((θ + tilt)/θ3dB)², SLA_V). Defaults: θ3dB 30°, tilt 0, SLA_V 20 dB [EST: typical small-cell
 * omni], G_max 0. Never throws. Source: TR 38.901 V17.0.0 Table 7.3-1 (vertical cut).
 * @example omniGainDbi(0, { maxGainDbi: 8 }) // 8
 */
export function omniGainDbi(
  elevationDeg: number,
  options: { verticalBeamwidthDeg?: number; totalTiltDeg?: number; maxGainDbi?: number; sideLobeDb?: number } = {},
): number {
  const theta3Deg = options.verticalBeamwidthDeg ?? 30;
  const slaDb = options.sideLobeDb ?? 20;
  const tiltDeg = options.totalTiltDeg ?? 0;
  return (options.maxGainDbi ?? 0) - Math.min(12 * ((elevationDeg + tiltDeg) / theta3Deg) ** 2, slaDb);
}

/**
 * Elevation of a receiver seen from an antenna, deg (positive up): atan2(rx − tx height, horizontal distance).
 * @example elevationAngleDeg(100, 30, 1.5) // -15.9
 */
export function elevationAngleDeg(horizontalDistanceM: number, txHeightM: number, rxHeightM: number): number {
  return radToDeg(Math.atan2(rxHeightM - txHeightM, horizontalDistanceM));
}

/**
 * Bearing from (fromXM, fromYM) to (toXM, toYM) on a planar grid with y north, deg clockwise from north in [0, 360).
 * @example bearingDeg(0, 0, 10, 0) // 90
 */
export function bearingDeg(fromXM: number, fromYM: number, toXM: number, toYM: number): number {
  const deg = radToDeg(Math.atan2(toXM - fromXM, toYM - fromYM));
  return deg < 0 ? deg + 360 : deg;
}
