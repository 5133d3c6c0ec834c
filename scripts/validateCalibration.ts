/**
 * Held-out evaluation of the RSRP calibration on the Huawei 2019 measured cells (hand-run, reads shared data):
 *   npx tsx scripts/validateCalibration.ts /work/shared/data/radio/huawei2019-calibration [--folds 5] [--emphasis weak|mean|<s>]
 * Prints JSON: RMSE, mean error and PCRR (F1 of RSRP < −103 dBm) of a constant prediction (training mean), the
 * uncalibrated model (TR 38.901 UMa + 3GPP sector pattern + 15 dBi) and the calibrated model, all on cells
 * held out of the fit (k-fold by cell).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossValidateByCell, mergeMeasurementSets } from '../core/calibration';
import { readHuaweiCalibrationCsv } from '../geodata/measurements';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) {
  console.error('usage: npx tsx scripts/validateCalibration.ts <dir with train_*.csv> [--folds 5] [--emphasis weak|mean|<spread>]');
  process.exit(2);
}
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const folds = Number(opt('--folds') ?? 5);
const emphasisArg = opt('--emphasis') ?? 'weak';
const emphasis = emphasisArg === 'weak' || emphasisArg === 'mean' ? emphasisArg : Number(emphasisArg);
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const started = Date.now();
const set = mergeMeasurementSets(files.map((f) => readHuaweiCalibrationCsv(new Uint8Array(readFileSync(join(dir, f))), f)));
const cv = crossValidateByCell(set, folds, { emphasis });
const round = (x: number) => Math.round(x * 1000) / 1000;
const brief = (s: { rmseDb: number; meanErrorDb: number; pcrr: number; precision: number; recall: number; count: number }) => ({
  rmseDb: round(s.rmseDb),
  meanErrorDb: round(s.meanErrorDb),
  pcrr: round(s.pcrr),
  precision: round(s.precision),
  recall: round(s.recall),
  count: s.count,
});
console.log(
  JSON.stringify(
    {
      data: dir,
      files: files.length,
      cells: cv.cells,
      rows: cv.rows,
      method: `${folds}-fold cross-validation by cell (cell j in fold j mod ${folds}, cells sorted by file name); scores on held-out cells only`,
      weakThresholdDbm: -103,
      constant: brief(cv.constant),
      uncalibrated: brief(cv.uncalibrated),
      calibratedMean: brief(cv.calibratedMean),
      calibrated: brief(cv.calibrated),
      emphasis,
      spreadPerFold: cv.spreadPerFold,
      worstCells: [...cv.perCell].sort((a, b) => b.rmseDb - a.rmseDb).slice(0, 5).map((c) => ({ ...c, rmseDb: round(c.rmseDb), meanErrorDb: round(c.meanErrorDb) })),
      durationS: round((Date.now() - started) / 1000),
    },
    null,
    2,
  ),
);
