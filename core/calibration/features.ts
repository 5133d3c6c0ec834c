/**
 * Feature extraction for RSRP model calibration. Two stages:
 * 1. `computePathGeometry`: per measured point, the physical quantities of its link (distance, effective
 *    height, direction in the antenna frame, terrain and building obstruction along the 5 m profile, the
 *    receiver's square and neighbourhood), from the cell parameters and the 5 m map built from the rows.
 * 2. `featureMatrix`: named, physically meaningful columns computed from the geometry (log distance, antenna
 *    pattern attenuation, diffraction terms, clutter offsets, ...). The calibrated model is linear in them:
 *    a K-factor model in the style of the standard propagation model (PL = K1 + K2 log d + K3 log Heff +
 *    K4 diffraction + K5 log d log Heff + clutter offsets), with a few extra terms.
 */
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { deygoutLossDb } from '../radio/terrainProfile';
import { toAntennaFrameDeg } from '../radio/antennaPattern';
import { pathLossUmaDb } from '../radio/pathLoss38901';
import { radToDeg } from '../units';
import type { MeasurementSet } from './measurement';
import { buildSquareMap } from './squareMap';

/** Options of the geometry stage (stored in the model so prediction repeats them). */
export interface GeometryOptions {
  /** receiver height above ground, m (default 1.5) */
  ueHeightM: number;
  /** horizontal half-power beamwidth used by the pattern features, deg (default 65) */
  horizontalBeamwidthDeg: number;
  /** vertical half-power beamwidth used by the pattern features, deg (default 10) */
  verticalBeamwidthDeg: number;
  /** radius of the receiver neighbourhood, m (default 25) */
  neighbourhoodRadiusM: number;
  /**
   * unmeasured squares get the mean building height of measured squares in blocks of this many squares
   * (default 4 = 20 m; 0 = leave them without buildings)
   */
  fillBuildingsBlock: number;
}

export const DEFAULT_GEOMETRY_OPTIONS: GeometryOptions = {
  ueHeightM: 1.5,
  horizontalBeamwidthDeg: 65,
  verticalBeamwidthDeg: 10,
  neighbourhoodRadiusM: 25,
  fillBuildingsBlock: 4,
};

/** Per-point link geometry, one Float64Array per quantity (units in the names). */
export interface PathGeometry {
  rows: number;
  cellIndex: Int32Array;
  d2DM: Float64Array;
  d3DM: Float64Array;
  /** antenna height AMSL minus the receiver's ground altitude, m */
  heffM: Float64Array;
  /** antenna height above the site's ground (mast + building), m */
  txHeightAglM: Float64Array;
  /** bearing minus sector azimuth, deg in [−180, 180) */
  azimuthOffDeg: Float64Array;
  /** elevation of the receiver seen from the antenna, deg (negative below) */
  elevationDeg: Float64Array;
  /** horizontal angle in the mechanically tilted antenna frame, deg */
  antennaAzimuthDeg: Float64Array;
  /** vertical angle off the electrically tilted boresight, deg (0 = on the beam) */
  antennaVerticalOffDeg: Float64Array;
  /** Deygout loss over ground only, dB */
  terrainDiffractionDb: Float64Array;
  /** Deygout loss over ground + buildings, dB */
  fullDiffractionDb: Float64Array;
  /** highest rise of ground + buildings above the Tx-Rx ray, m (0 if clear) */
  maxRiseM: Float64Array;
  /** length of the profile where ground + buildings are above the ray, m */
  obstructedLengthM: Float64Array;
  /** number of separate obstructions above the ray */
  obstructionCount: Float64Array;
  /** distance from the receiver back to the nearest obstruction above the ray, m (0 if clear) */
  lastObstructionDistM: Float64Array;
  /** share of measured profile squares with a building */
  pathBuiltFraction: Float64Array;
  /** share of the last 100 m of profile (measured squares) with a building */
  nearBuiltFraction: Float64Array;
  rxBuildingHeightM: Float64Array;
  rxClutter: Int32Array;
  /** share of measured squares within the neighbourhood radius with a building */
  neighbourBuiltFraction: Float64Array;
  /** mean building height of measured squares in the neighbourhood, m */
  neighbourBuildingHeightM: Float64Array;
  /** receiver ground above the antenna, m (0 if below) */
  rxAboveTxM: Float64Array;
  rsPowerDbm: Float64Array;
  freqGhz: Float64Array;
  totalTiltDeg: Float64Array;
  /** share of measured squares within 300 m of the site with a building (the cell's environment) */
  cellBuiltFraction: Float64Array;
  measuredRsrpDbm: Float64Array;
  /** share of the measured profile squares in each clutter group (CLUTTER_GROUPS order), distance-weighted toward the receiver */
  pathClutterShare: Float64Array[];
}

