/**
 * How low can a held-out-by-cell RMSE go on the 2019 Huawei cells, and at what PCRR? Hand-run diagnostics for
 * issue #20's target (RMSE <= 9.5 dB with PCRR >= 0.30, points within 1.5 km, 5 folds by cell as
 * calibratePropagationModel folds them):
 *   npx tsx scripts/accuracyCeiling.ts ../shared/data/radio/huawei2019-calibration
 * Prints JSON:
 * - default: the default recipe's held-out scores and the split of its squared error into the spread of per-cell
 *   mean errors (between) and the scatter inside cells (within);
 * - rsPower: the stated RS power (dBm per RE; the data path adds it as is: txDbm = RS Power + 15 dBi) against the
 *   measured RSRP: the mean RSRP of the points of each stated power, and the slope of the cells' mean measured
 *   RSRP on their stated power across cells (1 dB/dB if the stated power showed in the RSRP as stated);
 * - withinCellFloor: the scatter left inside held-out cells after the most flexible within-cell model tried here
 *   (an additive model of binned features: log distance, horizontal and vertical angle off the beam, terrain and
 *   surface knife-edge loss, the receiver's Huawei clutter class and building height, antenna height above the
 *   receiver's ground), fitted with a free offset per cell on the training cells and given each held-out cell's
 *   own mean (an oracle: no model can know it), so it bounds any model built from these columns;
 * - freeLinear: the family's distance, diffraction and pattern terms with no bounds and nothing fixed (no land-use
 *   clutter), plus a weight on the stated RS power, by
 *   ordinary least squares on the training cells (what the data alone say, not a physical model): its held-out
 *   scores and the correlation of its predictions with the measurements;
 * - frontier: for the default's and freeLinear's held-out predictions p, the scores of m̄ + s·(p − p̄) for
 *   stretches s (m̄, p̄ the means over the scored points: an optimistic affine recalibration on the held-out
 *   points themselves): the RMSE and PCRR a model with that ranking could trade between;
 * - rmseFloorFromCorrelation: σ_measured·sqrt(1 − ρ²), the least RMSE of any affine recalibration of a predictor
 *   whose correlation with the measurements is ρ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calibratePropagationModel,
  defaultModelBase,
  DEFAULT_MODEL_FIT,
  errorByGroup,
  heldOutFolds,
  linkAt,
  linksFromSquareMaps,
  mergeMeasurementSets,
  scorePredictions,
  solveSpd,
  type PredictionScores,
} from '../core/calibration';
import { K_FACTOR_NAMES, linkTerms, MODEL_TERM_COUNT } from '../core/propagation';
import { readHuaweiCalibrationCsv } from '../geodata/measurements';
import { pearsonCorrelation } from '../core/stats';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/accuracyCeiling.ts <dir with train_*.csv>');
  process.exit(2);
}
const FOLDS = 5;
const MAX_DISTANCE_M = DEFAULT_MODEL_FIT.maxDistanceM ?? 1500;
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const set = mergeMeasurementSets(files.map((f) => readHuaweiCalibrationCsv(new Uint8Array(readFileSync(join(dir, f))), f)));
const links = linksFromSquareMaps(set);
const n = links.rows;
const measured = links.measuredDbm;
const cellCount = links.groups.length;
const scored = Uint8Array.from(links.d3DM, (d, i) => (d <= MAX_DISTANCE_M && Number.isFinite(measured[i]) ? 1 : 0));
// fold of each cell as calibratePropagationModel assigns it (-1: a cell without measurements, never held out)
const { foldOf } = heldOutFolds(links, FOLDS);
const foldOfCell = Int32Array.from({ length: cellCount }, (_, g) => foldOf.get(g) ?? -1);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const brief = (s: PredictionScores) => ({ rmseDb: r3(s.rmseDb), meanErrorDb: r3(s.meanErrorDb), sigmaDb: r3(s.sigmaDb), pcrr: r3(s.pcrr) });

/** Between-cell (rms of per-cell mean errors over points) and within-cell (rms about them) parts of the error, dB. */
function split(predictedDbm: ArrayLike<number>) {
  const { betweenGroupDb, withinGroupDb } = errorByGroup(predictedDbm, measured, links.group, scored);
  return { betweenCellDb: r3(betweenGroupDb), withinCellDb: r3(withinGroupDb) };
}

