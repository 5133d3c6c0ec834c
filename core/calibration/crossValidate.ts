/**
 * Held-out evaluation by cell: k-fold cross-validation where whole cells are held out, so every score is
 * measured on cells the model never saw.
 */
import { throwIfCancelled, type CancelToken } from '../cancel';
import { computePathGeometry, referenceRsrpDbm, type GeometryOptions } from './features';
import type { MeasurementSet } from './measurement';
import { scorePredictions, type PredictionScores } from './metrics';
import { calibrateFromGeometry, predictWithModel, type CalibrateOptions } from './model';

/** Held-out scores of the constant, uncalibrated and calibrated predictions. */
export interface CrossValidationResult {
  folds: number;
  cells: number;
  rows: number;
  constant: PredictionScores;
  uncalibrated: PredictionScores;
  calibratedMean: PredictionScores;
  calibrated: PredictionScores;
  spreadPerFold: number[];
  /** per held-out cell: calibrated RMSE and mean error */
  perCell: { cellId: string; rows: number; rmseDb: number; meanErrorDb: number }[];
}

/**
 * k-fold cross-validation by cell: cells are dealt to folds in order of their index (cell j → fold j mod k);
 * for each fold the model is fitted on the other folds' rows and scored on the held-out cells. The constant
 * prediction is the training mean; the uncalibrated one is referenceRsrpDbm (TR 38.901 UMa + 3GPP pattern).
 * Throws RangeError when `folds` < 2 or there are fewer cells than folds.
 * @example crossValidateByCell(set, 5).calibrated.rmseDb
 */
export function crossValidateByCell(
  set: MeasurementSet,
  folds = 5,
  options: CalibrateOptions & { cancel?: CancelToken } = {},
): CrossValidationResult {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`folds must be an integer >= 2, got ${folds}`);
  const cellIds = [...new Set(set.points.map((p) => p.cellIndex))].sort((a, b) => a - b);
  if (cellIds.length < folds) throw new RangeError(`folds (${folds}) must not exceed the number of cells (${cellIds.length})`);
  const foldOfCell = new Map(cellIds.map((c, j) => [c, j % folds]));
  const geometryOptions: Partial<GeometryOptions> = options.geometry ?? {};
  const geometry = computePathGeometry(set, { ...geometryOptions, cancel: options.cancel });
  const n = set.points.length;
  const measured = geometry.measuredRsrpDbm;
  const constant = new Float64Array(n);
  const calibrated = new Float64Array(n);
  const calibratedMean = new Float64Array(n);
  const spreadPerFold: number[] = [];
  for (let f = 0; f < folds; f++) {
    throwIfCancelled(options.cancel);
    const trainMask = new Uint8Array(n);
    let sum = 0;
    let cnt = 0;
    for (let i = 0; i < n; i++) {
      trainMask[i] = foldOfCell.get(set.points[i].cellIndex) !== f ? 1 : 0;
      if (trainMask[i] && Number.isFinite(measured[i])) {
        sum += measured[i];
        cnt++;
      }
    }
    const model = calibrateFromGeometry(set, geometry, { ...options, rowMask: trainMask });
    spreadPerFold.push(model.spread);
    const pred = predictWithModel(model, set, { geometry });
    const predMean = predictWithModel({ ...model, spread: 1 }, set, { geometry });
    for (let i = 0; i < n; i++) {
      if (trainMask[i]) continue;
      constant[i] = sum / cnt;
      calibrated[i] = pred[i];
      calibratedMean[i] = predMean[i];
    }
  }
  const t = options.weakThresholdDbm ?? -103;
  const perCell = cellIds.map((c) => {
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = set.points[i].cellIndex === c ? 1 : 0;
    const s = scorePredictions(calibrated, measured, { mask, weakThresholdDbm: t });
    return { cellId: set.cells[c].cellId, rows: s.count, rmseDb: s.rmseDb, meanErrorDb: s.meanErrorDb };
  });
  return {
    folds,
    cells: cellIds.length,
    rows: n,
    constant: scorePredictions(constant, measured, { weakThresholdDbm: t }),
    uncalibrated: scorePredictions(referenceRsrpDbm(geometry, geometryOptions), measured, { weakThresholdDbm: t }),
    calibratedMean: scorePredictions(calibratedMean, measured, { weakThresholdDbm: t }),
    calibrated: scorePredictions(calibrated, measured, { weakThresholdDbm: t }),
    spreadPerFold,
    perCell,
  };
}