/**
 * Clutter groups of the Huawei classes for path shares: open (1-6), vegetation (7-9), high-rise (10-12, 20),
 * low-rise urban (13-14), industrial (15-16), suburban/rural (17-19).
 */
export const CLUTTER_GROUPS: readonly (readonly number[])[] = [
  [1, 2, 3, 4, 5, 6], [7, 8, 9], [10, 11, 12, 20], [13, 14], [15, 16], [17, 18, 19],
];
const CLUTTER_GROUP_NAMES = ['Open', 'Vegetation', 'HighRise', 'LowRise', 'Industrial', 'Suburban'];
const GROUP_OF_CLUTTER = new Int8Array(256).fill(-1);
CLUTTER_GROUPS.forEach((classes, gi) => classes.forEach((k) => (GROUP_OF_CLUTTER[k] = gi)));

/** Max gain assumed for the uncalibrated reference, dBi [EST: a typical 65° 2.6 GHz panel is 15-18 dBi]. */
export const REFERENCE_ANTENNA_GAIN_DBI = 15;

const GEOMETRY_KEYS = [
  'd2DM', 'd3DM', 'heffM', 'txHeightAglM', 'azimuthOffDeg', 'elevationDeg', 'antennaAzimuthDeg', 'antennaVerticalOffDeg',
  'terrainDiffractionDb', 'fullDiffractionDb', 'maxRiseM', 'obstructedLengthM', 'obstructionCount', 'lastObstructionDistM',
  'pathBuiltFraction', 'nearBuiltFraction', 'rxBuildingHeightM', 'neighbourBuiltFraction', 'neighbourBuildingHeightM',
  'rxAboveTxM', 'rsPowerDbm', 'freqGhz', 'totalTiltDeg', 'cellBuiltFraction', 'measuredRsrpDbm',
] as const;

/**
 * Computes the link geometry of every point of `set`, cell by cell (one 5 m map per cell). Never throws in
 * the loop: degenerate geometry is clamped (distance ≥ 5 m, effective height ≥ 1 m). Checks `cancel` once
 * per cell and reports progress per cell.
 * @example const g = computePathGeometry(set); g.d2DM.length === set.points.length
 */