/** Solves the ridge system (a + ridge·I) x = b, p × p row-major (a: normal equations, symmetric positive semi-definite). */
function solve(a: Float64Array, b: Float64Array, p: number, ridge: number): Float64Array {
  const m = Float64Array.from(a);
  for (let j = 0; j < p; j++) m[j * p + j] += ridge;
  return solveSpd(m, b, p);
}

// --- the default recipe, held out
const defaultRun = calibratePropagationModel({ links, base: defaultModelBase(), fittedOn: 'huawei2019', atIso: new Date().toISOString(), folds: FOLDS, fit: DEFAULT_MODEL_FIT });
const defaultDbm = defaultRun.pairs.afterDbm;

// --- stated RS power against measured RSRP
const byPower = new Map<number, { sum: number; count: number }>();
const cellMeanDbm = new Float64Array(cellCount);
const cellCountPts = new Float64Array(cellCount);
for (let i = 0; i < n; i++) {
  if (!scored[i]) continue;
  const power = set.cells[links.group[i]].rsPowerDbm;
  const e = byPower.get(power) ?? { sum: 0, count: 0 };
  e.sum += measured[i];
  e.count++;
  byPower.set(power, e);
  cellMeanDbm[links.group[i]] += measured[i];
  cellCountPts[links.group[i]]++;
}
const cellPower: number[] = [];
const cellMean: number[] = [];
for (let g = 0; g < cellCount; g++) if (cellCountPts[g] > 0) (cellPower.push(set.cells[g].rsPowerDbm), cellMean.push(cellMeanDbm[g] / cellCountPts[g]));
const mp = cellPower.reduce((a, v) => a + v, 0) / cellPower.length;
const mm = cellMean.reduce((a, v) => a + v, 0) / cellMean.length;
let spm = 0, spp = 0, smm = 0;
cellPower.forEach((p, k) => ((spm += (p - mp) * (cellMean[k] - mm)), (spp += (p - mp) ** 2), (smm += (cellMean[k] - mm) ** 2)));
const slope = spm / spp;
const slopeSe = Math.sqrt(Math.max(smm - slope * spm, 0) / (cellPower.length - 2) / spp);

