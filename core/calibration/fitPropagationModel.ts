import { solveSpd } from './solveSpd';
import { throwIfCancelled, type CancelToken } from '../cancel';
import { LAND_USE_IDS, type LandUseId } from '../propagation/landUse';
import { linkTerms, MODEL_TERM_COUNT, modelCoefficients } from '../propagation/linkLoss';
import { K_FACTOR_NAMES, type KFactors, type PropagationModel } from '../propagation/propagationModel';
import { linkAt, type MeasuredLinks } from './measuredLinks';

/** A term of the model: a K-factor or a land-use class's clutter correction. */
export type ModelTermName = keyof KFactors | `clutter.${LandUseId}`;

/** Every term, in the order of linkTerms. */
export const MODEL_TERM_NAMES: readonly ModelTermName[] = [...K_FACTOR_NAMES, ...LAND_USE_IDS.map((id) => `clutter.${id}` as ModelTermName)];

/** Options of fitPropagationModel. */
export interface FitOptions {
  /** terms kept at the base model's value */
  fixed?: readonly ModelTermName[];
  /**
   * prior standard deviation of each term around the base model's value, in the term's units (ridge toward the
   * base: penalty (σ_residual/τ)² per coefficient; default DEFAULT_PRIOR_SD). With many points the data decide;
   * a term the points say nothing about keeps the base value.
   */
  priorSd?: Partial<Record<ModelTermName, number>>;
  /** bounds on the fitted values (default PHYSICAL_BOUNDS) */
  bounds?: Partial<Record<ModelTermName, [number, number]>>;
  /** only points with a set mask value take part */
  rowMask?: ArrayLike<number>;
  /** points farther than this from their transmitter are left out of the fit, m (default: none) */
  maxDistanceM?: number;
  cancel?: CancelToken;
}

/** Residual standard deviation assumed for the ridge penalty, dB (a typical calibrated model's). */
const RESIDUAL_SD_DB = 9;

/**
 * Prior standard deviations [EST: how far a calibration may plausibly move each term from its reference]:
 * slopes 20 dB/decade, pattern and diffraction weights 1, front-to-back 15 dB, vertical slope 1 dB/°, class
 * corrections 10 dB. The offset is unpenalised (free unless FitOptions.fixed names it).
 */
export const DEFAULT_PRIOR_SD: Readonly<Partial<Record<ModelTermName, number>>> = {
  distanceDbPerDecade: 20, heightDbPerDecade: 20, distanceHeightDb: 20, farDistanceDbPerDecade: 20,
  terrainDiffraction: 1, clutterDiffraction: 1, horizontalPattern: 1, verticalPattern: 1, frontBackDb: 15, verticalSlopeDbPerDeg: 1,
  ...Object.fromEntries(LAND_USE_IDS.map((id) => [`clutter.${id}`, 10])),
};

/**
 * Physical bounds: loss does not fall with distance (near slope >= 0, far slope >= 20 dB/decade, free space) nor
 * grow with antenna height (K3 <= 0 and K5 <= 0: a higher mast loses less, the more so the farther), diffraction
 * and pattern weights 0..2 (never a gain from an obstacle or off-axis), front-to-back and vertical slope >= 0.
 */
export const PHYSICAL_BOUNDS: Readonly<Partial<Record<ModelTermName, [number, number]>>> = {
  distanceDbPerDecade: [0, 80], farDistanceDbPerDecade: [20, 80], heightDbPerDecade: [-80, 0], distanceHeightDb: [-40, 0],
  terrainDiffraction: [0, 2], clutterDiffraction: [0, 2], horizontalPattern: [0, 2], verticalPattern: [0, 2],
  frontBackDb: [0, 40], verticalSlopeDbPerDeg: [0, 3],
};

/**
 * Fits the terms of `base` (its form, its values as priors and for the fixed terms) to the measured points of
 * `links` by ridge least squares on the loss: txDbm − measured − fixed part = Σ K·term (linkTerms; the pattern
 * floor is left out of the fit, it binds only far off-axis). Terms outside their bounds are fixed at the bound
 * and the rest refitted (an active-set pass). The offset is unpenalised unless fixed. Returns a new model (name, kind, fit
 * and sigma as `base`'s: the caller scores it). Throws RangeError with fewer than 10 measured points.
 * Method: Hoerl & Kennard, "Ridge regression", Technometrics 12 (1970), with a prior mean (generalised ridge).
 * @example const model = fitPropagationModel(links, DEFAULT_PROPAGATION_MODEL, { fixed: ['terrainDiffraction'] })
 */
