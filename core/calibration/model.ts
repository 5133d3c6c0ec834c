/**
 * Calibrated RSRP model: fit, apply, serialise. The model is linear in named path-geometry features
 * (features.ts), fitted by ridge least squares (fitRidge.ts) to RSRP − (RS power − 20 log10 f/GHz):
 *   RSRP = RSpower − 20 log10(f) + K0 + Σ K_j · feature_j.
 * Optional weak-coverage emphasis: predictions are spread around the training mean by a factor s ≥ 1 chosen
 * by inner cross-validation by cell, so that weak coverage (RSRP < −103 dBm) is recognised more often at a
 * bounded RMSE cost (the least-squares mean under-predicts extremes).
 */
import type { CancelToken, ProgressFn } from '../cancel';
import {
  computePathGeometry,
  DEFAULT_FEATURE_NAMES,
  DEFAULT_GEOMETRY_OPTIONS,
  featureMatrix,
  FEATURES,
  type FeatureMatrix,
  type GeometryOptions,
  type PathGeometry,
} from './features';
import { fitRidge, predictLinear } from './fitRidge';
import type { MeasurementSet } from './measurement';
import { scorePredictions, type PredictionScores } from './metrics';

export const MODEL_FORMAT = 'qcplan-rsrp-calibration';
export const MODEL_VERSION = 1;

/** A calibrated model as stored in model.json. */
export interface CalibratedModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  description: string;
  geometry: GeometryOptions;
  features: string[];
  /** K0, dB */
  intercept: number;
  /** K_j per feature, same order as `features` */
  coefficients: number[];
  /** ridge penalty (scale-free, per standardised coefficient and row) */
  lambda: number;
  /** spread factor s applied around `centreDbm` (1 = least-squares mean) */
  spread: number;
  /** mean training prediction, dBm */
  centreDbm: number;
  weakThresholdDbm: number;
  training: { cells: string[]; rows: number; scores: PredictionScores; scoresBeforeSpread: PredictionScores };
}

