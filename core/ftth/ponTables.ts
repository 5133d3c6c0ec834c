/**
 * PON reference figures: optical budget classes, splitter insertion losses and ODN splitting schemes.
 * Source: ../shared/reference/ftth.md §1 (jjsats.co.th loss-budget note, scribd "GPON network basics") and §2
 * (jfopt.cn splitting schemes).
 */

/** Optical budget classes: GPON (ITU-T G.984) B+/C+/C++, XGS-PON (G.9807.1) N1/N2/E1. */
export type BudgetClass = 'B+' | 'C+' | 'C++' | 'N1' | 'N2' | 'E1';

/** PON technology of a budget class. */
export type PonTechnology = 'gpon' | 'xgspon';

/** Properties of one budget class. */
export interface BudgetClassSpec {
  technology: PonTechnology;
  /** maximum attenuation between OLT and ONU the optics allow, dB */
  budgetDb: number;
  /**
   * maximum differential reach (nearest to farthest ONU on one port), km; with ONUs next to the OLT this
   * bounds the physical reach: GPON 20 km, XGS-PON 40 km (vendor practice)
   */
  maxDifferentialReachKm: number;
}

/**
 * Budget classes, ftth.md §1: B+ 28, C+ 32, C++ 33 dB (GPON); N1 29, N2 31, E1 33 dB (XGS-PON).
 * @example BUDGET_CLASSES['C+'].budgetDb // 32
 */
export const BUDGET_CLASSES: Readonly<Record<BudgetClass, BudgetClassSpec>> = {
  'B+': { technology: 'gpon', budgetDb: 28, maxDifferentialReachKm: 20 },
  'C+': { technology: 'gpon', budgetDb: 32, maxDifferentialReachKm: 20 },
  'C++': { technology: 'gpon', budgetDb: 33, maxDifferentialReachKm: 20 },
  N1: { technology: 'xgspon', budgetDb: 29, maxDifferentialReachKm: 40 },
  N2: { technology: 'xgspon', budgetDb: 31, maxDifferentialReachKm: 40 },
  E1: { technology: 'xgspon', budgetDb: 33, maxDifferentialReachKm: 40 },
};

/** Splitting schemes used in Chinese ODNs (ftth.md §2): one-stage 1:32/1:64, two-stage 1:4x1:8 ... */
export type SplitScheme = '1:32' | '1:64' | '1:4x1:8' | '1:4x1:16' | '1:8x1:8';

/** All splitting schemes, from the lowest total split to the highest. */
export const SPLIT_SCHEMES: readonly SplitScheme[] = ['1:32', '1:4x1:8', '1:64', '1:4x1:16', '1:8x1:8'];

/**
 * PLC splitter insertion loss by ratio, dB. ftth.md §1 gives ranges; 1:4 (7.1) and 1:16 (13.7) are the
 * worked example's values, the others the middle of the published range [EST].
 * @example PLC_SPLITTER_LOSS_DB[32] // 17
 */
export const PLC_SPLITTER_LOSS_DB: Readonly<Record<2 | 4 | 8 | 16 | 32 | 64 | 128, number>> = {
  2: 3.55,
  4: 7.1,
  8: 10.5,
  16: 13.7,
  32: 17,
  64: 20.25,
  128: 23.5,
};

/** Splitter stages (ratios) of each scheme, OLT side first. */
export const SCHEME_STAGES: Readonly<Record<SplitScheme, readonly (keyof typeof PLC_SPLITTER_LOSS_DB)[]>> = {
  '1:32': [32],
  '1:64': [64],
  '1:4x1:8': [4, 8],
  '1:4x1:16': [4, 16],
  '1:8x1:8': [8, 8],
};

/** Design fibre attenuation, dB/km: 0.4 (G.652D measures 0.25-0.35; ftth.md §1 "use 0.4 for design margin"). */
export const DESIGN_FIBRE_LOSS_DB_PER_KM = 0.4;
/** Fusion splice loss, dB (ftth.md §1: ~0.1). */
export const SPLICE_LOSS_DB = 0.1;
/** Connector / adapter loss, dB (ftth.md §1: 0.4-0.5; the worked example uses 0.4). */
export const CONNECTOR_LOSS_DB = 0.4;
