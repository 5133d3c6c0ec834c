import { referenceClutterLossDb } from './clutterLoss';
import { LAND_USE_CLASS_COUNT, LAND_USE_IDS, type LandUseCode } from './landUse';
import { K_FACTOR_NAMES, type KFactors, type ModelForm, type PropagationModel } from './propagationModel';

/**
 * One link from a sector to a receiver, as the model sees it. The coverage engine fills it per grid cell
 * (core/coverage), calibration per measured point (core/calibration); linkLossDb turns it into dB.
 */
export interface LinkGeometry {
  /** 3-D distance between the antennas, m (at least 1) */
  d3DM: number;
  /** antenna height above the receiver's ground, m (at least 1) */
  hEffM: number;
  /** carrier frequency, GHz */
  freqGhz: number;
  /** single knife-edge loss over the terrain profile, dB (0 when clear of the Fresnel-zone limit) */
  terrainDiffractionDb: number;
  /** the same over terrain plus representative clutter heights, dB (= terrain's where there is no clutter) */
  surfaceDiffractionDb: number;
  /** share of each land-use class (index = code) in the receiver's neighbourhood; all 0 = no clutter */
  clutterShares: ArrayLike<number>;
  /** receiver's horizontal angle off boresight in the (mechanically tilted) antenna frame, deg */
  azimuthOffDeg: number;
  /** receiver's vertical angle off the electrically tilted beam in the antenna frame, deg (0 on the beam) */
  verticalOffDeg: number;
  isOmni: boolean;
  horizontalBeamwidthDeg: number;
  verticalBeamwidthDeg: number;
  /** receiver height above ground, m */
  ueHeightM: number;
}

/** 3GPP vertical side-lobe level of a sector antenna and of an omni (TR 38.901 Table 7.3-1; antennaPattern.ts). */
const SECTOR_SLA_DB = 30;
const OMNI_SLA_DB = 20;
const HORIZONTAL_CAP_DB = 30;
const RAD = Math.PI / 180;

/** Number of model terms per link: the K-factors, then one share per land-use class. */
export const MODEL_TERM_COUNT = K_FACTOR_NAMES.length + LAND_USE_CLASS_COUNT;

/**
 * The model's terms of `link` (what each K-factor multiplies, in K_FACTOR_NAMES order, then the class shares)
 * into `out`, and returns the fixed part (frequency term plus the P.2108 reference clutter loss), dB. The fit
 * regresses on these terms; linkLossDb sums them. Never throws.
 * @example const x = new Float64Array(MODEL_TERM_COUNT); const fixedDb = linkTerms(model.form, link, x);
 */
export function linkTerms(form: ModelForm, link: LinkGeometry, out: Float64Array): number {
  const lgNear = Math.log10(Math.max(Math.min(link.d3DM, form.farKneeM), 1));
  const lgFar = Math.log10(Math.max(link.d3DM, form.farKneeM) / form.farKneeM);
  const lgH = Math.log10(Math.max(link.hEffM, 1));
  let i = 0;
  out[i++] = 1;
  out[i++] = lgNear;
  out[i++] = lgH;
  out[i++] = lgNear * lgH;
  out[i++] = lgFar;
  out[i++] = link.terrainDiffractionDb;
  out[i++] = Math.max(link.surfaceDiffractionDb - link.terrainDiffractionDb, 0);
  if (link.isOmni) {
    out[i++] = 0;
    out[i++] = Math.min(12 * (link.verticalOffDeg / link.verticalBeamwidthDeg) ** 2, OMNI_SLA_DB);
    out[i++] = 0;
  } else {
    out[i++] = Math.min(12 * (link.azimuthOffDeg / link.horizontalBeamwidthDeg) ** 2, HORIZONTAL_CAP_DB);
    out[i++] = Math.min(12 * (link.verticalOffDeg / link.verticalBeamwidthDeg) ** 2, SECTOR_SLA_DB);
    out[i++] = (1 - Math.cos(link.azimuthOffDeg * RAD)) / 2;
  }
  out[i++] = Math.abs(link.verticalOffDeg);
  let referenceDb = 0;
  for (let k = 0; k < LAND_USE_CLASS_COUNT; k++) {
    const share = link.clutterShares[k] ?? 0;
    out[i++] = share;
    if (share > 0) referenceDb += share * referenceClutterLossDb(k as LandUseCode, link.freqGhz, link.ueHeightM);
  }
  return form.frequencyDbPerDecade * Math.log10(link.freqGhz) + referenceDb;
}

/** Index of the first pattern term in linkTerms' output, and one past the last. */
export const PATTERN_TERMS = { first: K_FACTOR_NAMES.indexOf('horizontalPattern'), end: K_FACTOR_NAMES.indexOf('verticalSlopeDbPerDeg') + 1 };

/**
 * The model's coefficients in linkTerms order: the K-factors, then the per-class clutter corrections.
 * @example modelCoefficients(model).length === MODEL_TERM_COUNT
 */
export function modelCoefficients(model: PropagationModel): Float64Array {
  const c = new Float64Array(MODEL_TERM_COUNT);
  K_FACTOR_NAMES.forEach((k, j) => (c[j] = model.kFactors[k as keyof KFactors]));
  LAND_USE_IDS.forEach((id, k) => (c[K_FACTOR_NAMES.length + k] = model.clutterCorrectionDb[id]));
  return c;
}

/**
 * Path loss of `link` under `model`, dB, antenna-pattern attenuation included (capped at form.patternFloorDb):
 * RSRP = transmit EPRE + boresight gain + UE gain − linkLossDb. Pass `coefficients` (modelCoefficients) and
 * `scratch` (MODEL_TERM_COUNT) to spare allocations in loops. Never throws; NaN in, NaN out.
 * @example linkLossDb(DEFAULT_PROPAGATION_MODEL, link)
 */
export function linkLossDb(
  model: PropagationModel,
  link: LinkGeometry,
  coefficients = modelCoefficients(model),
  scratch = new Float64Array(MODEL_TERM_COUNT),
): number {
  let lossDb = linkTerms(model.form, link, scratch);
  let patternDb = 0;
  for (let j = 0; j < MODEL_TERM_COUNT; j++) {
    const v = coefficients[j] * scratch[j];
    if (j >= PATTERN_TERMS.first && j < PATTERN_TERMS.end) patternDb += v;
    else lossDb += v;
  }
  return lossDb + Math.min(patternDb, model.form.patternFloorDb);
}