export function fitPropagationModel(links: MeasuredLinks, base: PropagationModel, options: FitOptions = {}): PropagationModel {
  const p = MODEL_TERM_COUNT;
  const prior = modelCoefficients(base);
  const isFixed = new Uint8Array(p);
  for (const name of options.fixed ?? []) {
    const j = MODEL_TERM_NAMES.indexOf(name);
    if (j < 0) throw new RangeError(`fixed: unknown term "${name}"`);
    isFixed[j] = 1;
  }
  const bounds = { ...PHYSICAL_BOUNDS, ...options.bounds };
  const priorSd = { ...DEFAULT_PRIOR_SD, ...options.priorSd };
  const maxD = options.maxDistanceM ?? Infinity;
  // normal equations in raw units, accumulated once: X'X, X'y, with y = txDbm − measured − fixed part − X·prior
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const x = new Float64Array(p);
  let rows = 0;
  for (let i = 0; i < links.rows; i++) {
    if ((options.rowMask && !options.rowMask[i]) || !Number.isFinite(links.measuredDbm[i]) || links.d3DM[i] > maxD) continue;
    if ((i & 4095) === 0) throwIfCancelled(options.cancel);
    const fixedDb = linkTerms(base.form, linkAt(links, i), x);
    let y = links.txDbm[i] - links.measuredDbm[i] - fixedDb;
    for (let j = 0; j < p; j++) y -= prior[j] * x[j];
    if (!Number.isFinite(y)) continue;
    rows++;
    for (let j = 0; j < p; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      xty[j] += xj * y;
      for (let k = j; k < p; k++) xtx[j * p + k] += xj * x[k];
    }
  }
  if (rows < 10) throw new RangeError(`at least 10 measured points are needed to fit, got ${rows}`);
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) xtx[j * p + k] = xtx[k * p + j];
  // active set: fixed terms carry a known deviation from the prior (0, or bound − prior)
  const delta = new Float64Array(p);
  const isHeld = Uint8Array.from(isFixed);
  for (let pass = 0; pass < p; pass++) {
    const free: number[] = [];
    for (let j = 0; j < p; j++) if (!isHeld[j]) free.push(j);
    const q = free.length;
    const a = new Float64Array(q * q);
    const b = new Float64Array(q);
    for (let u = 0; u < q; u++) {
      const j = free[u];
      let rhs = xty[j];
      for (let k = 0; k < p; k++) if (isHeld[k] && delta[k] !== 0) rhs -= xtx[j * p + k] * delta[k];
      b[u] = rhs;
      for (let v = 0; v < q; v++) a[u * q + v] = xtx[j * p + free[v]];
      const sd = priorSd[MODEL_TERM_NAMES[j]];
      // the offset (j = 0) is unpenalised; an empty column keeps its prior through the penalty (or a unit diagonal)
      a[u * q + u] += j === 0 ? (a[u * q + u] === 0 ? 1 : 0) : sd && sd > 0 ? (RESIDUAL_SD_DB / sd) ** 2 : a[u * q + u] === 0 ? 1 : 0;
    }
    const solved = solveSpd(a, b, q);
    let worst = -1;
    let worstBy = 0;
    for (let u = 0; u < q; u++) {
      const j = free[u];
      delta[j] = solved[u];
      const r = bounds[MODEL_TERM_NAMES[j]];
      if (!r) continue;
      const value = prior[j] + delta[j];
      const by = value < r[0] ? r[0] - value : value > r[1] ? value - r[1] : 0;
      if (by > worstBy) {
        worstBy = by;
        worst = j;
      }
    }
    if (worst < 0) break;
    const r = bounds[MODEL_TERM_NAMES[worst]]!;
    delta[worst] = Math.min(Math.max(prior[worst] + delta[worst], r[0]), r[1]) - prior[worst];
    isHeld[worst] = 1;
  }
  const kFactors = { ...base.kFactors };
  K_FACTOR_NAMES.forEach((k, j) => (kFactors[k] = prior[j] + delta[j]));
  const clutterCorrectionDb = { ...base.clutterCorrectionDb };
  LAND_USE_IDS.forEach((id, c) => (clutterCorrectionDb[id] = prior[K_FACTOR_NAMES.length + c] + delta[K_FACTOR_NAMES.length + c]));
  return { ...base, kFactors, clutterCorrectionDb, form: { ...base.form } };
}