/** Options of calibrateModel. */
export interface CalibrateOptions {
  features?: readonly string[];
  /** ridge penalty (default 1e-3) */
  lambda?: number;
  /** 'weak' (default) chooses a spread s ≥ 1 by inner CV; 'mean' keeps s = 1; a number fixes s */
  emphasis?: 'weak' | 'mean' | number;
  /** with 'weak', the largest allowed inner-CV RMSE increase over s = 1, as a fraction (default 0.04) */
  rmseTolerance?: number;
  weakThresholdDbm?: number;
  geometry?: Partial<GeometryOptions>;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

const SPREAD_GRID = [1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.5];

function rowMaskForCells(cellIndex: Int32Array, cells: ReadonlySet<number>): Uint8Array {
  const mask = new Uint8Array(cellIndex.length);
  for (let i = 0; i < cellIndex.length; i++) mask[i] = cells.has(cellIndex[i]) ? 1 : 0;
  return mask;
}

/**
 * Chooses the spread by `folds`-fold cross-validation by cell inside the training rows: the s of SPREAD_GRID
 * with the best PCRR whose RMSE is within (1 + tolerance) of the s = 1 RMSE.
 */
function chooseSpread(fm: FeatureMatrix, trainMask: Uint8Array, lambda: number, tolerance: number, thresholdDbm: number, folds = 4): number {
  const cells = [...new Set(Array.from(fm.cellIndex).filter((_, i) => trainMask[i]))].sort((a, b) => a - b);
  if (cells.length < 2) return 1;
  const k = Math.min(folds, cells.length);
  const inner = new Float64Array(fm.rows).fill(NaN);
  for (let f = 0; f < k; f++) {
    const testCells = new Set(cells.filter((_, j) => j % k === f));
    const trMask = new Uint8Array(fm.rows);
    for (let i = 0; i < fm.rows; i++) trMask[i] = trainMask[i] && !testCells.has(fm.cellIndex[i]) ? 1 : 0;
    const fit = fitRidge(fm.values, fm.rows, fm.names.length, fm.targetDb, { lambda, rowMask: trMask });
    const pred = predictLinear(fit, fm.values, fm.rows, fm.names.length, fm.offsetDb);
    for (let i = 0; i < fm.rows; i++) if (trainMask[i] && testCells.has(fm.cellIndex[i])) inner[i] = pred[i];
  }
  const measured = new Float64Array(fm.rows);
  let centre = 0;
  let n = 0;
  for (let i = 0; i < fm.rows; i++) {
    measured[i] = fm.targetDb[i] + fm.offsetDb[i];
    if (Number.isFinite(inner[i]) && Number.isFinite(measured[i])) {
      centre += inner[i];
      n++;
    }
  }
  centre /= Math.max(n, 1);
  const spreadPred = new Float64Array(fm.rows);
  let best = 1;
  let bestPcrr = -1;
  let baseRmse = NaN;
  for (const s of SPREAD_GRID) {
    for (let i = 0; i < fm.rows; i++) spreadPred[i] = centre + s * (inner[i] - centre);
    const sc = scorePredictions(spreadPred, measured, { weakThresholdDbm: thresholdDbm });
    if (s === 1) baseRmse = sc.rmseDb;
    if (sc.rmseDb <= baseRmse * (1 + tolerance) && sc.pcrr > bestPcrr) {
      best = s;
      bestPcrr = sc.pcrr;
    }
  }
  return best;
}

/**
 * Fits a CalibratedModel to the measured points of `set` (points with NaN RSRP are ignored for the fit).
 * Throws RangeError for an unknown feature, a bad lambda, or fewer than 10 measured points.
 * @example const model = calibrateModel(set); model.training.scores.rmseDb
 */
export function calibrateModel(set: MeasurementSet, options: CalibrateOptions = {}): CalibratedModel {
  const names = [...(options.features ?? DEFAULT_FEATURE_NAMES)];
  for (const name of names) if (!FEATURES[name]) throw new RangeError(`features: unknown feature name "${name}"`);
  const lambda = options.lambda ?? 1e-3;
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a finite number >= 0, got ${lambda}`);
  const emphasis = options.emphasis ?? 'weak';
  if (typeof emphasis === 'number' && !(emphasis > 0)) throw new RangeError(`emphasis must be 'weak', 'mean' or a spread > 0, got ${emphasis}`);
  const measuredCount = set.points.filter((p) => Number.isFinite(p.rsrpDbm)).length;
  if (measuredCount < 10) throw new RangeError(`set must contain at least 10 points with a measured RSRP, got ${measuredCount}`);
  const geometryOptions: GeometryOptions = { ...DEFAULT_GEOMETRY_OPTIONS, ...options.geometry };
  const geometry = computePathGeometry(set, { ...geometryOptions, cancel: options.cancel, onProgress: options.onProgress });
  return calibrateFromGeometry(set, geometry, { ...options, features: names, lambda, emphasis, geometry: geometryOptions });
}

/**
 * As calibrateModel, from an already computed geometry (cross-validation computes the geometry once);
 * `rowMask` selects the training rows.
 */
export function calibrateFromGeometry(
  set: MeasurementSet,
  geometry: PathGeometry,
  options: CalibrateOptions & { rowMask?: Uint8Array } = {},
): CalibratedModel {
  const names = [...(options.features ?? DEFAULT_FEATURE_NAMES)];
  const lambda = options.lambda ?? 1e-3;
  const geometryOptions: GeometryOptions = { ...DEFAULT_GEOMETRY_OPTIONS, ...options.geometry };
  const thresholdDbm = options.weakThresholdDbm ?? -103;
  const fm = featureMatrix(geometry, names, geometryOptions);
  const trainMask = options.rowMask ?? new Uint8Array(fm.rows).fill(1);
  const fit = fitRidge(fm.values, fm.rows, names.length, fm.targetDb, { lambda, rowMask: trainMask });
  const pred = predictLinear(fit, fm.values, fm.rows, names.length, fm.offsetDb);
  const measured = new Float64Array(fm.rows);
  let centre = 0;
  let n = 0;
  for (let i = 0; i < fm.rows; i++) {
    measured[i] = geometry.measuredRsrpDbm[i];
    if (trainMask[i] && Number.isFinite(measured[i])) {
      centre += pred[i];
      n++;
    }
  }
  centre /= Math.max(n, 1);
  const emphasis = options.emphasis ?? 'weak';
  const spread =
    typeof emphasis === 'number'
      ? emphasis
      : emphasis === 'mean'
        ? 1
        : chooseSpread(fm, trainMask, lambda, options.rmseTolerance ?? 0.04, thresholdDbm);
  const spreadPred = pred.map((p) => centre + spread * (p - centre));
  const trainCells = new Set<number>();
  for (let i = 0; i < fm.rows; i++) if (trainMask[i]) trainCells.add(fm.cellIndex[i]);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    description:
      'RSRP = RSpower - 20log10(f/GHz) + intercept + sum(coefficients * features); then centre + spread * (RSRP - centre). ' +
      'Features: core/calibration/features.ts. Fitted by ridge least squares (qcplan calibrate).',
    geometry: geometryOptions,
    features: names,
    intercept: fit.intercept,
    coefficients: fit.coefficients,
    lambda,
    spread,
    centreDbm: centre,
    weakThresholdDbm: thresholdDbm,
    training: {
      cells: [...trainCells].sort((a, b) => a - b).map((c) => set.cells[c].cellId),
      rows: fit.rows,
      scores: scorePredictions(spreadPred, measured, { weakThresholdDbm: thresholdDbm, mask: trainMask }),
      scoresBeforeSpread: scorePredictions(pred, measured, { weakThresholdDbm: thresholdDbm, mask: trainMask }),
    },
  };
}

/**
 * Predicted RSRP, dBm, for every point of `set` (input order). Pass `geometry` to reuse one computed with the
 * model's geometry options.
 * @example predictWithModel(model, set)[0]
 */
export function predictWithModel(
  model: CalibratedModel,
  set: MeasurementSet,
  options: { geometry?: PathGeometry; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): Float64Array {
  const geometry = options.geometry ?? computePathGeometry(set, { ...model.geometry, cancel: options.cancel, onProgress: options.onProgress });
  const fm = featureMatrix(geometry, model.features, model.geometry);
  const pred = predictLinear(
    { intercept: model.intercept, coefficients: model.coefficients, rows: 0 },
    fm.values,
    fm.rows,
    model.features.length,
    fm.offsetDb,
  );
  for (let i = 0; i < pred.length; i++) pred[i] = model.centreDbm + model.spread * (pred[i] - model.centreDbm);
  return pred;
}

/**
 * Parses and checks a model.json text; throws Error naming the bad field.
 * @example parseCalibratedModel(JSON.stringify(model))
 */
export function parseCalibratedModel(text: string): CalibratedModel {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (err) {
    throw new Error(`model is not valid JSON: ${(err as Error).message}`);
  }
  const m = x as Partial<CalibratedModel>;
  if (!m || typeof m !== 'object' || m.format !== MODEL_FORMAT) throw new Error(`model.format must be "${MODEL_FORMAT}"`);
  if (m.version !== MODEL_VERSION) throw new Error(`model.version ${String(m.version)} is not supported (expected ${MODEL_VERSION})`);
  if (!Array.isArray(m.features) || !m.features.every((f) => typeof f === 'string' && FEATURES[f])) {
    throw new Error('model.features must be a list of known feature names');
  }
  if (!Array.isArray(m.coefficients) || m.coefficients.length !== m.features.length || !m.coefficients.every(Number.isFinite)) {
    throw new Error('model.coefficients must be finite numbers, one per feature');
  }
  for (const key of ['intercept', 'spread', 'centreDbm', 'weakThresholdDbm'] as const) {
    if (!Number.isFinite(m[key])) throw new Error(`model.${key} must be a finite number`);
  }
  return { ...m, geometry: { ...DEFAULT_GEOMETRY_OPTIONS, ...m.geometry } } as CalibratedModel;
}
