/**
 * Fits the default propagation model on the 40 Huawei 2019 cells and writes core/propagation/defaultModel.ts
 * (hand-run; the measured data stay in ../shared, only the fitted parameters are written):
 *   npx tsx scripts/fitDefaultModel.ts ../shared/data/radio/huawei2019-calibration [--check]
 * --check re-fits and compares with the committed model instead of writing (as the unit test does).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fitDefaultModel, mergeMeasurementSets } from '../core/calibration';
import { DEFAULT_PROPAGATION_MODEL } from '../core/propagation';
import { readHuaweiCalibrationCsv } from '../geodata/measurements';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npx tsx scripts/fitDefaultModel.ts <dir with train_*.csv> [--check]');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const set = mergeMeasurementSets(files.map((f) => readHuaweiCalibrationCsv(new Uint8Array(readFileSync(join(dir, f))), f)));
const started = Date.now();
const report = fitDefaultModel(set, {
  atIso: new Date().toISOString(),
  command: 'npx tsx scripts/fitDefaultModel.ts ../shared/data/radio/huawei2019-calibration',
  onProgress: (f) => process.stderr.write(`\rfitting ${(f * 100).toFixed(0)} %`),
});
process.stderr.write(`\rfitted in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const model = JSON.parse(JSON.stringify(report.model, (k, v) => (typeof v === 'number' ? round(v, 4) : v)));
if (args.includes('--check')) {
  const diffs = Object.entries(model.kFactors as Record<string, number>).map(([k, v]) => [k, v - (DEFAULT_PROPAGATION_MODEL.kFactors as unknown as Record<string, number>)[k]]);
  console.log(JSON.stringify({ heldOut: model.fit.heldOut, largestKFactorChange: diffs.sort((a, b) => Math.abs(+b[1]) - Math.abs(+a[1]))[0] }, null, 2));
} else {
  const out = resolve(import.meta.dirname ?? '.', '../core/propagation/defaultModel.ts');
  writeFileSync(
    out,
    `import type { PropagationModel } from './propagationModel';

/**
 * The default propagation model of new projects, fitted on the 40 measured LTE cells of the 2019 Huawei contest
 * data (../shared/data/radio/huawei2019-calibration, 2.6 GHz; the data are not shipped, only these parameters).
 * How: core/calibration/defaultModelFit.ts (DEFAULT_MODEL_FIT: what is fitted, what stays at the reference and
 * why), reproduced by \`fit.command\`; test/core/propagation/defaultModel.test.ts re-fits and compares when
 * ../shared/data exists. Other bands add the model's frequency term (20 dB per decade of f) and the ITU-R P.2108
 * clutter references at their frequency. Held-out scores (5-fold by cell) in \`fit.heldOut\`.
 * Written by scripts/fitDefaultModel.ts; do not edit by hand.
 */
export const DEFAULT_PROPAGATION_MODEL: PropagationModel = ${JSON.stringify(model, null, 2)};
`,
  );
  console.log(JSON.stringify({ wrote: out, heldOut: model.fit.heldOut, before: model.fit.before }, null, 2));
}