// --- within-cell floor: additive model of binned features with a free offset per cell
const edges = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => from + k * step);
const binOf = (v: number, e: number[]) => {
  let k = 0;
  while (k < e.length && v >= e[k]) k++;
  return k;
};
const clutterCodes = [...new Set(set.points.map((p) => p.clutter))].sort((a, b) => a - b);
const features: { name: string; levels: number; bin: (i: number) => number }[] = [
  { name: 'log10 distance', levels: 22, bin: (i) => binOf(Math.log10(Math.max(links.d3DM[i], 1)), edges(1.2, 3.2, 0.1)) },
  { name: 'horizontal angle off boresight', levels: 18, bin: (i) => binOf(Math.abs(links.azimuthOffDeg[i]), edges(10, 170, 10)) },
  { name: 'vertical angle off the beam', levels: 19, bin: (i) => binOf(links.verticalOffDeg[i], edges(-20, 14, 2)) },
  { name: 'terrain knife edge', levels: 7, bin: (i) => binOf(links.terrainDiffractionDb[i], [0.01, 3, 6, 10, 15, 20]) },
  { name: 'surface knife edge', levels: 9, bin: (i) => binOf(links.surfaceDiffractionDb[i], [0.01, 3, 6, 10, 15, 20, 25, 30]) },
  { name: 'receiver clutter class', levels: clutterCodes.length, bin: (i) => clutterCodes.indexOf(set.points[i].clutter) },
  { name: 'receiver building height', levels: 9, bin: (i) => binOf(set.points[i].buildingHeightM, [0.5, 5, 10, 15, 20, 30, 40, 60]) },
  { name: 'antenna above receiver ground', levels: 9, bin: (i) => binOf(links.hEffM[i], [5, 10, 20, 30, 40, 50, 60, 80]) },
];
const offsets: number[] = [];
let p = 0;
for (const f of features) (offsets.push(p), (p += f.levels));
const cols = new Int32Array(n * features.length);
for (let i = 0; i < n; i++) features.forEach((f, j) => (cols[i * features.length + j] = offsets[j] + f.bin(i)));
// per cell: X'X, X'y, column sums, Σy, count (one-hot rows: features.length ones each)
const cellXtX = Array.from({ length: cellCount }, () => new Float64Array(p * p));
const cellXty = Array.from({ length: cellCount }, () => new Float64Array(p));
const cellSum = Array.from({ length: cellCount }, () => new Float64Array(p));
const cellY = new Float64Array(cellCount);
const cellN = new Float64Array(cellCount);
for (let i = 0; i < n; i++) {
  if (!scored[i]) continue;
  const g = links.group[i];
  const row = cols.subarray(i * features.length, (i + 1) * features.length);
  for (const a of row) {
    cellSum[g][a]++;
    cellXty[g][a] += measured[i];
    for (const b of row) cellXtX[g][a * p + b]++;
  }
  cellY[g] += measured[i];
  cellN[g]++;
}
const withinResidual = new Float64Array(n).fill(NaN);
for (let f = 0; f < FOLDS; f++) {
  // centred normal equations of the training cells: Σ_c X'X − S Sᵀ/n, X'y − S Σy/n
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let g = 0; g < cellCount; g++) {
    if (foldOfCell[g] === f || cellN[g] === 0) continue;
    const s = cellSum[g];
    for (let u = 0; u < p; u++) {
      b[u] += cellXty[g][u] - (s[u] * cellY[g]) / cellN[g];
      if (s[u] === 0) continue;
      for (let v = 0; v < p; v++) a[u * p + v] += cellXtX[g][u * p + v] - (s[u] * s[v]) / cellN[g];
    }
  }
  const coef = solve(a, b, p, 1);
  for (let g = 0; g < cellCount; g++) {
    if (foldOfCell[g] !== f || cellN[g] === 0) continue;
    // the held-out cell's own means (the oracle part)
    let meanFit = 0;
    for (let u = 0; u < p; u++) meanFit += (coef[u] * cellSum[g][u]) / cellN[g];
    const meanY = cellY[g] / cellN[g];
    for (let i = 0; i < n; i++) {
      if (links.group[i] !== g || !scored[i]) continue;
      let fit = 0;
      for (let j = 0; j < features.length; j++) fit += coef[cols[i * features.length + j]];
      withinResidual[i] = fit - meanFit - (measured[i] - meanY);
    }
  }
}
let wss = 0, wn = 0, rawSs = 0;
for (let i = 0; i < n; i++) {
  if (!scored[i]) continue;
  wss += withinResidual[i] ** 2;
  wn++;
  rawSs += (measured[i] - cellY[links.group[i]] / cellN[links.group[i]]) ** 2;
}

// --- free linear: the family's distance, diffraction and pattern terms (no bounds, nothing fixed) plus the stated
// RS power, least squares on the loss less the frequency term. Left out: the height and far-slope terms and the
// land-use clutter (the P.2108 references and the per-class corrections); measured 2026-12-08, with all the
// family's terms free the held-out RMSE is 9.68 dB, with the P.2108 references at weight 1 and no corrections 9.88 dB
// (the clutter classes do not carry from cell to cell)
const USED_TERMS = (['offsetDb', 'distanceDbPerDecade', 'terrainDiffraction', 'clutterDiffraction', 'horizontalPattern', 'verticalPattern', 'frontBackDb', 'verticalSlopeDbPerDeg'] as const).map((name) => K_FACTOR_NAMES.indexOf(name));
const q = USED_TERMS.length + 1;
const base = defaultModelBase();
const x = new Float64Array(MODEL_TERM_COUNT);
const design = new Float64Array(n * q);
const target = new Float64Array(n);
for (let i = 0; i < n; i++) {
  linkTerms(base.form, linkAt(links, i), x);
  const frequencyDb = base.form.frequencyDbPerDecade * Math.log10(links.freqGhz[i]);
  USED_TERMS.forEach((t, u) => (design[i * q + u] = x[t]));
  design[i * q + USED_TERMS.length] = set.cells[links.group[i]].rsPowerDbm;
  target[i] = links.txDbm[i] - measured[i] - frequencyDb;
}
const freeDbm = new Float64Array(n).fill(NaN);
let freeCoefficients: Float64Array = new Float64Array(q);
for (let f = 0; f <= FOLDS; f++) {
  // folds 0..4 held out; f = FOLDS: one fit on every cell, for its coefficients
  const a = new Float64Array(q * q);
  const b = new Float64Array(q);
  for (let i = 0; i < n; i++) {
    if (!scored[i] || foldOfCell[links.group[i]] === f) continue;
    for (let u = 0; u < q; u++) {
      const xu = design[i * q + u];
      if (xu === 0) continue;
      b[u] += xu * target[i];
      for (let v = 0; v < q; v++) a[u * q + v] += xu * design[i * q + v];
    }
  }
  const coef = solve(a, b, q, 1e-6);
  if (f === FOLDS) {
    freeCoefficients = coef;
    break;
  }
  for (let i = 0; i < n; i++) {
    if (foldOfCell[links.group[i]] !== f) continue;
    let loss = 0;
    for (let u = 0; u < q; u++) loss += coef[u] * design[i * q + u];
    freeDbm[i] = measured[i] + target[i] - loss; // = txDbm − frequency term − fitted loss
  }
}

