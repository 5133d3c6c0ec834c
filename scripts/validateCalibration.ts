/**
 * Held-out evaluation of the propagation model on the Huawei 2019 measured cells (hand-run, reads shared data):
 *   npx tsx scripts/validateCalibration.ts ../shared/data/radio/huawei2019-calibration [--folds 5]
 * Prints JSON: RMSE, mean error, sigma and PCRR (F1 of RSRP < −103 dBm) on cells held out of every fit (k-fold
 * by cell), on all points and on the points within 1.5 km of their site, for:
 * - constant: the training mean;
 * - reference: the uncalibrated reference form (TR 38.901 RMa LOS, 3GPP pattern, P.526, P.2108);
 * - default: the default model's recipe (core/calibration/defaultModelFit.ts: fitted within 1.5 km, line of sight, terrain weight
 *   and slopes from the reference, no height gain, open-country clutter at its reference);
 * - calibrated: `qcplan calibrate`'s fit (CALIBRATION_FIT: every term within physical bounds);
 * - free: the same family with no bounds and nothing fixed (what the 40 cells alone say; not physical: see README).
 * And PCRR of the default recipe's predictions at location probabilities 75 % and 90 % (median less z(p)·σ).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calibratePropagationModel,
  CALIBRATION_FIT,
  DEFAULT_MODEL_FIT,
  defaultModelBase,
  linksFromSquareMaps,
  mergeMeasurementSets,
  predictLinks,
  scorePredictions,
  type FitOptions,
  type PredictionScores,
} from '../core/calibration';
import { referencePropagationModel, shadowMarginDb } from '../core/propagation';
import { readHuaweiCalibrationCsv } from '../geodata/measurements';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) {
  console.error('usage: npx tsx scripts/validateCalibration.ts <dir with train_*.csv> [--folds 5]');
  process.exit(2);
}
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const started = Date.now();
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const set = mergeMeasurementSets(files.map((f) => readHuaweiCalibrationCsv(new Uint8Array(readFileSync(join(dir, f))), f)));
const links = linksFromSquareMaps(set);
const measured = links.measuredDbm;
const near = Uint8Array.from(links.d3DM, (d) => (d <= 1500 ? 1 : 0));
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const brief = (s: PredictionScores) => ({ rmseDb: r3(s.rmseDb), meanErrorDb: r3(s.meanErrorDb), sigmaDb: r3(s.sigmaDb), pcrr: r3(s.pcrr), precision: r3(s.precision), recall: r3(s.recall), count: s.count });
const both = (predicted: Float64Array) => ({ all: brief(scorePredictions(predicted, measured)), within1500m: brief(scorePredictions(predicted, measured, { mask: near })) });

// constant: each fold's training mean
const foldOf = (g: number) => g % folds;
const constant = new Float64Array(links.rows);
for (let f = 0; f < folds; f++) {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < links.rows; i++) if (foldOf(links.group[i]) !== f && Number.isFinite(measured[i])) (sum += measured[i]), n++;
  for (let i = 0; i < links.rows; i++) if (foldOf(links.group[i]) === f) constant[i] = sum / n;
}
const reference = referencePropagationModel();
const run = (fit: Omit<FitOptions, 'rowMask' | 'cancel'>) =>
  calibratePropagationModel({ links, base: reference, fittedOn: 'huawei2019', atIso: new Date().toISOString(), folds, fit });
const defaultRun = calibratePropagationModel({ links, base: defaultModelBase(), fittedOn: 'huawei2019', atIso: new Date().toISOString(), folds, fit: DEFAULT_MODEL_FIT });
const calibratedRun = run(CALIBRATION_FIT);
const freeBounds = Object.fromEntries(['distanceDbPerDecade', 'farDistanceDbPerDecade', 'terrainDiffraction', 'clutterDiffraction', 'horizontalPattern', 'verticalPattern', 'frontBackDb', 'verticalSlopeDbPerDeg'].map((k) => [k, [-1e6, 1e6]]));
const freeRun = run({ bounds: freeBounds as FitOptions['bounds'] });
const atProbability = (p: number) => {
  const margin = shadowMarginDb(p, defaultRun.after.sigmaDb);
  return both(defaultRun.pairs.afterDbm.map((x) => x - margin));
};
console.log(
  JSON.stringify(
    {
      data: dir,
      cells: set.cells.length,
      points: links.rows,
      method: `${folds}-fold cross-validation by cell (cell j in fold j mod ${folds}, cells sorted by file name); scores on held-out cells only`,
      weakThresholdDbm: -103,
      constant: both(constant),
      reference: both(predictLinks(reference, links)),
      default: both(defaultRun.pairs.afterDbm),
      calibrated: both(calibratedRun.pairs.afterDbm),
      free: both(freeRun.pairs.afterDbm),
      defaultAtLocationProbability: { p75: atProbability(0.75), p90: atProbability(0.9) },
      defaultKFactors: defaultRun.model.kFactors,
      freeKFactors: freeRun.model.kFactors,
      worstCells: [...defaultRun.perGroup].sort((a, b) => b.after.rmseDb - a.after.rmseDb).slice(0, 5).map((g) => ({ cell: g.group, points: g.points, rmseDb: r3(g.after.rmseDb), meanErrorDb: r3(g.after.meanErrorDb) })),
      durationS: r3((Date.now() - started) / 1000),
    },
    null,
    2,
  ),
);
