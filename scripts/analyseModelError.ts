/**
 * Where the default model's error comes from on the 2019 Huawei cells (hand-run diagnostics):
 *   npx tsx scripts/analyseModelError.ts ../shared/data/radio/huawei2019-calibration
 * Held-out by cell (5 folds, DEFAULT_MODEL_FIT), points within 1.5 km: the split of the squared error into the
 * spread of per-cell mean errors and the scatter inside cells, then the held-out error by distance, land use of
 * the receiver's square, obstruction (terrain and surface horizon edges) and vertical angle off the beam.
 * RADIUS=m (env) sets the clutter neighbourhood's half-width (default 50 m; 10 and 25 m both gave 10.94 dB held out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibratePropagationModel, defaultModelBase, DEFAULT_MODEL_FIT, errorByGroup, linksFromSquareMaps, mergeMeasurementSets } from '../core/calibration';
import { LAND_USE_IDS } from '../core/propagation';
import { readHuaweiCalibrationCsv } from '../geodata/measurements';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const set = mergeMeasurementSets(files.map((f) => readHuaweiCalibrationCsv(new Uint8Array(readFileSync(join(dir, f))), f)));
const radiusM = Number(process.env.RADIUS ?? 50);
const links = linksFromSquareMaps(set, { clutterRadiusM: radiusM });
const base = defaultModelBase();
base.form.clutterRadiusM = radiusM;
const report = calibratePropagationModel({ links, base, fittedOn: 'x', atIso: 'x', folds: 5, fit: DEFAULT_MODEL_FIT });
const { afterDbm, measuredDbm, group } = report.pairs;
const maxD = DEFAULT_MODEL_FIT.maxDistanceM ?? Infinity;
const idx: number[] = [];
for (let i = 0; i < links.rows; i++) if (links.d3DM[i] <= maxD && Number.isFinite(afterDbm[i]) && Number.isFinite(measuredDbm[i])) idx.push(i);
const err = (i: number) => afterDbm[i] - measuredDbm[i];
const r1 = (x: number) => Math.round(x * 10) / 10;
function stats(list: number[]) {
  let s = 0, s2 = 0;
  for (const i of list) { const e = err(i); s += e; s2 += e * e; }
  const n = list.length;
  return { n, meanDb: r1(s / n), rmseDb: r1(Math.sqrt(s2 / n)), sdDb: r1(Math.sqrt(Math.max(s2 / n - (s / n) ** 2, 0))) };
}
// between vs within cell
const inIdx = new Uint8Array(links.rows);
for (const i of idx) inIdx[i] = 1;
const byCell = errorByGroup(afterDbm, measuredDbm, group, inIdx);
const cellMeans = [...byCell.groupMeanErrorDb.values()];
console.log('overall', stats(idx));
console.log('per-cell mean error: rms over points', r1(byCell.betweenGroupDb), 'dB; within-cell sd', r1(byCell.withinGroupDb), 'dB; cell means', cellMeans.map(r1).sort((a, b) => a - b).join(' '));
const bin = (name: string, key: (i: number) => string) => {
  const m = new Map<string, number[]>();
  for (const i of idx) { const k = key(i); let l = m.get(k); if (!l) m.set(k, (l = [])); l.push(i); }
  console.log(name);
  for (const [k, l] of [...m].sort()) console.log('  ', k.padEnd(16), JSON.stringify(stats(l)));
};
const pad = (x: number) => String(x).padStart(5, '0');
bin('by distance (m)', (i) => { const d = links.d3DM[i]; const b = d < 100 ? 0 : d < 200 ? 100 : d < 400 ? 200 : d < 700 ? 400 : d < 1000 ? 700 : 1000; return pad(b); });
bin('by dominant land use within 50 m', (i) => { let best = 0; for (let k = 1; k < 8; k++) if (links.clutterShares[i * 8 + k] > links.clutterShares[i * 8 + best]) best = k; return LAND_USE_IDS[best]; });
bin('by obstruction', (i) => (links.terrainDiffractionDb[i] > 0 ? 'terrain' : links.surfaceDiffractionDb[i] > 0 ? (links.surfaceDiffractionDb[i] > 15 ? 'surface>15dB' : 'surface<=15dB') : 'clear'));
bin('by vertical angle off beam (deg)', (i) => { const v = links.verticalOffDeg[i]; return v < -2 ? 'a above' : v < 2 ? 'b on beam' : v < 6 ? 'c 2-6 below' : v < 12 ? 'd 6-12 below' : v < 25 ? 'e 12-25 below' : 'f >25 below'; });
bin('by azimuth off boresight (deg)', (i) => { const a = Math.abs(links.azimuthOffDeg[i]); return a < 30 ? 'a <30' : a < 60 ? 'b 30-60' : a < 120 ? 'c 60-120' : 'd >120'; });
console.log('fitted on all', JSON.stringify({ kFactors: report.model.kFactors, clutterCorrectionDb: report.model.clutterCorrectionDb }));
console.log('held out', JSON.stringify(report.after));
