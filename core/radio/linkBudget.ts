/**
 * NR downlink link budget: EPRE, SS-RSRP, thermal noise per resource element, SINR and attenuated-Shannon
 * throughput. Sources: ../shared/reference/radio.md §5.2, §6, §7; TR 36.942 Annex A.1.
 */
import type { BandPreset } from './bands';

/**
 * Energy per resource element, dBm: P_total − 10 log10(12·N_PRB) (equal power over all subcarriers).
 * Source: radio.md §5.2 (olaxwifi formula). Never throws.
 * @example epreDbm(53, 273) // 17.8466
 */
export function epreDbm(txPowerDbm: number, prbCount: number): number {
  return txPowerDbm - 10 * Math.log10(12 * prbCount);
}

/**
 * SS-RSRP at the UE, dBm: EPRE + transmit antenna gain toward the UE − path loss + UE antenna gain − other
 * losses (O2I, body, cable). Never throws.
 * @example rsrpDbm(17.85, 24, 120) // -78.15
 */
export function rsrpDbm(
  epreDbmValue: number,
  txGainDbi: number,
  pathLossDb: number,
  options: { ueGainDbi?: number; extraLossDb?: number } = {},
): number {
  return epreDbmValue + txGainDbi - pathLossDb + (options.ueGainDbi ?? 0) - (options.extraLossDb ?? 0);
}

/**
 * Thermal noise over `bandwidthHz`, dBm: −174 + 10 log10(B) + NF (kT at 290 K = −174 dBm/Hz).
 * @example thermalNoiseDbm(273 * 12 * 30e3) // -94.0753
 */
export function thermalNoiseDbm(bandwidthHz: number, noiseFigureDb = 0): number {
  return -174 + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
}

/**
 * Thermal noise in one resource element (one subcarrier), dBm: −174 + 10 log10(SCS) + NF; the reference
 * for SS-RSRP-based SINR. @example thermalNoisePerReDbm(30, 9) // -120.23
 */
export function thermalNoisePerReDbm(scsKhz: number, noiseFigureDb: number): number {
  return thermalNoiseDbm(scsKhz * 1e3, noiseFigureDb);
}

/**
 * SINR, dB: 10 log10(S / (I + N)) with all powers in mW. Never throws (S = 0 gives −Infinity).
 * @example sinrDb(1e-9, 1e-9, 0) // 0
 */
export function sinrDb(signalMw: number, interferenceMw: number, noiseMw: number): number {
  return 10 * Math.log10(signalMw / (interferenceMw + noiseMw));
}

/**
 * Interference from other cells seen on one RE, mW: load × Σ RSRP_j (mW). `loadFactor` is the share of
 * REs the neighbours occupy (0..1). Source: the usual static-load SINR model (e.g. TR 36.942 §4 system
 * simulations) [EST]. @example loadedInterferenceMw([1e-9, 1e-9], 0.5) // 1e-9
 */
export function loadedInterferenceMw(otherRsrpMw: ArrayLike<number>, loadFactor: number): number {
  let sumMw = 0;
  for (let i = 0; i < otherRsrpMw.length; i++) sumMw += otherRsrpMw[i];
  return loadFactor * sumMw;
}

/** Attenuated-Shannon parameters: Thr = α·log2(1 + SINR) between SINR_min and Thr_max. */
export interface ShannonParams {
  alpha: number;
  sinrMinDb: number;
  maxBpsPerHz: number;
}

/** TR 36.942 Table A.2 DL row: α 0.6, SINR_min −10 dB, 4.4 b/s/Hz (radio.md §7). */
export const TR36942_DL: ShannonParams = { alpha: 0.6, sinrMinDb: -10, maxBpsPerHz: 4.4 };
/** TR 36.942 UL row: α 0.4, SINR_min −10 dB, 2.0 b/s/Hz (radio.md §7, [UNVERIFIED]). */
export const TR36942_UL: ShannonParams = { alpha: 0.4, sinrMinDb: -10, maxBpsPerHz: 2.0 };
/** NR-adapted DL: the TR 36.942 α and SINR_min with a 256QAM peak of 5.5 b/s/Hz per layer (radio.md §7 [EST]). */
export const NR_DL_SHANNON: ShannonParams = { alpha: 0.6, sinrMinDb: -10, maxBpsPerHz: 5.5 };

/**
 * Spectral efficiency by attenuated Shannon, b/s/Hz: 0 below SINR_min, α·log2(1 + SINR), capped at Thr_max.
 * Defaults to the TR 36.942 DL row. Source: TR 36.942 Annex A.1. NaN in, NaN out.
 * @example attenuatedShannonBpsPerHz(10) // 2.0757
 */
export function attenuatedShannonBpsPerHz(sinrDbValue: number, params: ShannonParams = TR36942_DL): number {
  if (Number.isNaN(sinrDbValue)) return NaN;
  if (sinrDbValue < params.sinrMinDb) return 0;
  return Math.min(params.alpha * Math.log2(1 + 10 ** (sinrDbValue / 10)), params.maxBpsPerHz);
}

/**
 * Downlink user throughput, Mbps: SE(SINR) × bandwidth × DL duty × layers × (1 − overhead), with the
 * NR-adapted attenuated Shannon by default. Defaults: 1 layer, overhead 0.14 [EST: SSB/PDCCH/DMRS share],
 * the preset's bandwidth and DL duty. Sources: TR 36.942 A.1; radio.md §7.
 * @example attenuatedShannonMbps(10, BAND_PRESETS.n78) // 2.0757 × 100 × 0.7 × 0.86 ≈ 125
 */
export function attenuatedShannonMbps(
  sinrDbValue: number,
  preset: Pick<BandPreset, 'bandwidthMhz' | 'dlDutyFraction'>,
  options: { params?: ShannonParams; layers?: number; overheadFraction?: number } = {},
): number {
  const se = attenuatedShannonBpsPerHz(sinrDbValue, options.params ?? NR_DL_SHANNON);
  return se * preset.bandwidthMhz * preset.dlDutyFraction * (options.layers ?? 1) * (1 - (options.overheadFraction ?? 0.14));
}

/** Coverage thresholds (radio.md §6 [EST] suggested defaults; classes from the C114 NR drive-test post). */
export interface CoverageThresholds {
  goodRsrpDbm: number;
  goodSinrDb: number;
  edgeRsrpDbm: number;
  edgeSinrDb: number;
  edgeDlMbps: number;
  edgeUlMbps: number;
  /** RSRP class lower bounds, dBm: 极好 > −85, 好 −85..−95, 中 −95..−105, 差 −105..−115, 极差 < −115 */
  rsrpClassesDbm: readonly number[];
  /** SINR class lower bounds, dB: 25, 16, 11, 3 */
  sinrClassesDb: readonly number[];
}

/**
 * Default thresholds: good = RSRP ≥ −105 dBm and SINR ≥ 0 dB; edge = −110 dBm and −3 dB; edge rates DL 10,
 * UL 1 Mbps. Source: radio.md §6 (suggested defaults [EST]; edge rates from the China Telecom link budget).
 */
export const DEFAULT_THRESHOLDS: CoverageThresholds = {
  goodRsrpDbm: -105,
  goodSinrDb: 0,
  edgeRsrpDbm: -110,
  edgeSinrDb: -3,
  edgeDlMbps: 10,
  edgeUlMbps: 1,
  rsrpClassesDbm: [-85, -95, -105, -115],
  sinrClassesDb: [25, 16, 11, 3],
};