// --- the RMSE/PCRR trade of each ranking
function frontier(predictedDbm: Float64Array) {
  let mP = 0, mM = 0, k = 0;
  for (let i = 0; i < n; i++) if (scored[i]) (mP += predictedDbm[i]), (mM += measured[i]), k++;
  mP /= k;
  mM /= k;
  return [0.6, 0.8, 1, 1.2, 1.4, 1.6, 2].map((s) => {
    const stretched = predictedDbm.map((v) => mM + s * (v - mP));
    const sc = scorePredictions(stretched, measured, { mask: scored });
    return { stretch: s, rmseDb: r3(sc.rmseDb), pcrr: r3(sc.pcrr) };
  });
}
let mM = 0, k = 0;
for (let i = 0; i < n; i++) if (scored[i]) (mM += measured[i]), k++;
mM /= k;
let vM = 0;
for (let i = 0; i < n; i++) if (scored[i]) vM += (measured[i] - mM) ** 2;
const sigmaMeasured = Math.sqrt(vM / k);
const rhoDefault = pearsonCorrelation(defaultDbm, measured, scored);
const rhoFree = pearsonCorrelation(freeDbm, measured, scored);

console.log(
  JSON.stringify(
    {
      data: dir,
      points: wn,
      method: `${FOLDS}-fold by cell (cell j in fold j mod ${FOLDS}), held out, points within ${MAX_DISTANCE_M} m`,
      measuredSigmaDb: r3(sigmaMeasured),
      default: { ...brief(scorePredictions(defaultDbm, measured, { mask: scored })), ...split(defaultDbm), correlation: r3(rhoDefault) },
      rsPower: {
        meanMeasuredDbmByStatedPower: Object.fromEntries([...byPower].sort((a, b) => a[0] - b[0]).map(([pw, e]) => [`${pw} dBm`, { meanDbm: r3(e.sum / e.count), points: e.count }])),
        cellMeanRsrpPerDbOfStatedPower: r3(slope),
        standardError: r3(slopeSe),
        cells: cellPower.length,
      },
      withinCellFloor: { features: features.map((f) => f.name), rawWithinCellSdDb: r3(Math.sqrt(rawSs / wn)), heldOutWithinCellSdDb: r3(Math.sqrt(wss / wn)) },
      freeLinear: {
        ...brief(scorePredictions(freeDbm, measured, { mask: scored })),
        ...split(freeDbm),
        correlation: r3(rhoFree),
        fittedOnAll: Object.fromEntries([...USED_TERMS.map((t) => K_FACTOR_NAMES[t] as string), 'statedRsPowerLossDbPerDb'].map((name, u) => [name, r3(freeCoefficients[u])])),
      },
      frontier: { default: frontier(defaultDbm), freeLinear: frontier(freeDbm) },
      rmseFloorFromCorrelation: { default: r3(sigmaMeasured * Math.sqrt(1 - rhoDefault ** 2)), freeLinear: r3(sigmaMeasured * Math.sqrt(1 - rhoFree ** 2)), correlationNeededFor9_5Db: r3(Math.sqrt(1 - (9.5 / sigmaMeasured) ** 2)) },
    },
    null,
    2,
  ),
);