export function computePathGeometry(
  set: MeasurementSet,
  options: Partial<GeometryOptions> & { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): PathGeometry {
  const opt: GeometryOptions = { ...DEFAULT_GEOMETRY_OPTIONS, ...options };
  const n = set.points.length;
  const g = { rows: n, cellIndex: new Int32Array(n), rxClutter: new Int32Array(n) } as PathGeometry;
  for (const k of GEOMETRY_KEYS) (g as unknown as Record<string, Float64Array>)[k] = new Float64Array(n);
  g.pathClutterShare = CLUTTER_GROUPS.map(() => new Float64Array(n));
  const groupWeight = new Float64Array(CLUTTER_GROUPS.length);
  const byCell = new Map<number, number[]>();
  set.points.forEach((pt, i) => {
    let list = byCell.get(pt.cellIndex);
    if (!list) byCell.set(pt.cellIndex, (list = []));
    list.push(i);
  });
  let groundProfile = new Float64Array(1024);
  let fullProfile = new Float64Array(1024);
  let done = 0;
  for (const [ci, indices] of byCell) {
    throwIfCancelled(options.cancel);
    const cell = set.cells[ci];
    const map = buildSquareMap(cell, ci, set.points, { fillBuildingsBlock: opt.fillBuildingsBlock });
    const step = map.cellSizeM;
    const halfM = step / 2;
    const sxM = cell.xM + halfM;
    const syM = cell.yM - halfM;
    const siteGroundM = Number.isNaN(cell.altitudeM) ? 0 : cell.altitudeM;
    const siteBuildingM = Number.isNaN(cell.buildingHeightM) ? 0 : cell.buildingHeightM;
    const txAmslM = siteGroundM + siteBuildingM + cell.heightM;
    // environment of the cell: built share of measured squares within 300 m of the site
    let envKnown = 0;
    let envBuilt = 0;
    const envR = Math.ceil(300 / step);
    const sc = Math.floor((sxM - map.x0M) / step);
    const sr = Math.floor((map.yTopM - syM) / step);
    for (let r = Math.max(0, sr - envR); r <= Math.min(map.rows - 1, sr + envR); r++) {
      for (let c = Math.max(0, sc - envR); c <= Math.min(map.cols - 1, sc + envR); c++) {
        const idx = r * map.cols + c;
        if (!map.isKnown[idx] || (r - sr) ** 2 + (c - sc) ** 2 > envR * envR) continue;
        envKnown++;
        if (map.buildingHeightM[idx] > 0) envBuilt++;
      }
    }
    const cellBuiltFraction = envKnown ? envBuilt / envKnown : 0;
    const nbR = Math.max(0, Math.round(opt.neighbourhoodRadiusM / step));
    for (const i of indices) {
      const pt = set.points[i];
      g.cellIndex[i] = ci;
      const rxXM = pt.xM + halfM;
      const rxYM = pt.yM - halfM;
      const rxGroundM = Number.isNaN(pt.altitudeM) ? siteGroundM : pt.altitudeM;
      const rxBuildingM = Number.isNaN(pt.buildingHeightM) ? 0 : pt.buildingHeightM;
      const rxAmslM = rxGroundM + opt.ueHeightM;
      const d2DM = Math.max(Math.hypot(rxXM - sxM, rxYM - syM), step);
      const bearingDeg = radToDeg(Math.atan2(rxXM - sxM, rxYM - syM));
      const azOffDeg = ((((bearingDeg - cell.azimuthDeg + 180) % 360) + 360) % 360) - 180;
      const elevDeg = radToDeg(Math.atan2(rxAmslM - txAmslM, d2DM));
      const [antAzDeg, antElevDeg] = toAntennaFrameDeg(azOffDeg, elevDeg, cell.mechanicalTiltDeg);
      // profile every `step` m from the site to the receiver over ground and ground + buildings
      const nSamples = Math.max(2, Math.ceil(d2DM / step) + 1);
      if (nSamples > groundProfile.length) {
        groundProfile = new Float64Array(nSamples * 2);
        fullProfile = new Float64Array(nSamples * 2);
      }
      const stepM = d2DM / (nSamples - 1);
      let maxRiseM = 0;
      let aboveCount = 0;
      let obstructions = 0;
      let wasAbove = false;
      let lastAboveK = -1;
      let pathKnown = 0;
      let pathBuilt = 0;
      let nearKnown = 0;
      let nearBuilt = 0;
      groupWeight.fill(0);
      let groupTotal = 0;
      for (let k = 0; k < nSamples; k++) {
        const t = k / (nSamples - 1);
        const c = Math.floor((sxM + (rxXM - sxM) * t - map.x0M) / step);
        const r = Math.floor((map.yTopM - (syM + (rxYM - syM) * t)) / step);
        let gM = siteGroundM;
        let bM = 0;
        if (c >= 0 && c < map.cols && r >= 0 && r < map.rows) {
          const idx = r * map.cols + c;
          gM = map.altitudeM[idx];
          bM = map.buildingHeightM[idx];
          if (k > 0 && k < nSamples - 1 && map.isKnown[idx]) {
            const gi = GROUP_OF_CLUTTER[map.clutter[idx]];
            if (gi >= 0) {
              // weight squares near the receiver more (e-folding 200 m), as clutter there matters most
              const w = Math.exp(-((nSamples - 1 - k) * stepM) / 200);
              groupWeight[gi] += w;
              groupTotal += w;
            }
            pathKnown++;
            if (bM > 0) pathBuilt++;
            if ((nSamples - 1 - k) * stepM <= 100) {
              nearKnown++;
              if (bM > 0) nearBuilt++;
            }
          }
        }
        groundProfile[k] = gM;
        fullProfile[k] = gM + bM;
        if (k > 0 && k < nSamples - 1) {
          const riseM = gM + bM - (txAmslM + ((rxAmslM - txAmslM) * k) / (nSamples - 1));
          if (riseM > maxRiseM) maxRiseM = riseM;
          const isAbove = riseM > 0;
          if (isAbove) {
            aboveCount++;
            lastAboveK = k;
            if (!wasAbove) obstructions++;
          }
          wasAbove = isAbove;
        }
      }
      const terrainDb = deygoutLossDb(groundProfile.subarray(0, nSamples), stepM, txAmslM, rxAmslM, cell.freqMhz);
      const fullDb = deygoutLossDb(fullProfile.subarray(0, nSamples), stepM, txAmslM, rxAmslM, cell.freqMhz);
      // receiver neighbourhood
      let nbKnown = 0;
      let nbBuilt = 0;
      let nbHeightSum = 0;
      const rc = Math.floor((rxXM - map.x0M) / step);
      const rr = Math.floor((map.yTopM - rxYM) / step);
      for (let r = Math.max(0, rr - nbR); r <= Math.min(map.rows - 1, rr + nbR); r++) {
        for (let c = Math.max(0, rc - nbR); c <= Math.min(map.cols - 1, rc + nbR); c++) {
          const idx = r * map.cols + c;
          if (!map.isKnown[idx] || (r - rr) ** 2 + (c - rc) ** 2 > nbR * nbR) continue;
          nbKnown++;
          if (map.buildingHeightM[idx] > 0) nbBuilt++;
          nbHeightSum += map.buildingHeightM[idx];
        }
      }
      g.d2DM[i] = d2DM;
      g.d3DM[i] = Math.hypot(d2DM, txAmslM - rxAmslM);
      g.heffM[i] = Math.max(txAmslM - rxGroundM, 1);
      g.txHeightAglM[i] = cell.heightM + siteBuildingM;
      g.azimuthOffDeg[i] = azOffDeg;
      g.elevationDeg[i] = elevDeg;
      g.antennaAzimuthDeg[i] = antAzDeg;
      g.antennaVerticalOffDeg[i] = antElevDeg + cell.electricalTiltDeg;
      g.terrainDiffractionDb[i] = terrainDb;
      g.fullDiffractionDb[i] = fullDb;
      g.maxRiseM[i] = maxRiseM;
      g.obstructedLengthM[i] = aboveCount * stepM;
      g.obstructionCount[i] = obstructions;
      g.lastObstructionDistM[i] = lastAboveK >= 0 ? (nSamples - 1 - lastAboveK) * stepM : 0;
      g.pathBuiltFraction[i] = pathKnown ? pathBuilt / pathKnown : 0;
      g.nearBuiltFraction[i] = nearKnown ? nearBuilt / nearKnown : 0;
      g.rxBuildingHeightM[i] = rxBuildingM;
      g.rxClutter[i] = pt.clutter;
      g.neighbourBuiltFraction[i] = nbKnown ? nbBuilt / nbKnown : 0;
      g.neighbourBuildingHeightM[i] = nbKnown ? nbHeightSum / nbKnown : 0;
      g.rxAboveTxM[i] = Math.max(rxGroundM - txAmslM, 0);
      g.rsPowerDbm[i] = cell.rsPowerDbm;
      g.freqGhz[i] = cell.freqMhz / 1000;
      g.totalTiltDeg[i] = cell.electricalTiltDeg + cell.mechanicalTiltDeg;
      g.cellBuiltFraction[i] = cellBuiltFraction;
      g.measuredRsrpDbm[i] = pt.rsrpDbm;
      for (let gi = 0; gi < groupWeight.length; gi++) g.pathClutterShare[gi][i] = groupTotal > 0 ? groupWeight[gi] / groupTotal : 0;
    }
    done += indices.length;
    options.onProgress?.(done / Math.max(n, 1));
  }
  return g;
}

type FeatureFn = (g: PathGeometry, i: number, o: GeometryOptions) => number;

const lg = (x: number) => Math.log10(x);
const hPattern = (g: PathGeometry, i: number, o: GeometryOptions) => -Math.min(12 * (g.antennaAzimuthDeg[i] / o.horizontalBeamwidthDeg) ** 2, 30);
const vPattern = (g: PathGeometry, i: number, o: GeometryOptions) => -Math.min(12 * (g.antennaVerticalOffDeg[i] / o.verticalBeamwidthDeg) ** 2, 30);
const isLos = (g: PathGeometry, i: number) => (g.maxRiseM[i] <= 0 ? 1 : 0);

/**
 * The available features: name → function of the geometry. Path loss terms carry the sign the regression
 * finds (RSRP falls with log d, so its K is negative).
 */
export const FEATURES: Record<string, FeatureFn> = {
  logD3dM: (g, i) => lg(g.d3DM[i]),
  logDHinge2: (g, i) => Math.max(lg(g.d3DM[i]) - 2, 0),
  logDHinge25: (g, i) => Math.max(lg(g.d3DM[i]) - 2.5, 0),
  logDHinge3: (g, i) => Math.max(lg(g.d3DM[i]) - 3, 0),
  logHeffM: (g, i) => lg(g.heffM[i]),
  logDxLogHeff: (g, i) => lg(g.d3DM[i]) * lg(g.heffM[i]),
  dKm: (g, i) => g.d3DM[i] / 1000,
  horizontalPatternDb: hPattern,
  verticalPatternDb: vPattern,
  patternDb: (g, i, o) => -Math.min(-(hPattern(g, i, o) + vPattern(g, i, o)), 30),
  cosAzimuthOff: (g, i) => Math.cos((g.azimuthOffDeg[i] * Math.PI) / 180),
  verticalOffAbsDeg: (g, i) => Math.min(Math.abs(g.antennaVerticalOffDeg[i]), 60),
  terrainDiffractionDb: (g, i) => Math.min(g.terrainDiffractionDb[i], 40),
  terrainDiffractionLog: (g, i) => lg(1 + g.terrainDiffractionDb[i]),
  buildingDiffractionLog: (g, i) => lg(1 + Math.max(g.fullDiffractionDb[i] - g.terrainDiffractionDb[i], 0)),
  fullDiffractionCapDb: (g, i) => Math.min(g.fullDiffractionDb[i], 20),
  isLos,
  logDxIsLos: (g, i) => lg(g.d3DM[i]) * isLos(g, i),
  obstructionDepthLogM: (g, i) => lg(1 + g.maxRiseM[i]),
  obstructedLengthLogM: (g, i) => lg(1 + g.obstructedLengthM[i]),
  obstructionCountLog: (g, i) => lg(1 + g.obstructionCount[i]),
  lastObstructionLogM: (g, i) => (g.maxRiseM[i] > 0 ? lg(1 + g.lastObstructionDistM[i]) : 0),
  pathBuiltFraction: (g, i) => g.pathBuiltFraction[i],
  nearBuiltFraction: (g, i) => g.nearBuiltFraction[i],
  rxBuildingLogM: (g, i) => lg(1 + g.rxBuildingHeightM[i]),
  rxInBuilding: (g, i) => (g.rxBuildingHeightM[i] > 0 ? 1 : 0),
  neighbourBuiltFraction: (g, i) => g.neighbourBuiltFraction[i],
  neighbourBuildingLogM: (g, i) => lg(1 + g.neighbourBuildingHeightM[i]),
  rxAboveTxM: (g, i) => Math.min(g.rxAboveTxM[i], 30),
  logTxHeightAglM: (g, i) => lg(Math.max(g.txHeightAglM[i], 1)),
  totalTiltDeg: (g, i) => g.totalTiltDeg[i],
  rsPowerDbm: (g, i) => g.rsPowerDbm[i],
  cellBuiltFraction: (g, i) => g.cellBuiltFraction[i],
  logDxCellBuilt: (g, i) => lg(g.d3DM[i]) * g.cellBuiltFraction[i],
};
CLUTTER_GROUP_NAMES.forEach((name, gi) => (FEATURES[`pathShare${name}`] = (g, i) => g.pathClutterShare[gi][i]));
for (let k = 1; k <= 20; k++) FEATURES[`clutter${k}`] = (g, i) => (g.rxClutter[i] === k ? 1 : 0);

/** Every feature name FEATURES knows. */
export const ALL_FEATURE_NAMES: readonly string[] = Object.keys(FEATURES);

/**
 * The default feature set of a calibrated model: the K-factor terms (log d, log Heff, their product, d),
 * RS power and tilt corrections, the antenna pattern toward the receiver, terrain and building obstruction
 * along the path, the receiver's neighbourhood and per-clutter offsets. Chosen by 5-fold cross-validation by
 * cell on the Huawei 2019 cells (scripts/validateCalibration.ts), keeping only physically meaningful terms.
 */
export const DEFAULT_FEATURE_NAMES: readonly string[] = [
  'logD3dM', 'logHeffM', 'logDxLogHeff', 'dKm', 'rsPowerDbm', 'totalTiltDeg',
  'horizontalPatternDb', 'verticalPatternDb', 'verticalOffAbsDeg', 'cosAzimuthOff',
  'terrainDiffractionDb', 'fullDiffractionCapDb', 'isLos', 'obstructedLengthLogM', 'obstructionCountLog',
  'neighbourBuildingLogM', 'rxAboveTxM', 'cellBuiltFraction',
  ...Array.from({ length: 20 }, (_, k) => `clutter${k + 1}`),
];

/** A feature matrix: row-major values, with the fit target and offset per row. */
export interface FeatureMatrix {
  names: string[];
  rows: number;
  /** rows × names.length */
  values: Float64Array;
  /** RSRP − (RS power − 20 log10 f/GHz), dB: what the linear model predicts (NaN where RSRP is unknown) */
  targetDb: Float64Array;
  /** RS power − 20 log10(f/GHz), dBm: add the model output to get RSRP */
  offsetDb: Float64Array;
  cellIndex: Int32Array;
}

/**
 * Builds the matrix of `names` from `geometry`. Throws RangeError for an unknown feature name.
 * @example featureMatrix(computePathGeometry(set), ['logD3dM', 'patternDb'])
 */
export function featureMatrix(
  geometry: PathGeometry,
  names: readonly string[] = DEFAULT_FEATURE_NAMES,
  options: Partial<GeometryOptions> = {},
): FeatureMatrix {
  const opt: GeometryOptions = { ...DEFAULT_GEOMETRY_OPTIONS, ...options };
  const fns = names.map((name) => {
    const fn = FEATURES[name];
    if (!fn) throw new RangeError(`unknown feature name "${name}"`);
    return fn;
  });
  const p = names.length;
  const n = geometry.rows;
  const values = new Float64Array(n * p);
  const targetDb = new Float64Array(n);
  const offsetDb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) values[i * p + j] = fns[j](geometry, i, opt);
    offsetDb[i] = geometry.rsPowerDbm[i] - 20 * Math.log10(geometry.freqGhz[i]);
    targetDb[i] = geometry.measuredRsrpDbm[i] - offsetDb[i];
  }
  return { names: [...names], rows: n, values, targetDb, offsetDb, cellIndex: geometry.cellIndex };
}

