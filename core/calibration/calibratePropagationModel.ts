import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { FitScores, PropagationModel } from '../propagation/propagationModel';
import { fitPropagationModel, type FitOptions } from './fitPropagationModel';
import type { MeasuredLinks } from './measuredLinks';
import { scorePredictions, type PredictionScores } from './metrics';
import { predictLinks } from './predictLinks';

/** What to calibrate: measured links, the model they start from, and how to fit and score. */
export interface CalibrationRequest {
  links: MeasuredLinks;
  /** the model to calibrate (a project's current model or the default): its form, priors and the "before" */
  base: PropagationModel;
  /** name of the fitted model (default: base name + ' (calibrated)') */
  name?: string;
  /** what the points are, for people: file names, counts */
  fittedOn: string;
  /** ISO 8601 UTC time to record (no hidden clock: the caller passes it) */
  atIso: string;
  /** how to reproduce the fit (a command line), recorded with the model */
  command?: string;
  /** k of the k-fold held-out scoring by group (site or cell); default 5, at most the number of groups */
  folds?: number;
  /** weak-coverage threshold of PCRR, dBm (default −103, the 2019 contest's) */
  weakThresholdDbm?: number;
  /** kind recorded in the model (default 'calibrated') */
  kind?: PropagationModel['kind'];
  fit?: Omit<FitOptions, 'rowMask' | 'cancel'>;
}

/** Per group (site or cell): points and held-out errors before and after. */
export interface GroupScores {
  group: string;
  points: number;
  before: { rmseDb: number; meanErrorDb: number };
  after: { rmseDb: number; meanErrorDb: number };
}

/** The outcome of a calibration: the fitted model, before/after scores and every predicted-measured pair. */
export interface CalibrationReport {
  /** fitted on all points; `fit` records the held-out scores; sigmaDb is the held-out σ */
  model: PropagationModel;
  folds: number;
  /** the base model on the measured points (within the fit's maxDistanceM, when it has one) */
  before: PredictionScores;
  /** the calibrated model on held-out groups (each group predicted by the fit without it), on the same points */
  after: PredictionScores;
  perGroup: GroupScores[];
  /** per point (input order): group index, measured, before and held-out after RSRP, dBm (NaN where unmeasured) */
  pairs: { group: Int32Array; measuredDbm: Float64Array; beforeDbm: Float64Array; afterDbm: Float64Array };
}

function brief(s: PredictionScores): FitScores {
  return { count: s.count, rmseDb: s.rmseDb, meanErrorDb: s.meanErrorDb, sigmaDb: s.sigmaDb, pcrr: s.pcrr, weakThresholdDbm: s.weakThresholdDbm };
}

/**
 * The held-out folds of calibratePropagationModel: site or cell j (those with a measurement, in order of first
 * appearance) in fold j mod k, k = `folds` or the number of such groups if fewer. Throws RangeError for fewer than
 * 2 groups with measurements or a `folds` below 2.
 * @example const { folds, foldOf } = heldOutFolds(links, 5); foldOf.get(links.group[i]) // 0..folds-1, undefined: no data
 */
export function heldOutFolds(links: MeasuredLinks, foldsAsked: number): { folds: number; foldOf: Map<number, number> } {
  const measured = links.measuredDbm;
  const groupsWithData = [...new Set(Array.from(links.group).filter((_, i) => Number.isFinite(measured[i])))];
  if (groupsWithData.length < 2) throw new RangeError(`held-out scoring needs measurements of at least 2 sites or cells, got ${groupsWithData.length}`);
  const folds = Math.min(foldsAsked, groupsWithData.length);
  if (!(folds >= 2)) throw new RangeError(`folds must be >= 2, got ${foldsAsked}`);
  return { folds, foldOf: new Map(groupsWithData.map((g, j) => [g, j % folds])) };
}

/**
 * Calibrates a propagation model to measured points: k-fold cross-validation by group (site or cell j in fold
 * j mod k, groups in order of first appearance), each fold fitted (fitPropagationModel) on the other groups and
 * scored on its own, then one fit on all points recorded with the held-out scores. Before = the base model on
 * the same points. Worker-friendly: plain data in and out, `cancel` checked and `onProgress` reported per fit.
 * Throws RangeError for fewer than 2 groups with measurements or fewer than 10 measured points.
 * @example const report = calibratePropagationModel({ links, base: project.propagationModel, fittedOn: 'dt.csv', atIso: new Date().toISOString() });
 */
export function calibratePropagationModel(
  request: CalibrationRequest,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): CalibrationReport {
  const { links, base } = request;
  const t = request.weakThresholdDbm ?? -103;
  const measured = links.measuredDbm;
  const { folds, foldOf } = heldOutFolds(links, request.folds ?? 5);
  const groupsWithData = [...foldOf.keys()];
  const before = predictLinks(base, links, { cancel: options.cancel });
  const after = new Float64Array(links.rows).fill(NaN);
  for (let f = 0; f < folds; f++) {
    throwIfCancelled(options.cancel);
    const train = new Uint8Array(links.rows);
    const test = new Uint8Array(links.rows);
    for (let i = 0; i < links.rows; i++) {
      const fold = foldOf.get(links.group[i]);
      if (fold === undefined) continue;
      if (fold === f) test[i] = 1;
      else train[i] = 1;
    }
    const model = fitPropagationModel(links, base, { ...request.fit, rowMask: train, cancel: options.cancel });
    predictLinks(model, links, { rowMask: test, cancel: options.cancel }, after);
    options.onProgress?.((f + 1) / (folds + 1));
  }
  const fitted = fitPropagationModel(links, base, { ...request.fit, cancel: options.cancel });
  // scored where the fit applies: within maxDistanceM of the site when the fit leaves farther points out
  const maxD = request.fit?.maxDistanceM ?? Infinity;
  const inRange = Uint8Array.from(links.d3DM, (d) => (d <= maxD || !Number.isFinite(maxD) ? 1 : 0));
  const beforeScores = scorePredictions(before, measured, { weakThresholdDbm: t, mask: inRange });
  const afterScores = scorePredictions(after, measured, { weakThresholdDbm: t, mask: inRange });
  const perGroup: GroupScores[] = groupsWithData.map((g) => {
    const mask = Uint8Array.from(links.group, (x, i) => (x === g && inRange[i] ? 1 : 0));
    const b = scorePredictions(before, measured, { mask, weakThresholdDbm: t });
    const a = scorePredictions(after, measured, { mask, weakThresholdDbm: t });
    return { group: links.groups[g], points: a.count, before: { rmseDb: b.rmseDb, meanErrorDb: b.meanErrorDb }, after: { rmseDb: a.rmseDb, meanErrorDb: a.meanErrorDb } };
  });
  const model: PropagationModel = {
    ...fitted,
    name: request.name ?? `${base.name} (calibrated)`,
    kind: request.kind ?? 'calibrated',
    sigmaDb: afterScores.sigmaDb,
    fit: {
      fittedOn: request.fittedOn,
      cells: groupsWithData.length,
      points: afterScores.count,
      method: `${folds}-fold cross-validation by site or cell, held out${Number.isFinite(maxD) ? `, points within ${maxD} m of their site` : ''}`,
      heldOut: brief(afterScores),
      before: brief(beforeScores),
      atIso: request.atIso,
      ...(request.command ? { command: request.command } : {}),
    },
  };
  options.onProgress?.(1);
  return { model, folds, before: beforeScores, after: afterScores, perGroup, pairs: { group: links.group, measuredDbm: measured, beforeDbm: before, afterDbm: after } };
}