/**
 * The uncalibrated reference prediction, dBm: RS power + 15 dBi [EST] + 3GPP sector pattern (65°/10°, tilts)
 * − TR 38.901 UMa path loss, LOS where the 5 m profile is clear, with hBS = antenna height above the
 * receiver's ground. Source: TR 38.901 Tables 7.3-1 and 7.4.1-1.
 * @example referenceRsrpDbm(computePathGeometry(set))
 */
export function referenceRsrpDbm(geometry: PathGeometry, options: Partial<GeometryOptions> = {}): Float64Array {
  const opt: GeometryOptions = { ...DEFAULT_GEOMETRY_OPTIONS, ...options };
  const out = new Float64Array(geometry.rows);
  for (let i = 0; i < geometry.rows; i++) {
    const hBsM = Math.max(geometry.heffM[i], opt.ueHeightM + 0.1);
    const plDb = pathLossUmaDb(geometry.d2DM[i], hBsM, opt.ueHeightM, geometry.freqGhz[i], geometry.maxRiseM[i] <= 0);
    const gainDbi = REFERENCE_ANTENNA_GAIN_DBI + FEATURES.patternDb(geometry, i, opt);
    out[i] = geometry.rsPowerDbm[i] + gainDbi - plDb;
  }
  return out;
}
