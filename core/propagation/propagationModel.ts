/**
 * The propagation model: one parameterised family, in the form of the Standard Propagation Model's K-factors
 * (named terms a planner can read), used by the coverage engine for every cell and by calibration and
 * `qcplan predict` for measured points. Path loss, dB:
 *
 *   L = K1 + K2·log10(d') + K3·log10(Heff) + K5·log10(d')·log10(Heff) + Kfar·log10(max(d, d_knee)/d_knee)
 *       + Kf·log10(f/GHz) + Kt·J_terrain + Kc·max(J_surface − J_terrain, 0) + C_rx + A
 *
 * with d the 3-D distance (m), d' = min(d, d_knee), Heff the antenna height above the receiver's ground (m,
 * at least 1), J the single knife-edge loss over the transmitter's horizon on the terrain profile and on the
 * profile with representative clutter heights (ITU-R P.526, P.1812), C_rx the clutter loss around the receiver
 * (the mean over a neighbourhood of each land-use class's ITU-R P.2108 §3.1 reference loss plus the class's
 * calibrated correction) and A the antenna-pattern attenuation (weights on the 3GPP TR 38.901 Table 7.3-1
 * horizontal and vertical cuts, a front-to-back term and a vertical slope, capped at the floor).
 * RSRP = transmit EPRE + boresight gain + UE gain − L (− the shadow margin at a location probability).
 * A line-of-sight path over terrain has J_terrain = 0: no statistical NLOS term exists (issue #20).
 * Reference forms: TR 38.901 RMa LOS PL1 (referencePropagationModel) and COST-231 Hata (hataPropagationModel)
 * are members of the family.
 */
import { LAND_USE_CLASS_COUNT, LAND_USE_IDS, type LandUseId } from './landUse';

export const PROPAGATION_MODEL_FORMAT = 'qcplan-propagation-model';
export const PROPAGATION_MODEL_VERSION = 1;

/** The calibratable K-factors (loss side: a positive value adds loss). */
export interface KFactors {
  /** K1, dB */
  offsetDb: number;
  /** K2: per decade of 3-D distance (m) up to the far knee, dB */
  distanceDbPerDecade: number;
  /** K3: per decade of effective antenna height (m), dB */
  heightDbPerDecade: number;
  /** K5: per decade of distance (up to the knee) times decade of effective height, dB */
  distanceHeightDb: number;
  /** beyond the far knee: per decade of distance, dB */
  farDistanceDbPerDecade: number;
  /** weight of the terrain diffraction loss J_terrain */
  terrainDiffraction: number;
  /** weight of the extra diffraction by clutter, max(J_surface − J_terrain, 0) */
  clutterDiffraction: number;
  /** weight of the 3GPP horizontal pattern attenuation (12 (φ/φ3dB)², capped at 30 dB) */
  horizontalPattern: number;
  /** weight of the 3GPP vertical pattern attenuation (12 (θ/θ3dB)², capped at the side-lobe level) */
  verticalPattern: number;
  /** extra attenuation behind the antenna, dB: times (1 − cos φ)/2 (0 at boresight, all of it at the back) */
  frontBackDb: number;
  /** extra attenuation per degree off the tilted beam vertically, dB/° */
  verticalSlopeDbPerDeg: number;
}

/** The fixed parts of the form (not fitted). */
export interface ModelForm {
  /** Kf: frequency term per decade of f/GHz, dB (TR 38.901 LOS forms: 20) */
  frequencyDbPerDecade: number;
  /** distance where the near slope hands over to the far slope, m */
  farKneeM: number;
  /** radius of the receiver's neighbourhood whose land use makes C_rx, m */
  clutterRadiusM: number;
  /** largest antenna-pattern attenuation, dB (3GPP A_m = 30) */
  patternFloorDb: number;
}

/** Held-out scores of a fit (PredictionScores in brief). */
export interface FitScores {
  count: number;
  rmseDb: number;
  /** mean of predicted − measured, dB */
  meanErrorDb: number;
  /** standard deviation of predicted − measured, dB */
  sigmaDb: number;
  /** F1 of recognising RSRP below the weak threshold */
  pcrr: number;
  weakThresholdDbm: number;
}

/** What a model was fitted on and how well it did (absent for a reference form). */
export interface ModelFit {
  /** what the measurements were, for people (file names or data set, counts) */
  fittedOn: string;
  cells: number;
  points: number;
  /** scoring method, e.g. '5-fold by site, held out' */
  method: string;
  /** scores of the model on held-out sites/cells */
  heldOut: FitScores;
  /** scores of the model it replaced, on the same held-out points (absent when not measured) */
  before?: FitScores;
  /** ISO 8601 UTC time of the fit */
  atIso: string;
  /** how to reproduce the fit */
  command?: string;
}

/** A propagation model record (plain JSON: saved in the project and in model.json). */
export interface PropagationModel {
  format: typeof PROPAGATION_MODEL_FORMAT;
  version: typeof PROPAGATION_MODEL_VERSION;
  name: string;
  /** 'default' | 'calibrated' | 'reference' */
  kind: 'default' | 'calibrated' | 'reference';
  kFactors: KFactors;
  /** calibrated correction to each land-use class's P.2108 reference loss, dB */
  clutterCorrectionDb: Record<LandUseId, number>;
  form: ModelForm;
  /** standard deviation of measured about predicted RSRP (location variability plus model error), dB */
  sigmaDb: number;
  fit?: ModelFit;
}

/** The K-factor names, in the order of the fit's columns. */
export const K_FACTOR_NAMES: readonly (keyof KFactors)[] = [
  'offsetDb', 'distanceDbPerDecade', 'heightDbPerDecade', 'distanceHeightDb', 'farDistanceDbPerDecade',
  'terrainDiffraction', 'clutterDiffraction', 'horizontalPattern', 'verticalPattern', 'frontBackDb', 'verticalSlopeDbPerDeg',
];

/** The form used by every model here: 20 dB/decade in f, knee 1 km, neighbourhood 50 m, pattern floor 30 dB. */
export const STANDARD_FORM: ModelForm = { frequencyDbPerDecade: 20, farKneeM: 1000, clutterRadiusM: 50, patternFloorDb: 30 };

/** A correction of 0 dB for every class. */
export function zeroClutterCorrections(): Record<LandUseId, number> {
  return Object.fromEntries(LAND_USE_IDS.map((id) => [id, 0])) as Record<LandUseId, number>;
}

/**
 * σ of TR 38.901 RMa LOS shadow fading (4 dB, Table 7.4.1-1) plus clutter variability: the reference model's
 * location standard deviation, 8 dB [EST: the RMa NLOS value, used while nothing was fitted].
 */
const REFERENCE_SIGMA_DB = 8;

/**
 * The reference form: TR 38.901 RMa LOS PL1 with the default average building height h = 5 m, written in
 * K-factors: 20 log10(40π d fc/3) + min(0.03 h^1.72, 10) log10 d − min(0.044 h^1.72, 14.77) + 0.002 log10(h) d
 * = 31.74 + 20.48 log10 d + 20 log10 fc + 1.40 d/km. The family has no linear term: below the 1 km knee it
 * is left out (< 1.4 dB), beyond it the far slope is 20.48 dB/decade plus the linear term's 5.6 dB over
 * 1-5 km per log10(5) decades (28.5 dB/decade; within 0.8 dB of the form over 1-5 km). Plus the 3GPP antenna pattern
 * (weights 1), full knife-edge diffraction over terrain and clutter (weights 1) and the P.2108 clutter
 * references (corrections 0). Uncalibrated: for comparison and tests, never a project's default.
 * Source: TR 38.901 V17.0.0 Table 7.4.1-1 (RMa LOS PL1); Table 7.3-1 (pattern).
 * @example referencePropagationModel().kFactors.distanceDbPerDecade // 20.48
 */
export function referencePropagationModel(): PropagationModel {
  const h172 = 5 ** 1.72;
  const near = 20 + Math.min(0.03 * h172, 10);
  return {
    format: PROPAGATION_MODEL_FORMAT,
    version: PROPAGATION_MODEL_VERSION,
    name: 'TR 38.901 RMa LOS reference',
    kind: 'reference',
    kFactors: {
      offsetDb: 20 * Math.log10((40 * Math.PI) / 3) - Math.min(0.044 * h172, 14.77),
      distanceDbPerDecade: near,
      heightDbPerDecade: 0,
      distanceHeightDb: 0,
      farDistanceDbPerDecade: near + (0.002 * Math.log10(5) * 1000 * 4) / Math.log10(5),
      terrainDiffraction: 1,
      clutterDiffraction: 1,
      horizontalPattern: 1,
      verticalPattern: 1,
      frontBackDb: 0,
      verticalSlopeDbPerDeg: 0,
    },
    clutterCorrectionDb: zeroClutterCorrections(),
    form: { ...STANDARD_FORM },
    sigmaDb: REFERENCE_SIGMA_DB,
  };
}

/**
 * COST-231 Hata (urban, medium city, 1500-2000 MHz; extrapolated above) as a member of the family, for a UE at
 * `ueHeightM` and carrier `freqMhz`: 46.3 + 33.9 log10 f − 13.82 log10 hb − a(hm) + (44.9 − 6.55 log10 hb)(log10 d − 3)
 * gives K1 = 46.3 + 33.9·3 − 134.7 − a(hm), K2 = 44.9, K3 = −13.82 + 19.65, K5 = −6.55 and Kf = 33.9 (f in GHz).
 * Hata's urban clutter is inside its formula: use it where land use is unknown, or the P.2108 references count
 * clutter twice. Source: COST Action 231 final report (1999) §4.4.1.
 * @example hataPropagationModel(1800, 1.5).kFactors.distanceDbPerDecade // 44.9
 */
export function hataPropagationModel(freqMhz: number, ueHeightM: number): PropagationModel {
  const logF = Math.log10(freqMhz);
  const aHmDb = (1.1 * logF - 0.7) * ueHeightM - (1.56 * logF - 0.8);
  const model = referencePropagationModel();
  model.name = 'COST-231 Hata (urban) reference';
  model.form = { ...STANDARD_FORM, frequencyDbPerDecade: 33.9, farKneeM: 1e9 };
  model.kFactors = {
    ...model.kFactors,
    offsetDb: 46.3 + 33.9 * 3 - 3 * 44.9 - aHmDb,
    distanceDbPerDecade: 44.9,
    heightDbPerDecade: -13.82 + 3 * 6.55,
    distanceHeightDb: -6.55,
    farDistanceDbPerDecade: 44.9,
    terrainDiffraction: 0,
    clutterDiffraction: 0,
  };
  return model;
}

/**
 * Checks a parsed model.json or project model record; returns it typed or throws Error naming the bad field.
 * Missing land-use corrections default to 0.
 * @example parsePropagationModel(JSON.parse(text))
 */
export function parsePropagationModel(x: unknown): PropagationModel {
  const m = x as Partial<PropagationModel> | null;
  if (!m || typeof m !== 'object') throw new Error('model must be a JSON object');
  if (m.format !== PROPAGATION_MODEL_FORMAT) {
    const old = (m as { format?: unknown }).format === 'qcplan-rsrp-calibration';
    throw new Error(old ? 'model.json is from an earlier version (qcplan-rsrp-calibration): run qcplan calibrate again' : `model.format must be "${PROPAGATION_MODEL_FORMAT}"`);
  }
  if (m.version !== PROPAGATION_MODEL_VERSION) throw new Error(`model.version ${String(m.version)} is not supported (expected ${PROPAGATION_MODEL_VERSION})`);
  if (typeof m.name !== 'string') throw new Error('model.name must be a string');
  if (m.kind !== 'default' && m.kind !== 'calibrated' && m.kind !== 'reference') throw new Error('model.kind must be default, calibrated or reference');
  if (!m.kFactors || typeof m.kFactors !== 'object') throw new Error('model.kFactors must be an object');
  for (const k of K_FACTOR_NAMES) if (!Number.isFinite(m.kFactors[k])) throw new Error(`model.kFactors.${k} must be a finite number`);
  const form = m.form as ModelForm | undefined;
  if (!form || typeof form !== 'object') throw new Error('model.form must be an object');
  for (const k of ['frequencyDbPerDecade', 'farKneeM', 'clutterRadiusM', 'patternFloorDb'] as const) {
    if (!Number.isFinite(form[k])) throw new Error(`model.form.${k} must be a finite number`);
  }
  if (!(form.farKneeM > 0)) throw new Error('model.form.farKneeM must be > 0');
  if (!(form.clutterRadiusM >= 0)) throw new Error('model.form.clutterRadiusM must be >= 0');
  if (!(Number(m.sigmaDb) >= 0)) throw new Error('model.sigmaDb must be a number >= 0');
  const corrections = zeroClutterCorrections();
  for (const id of LAND_USE_IDS) {
    const v = m.clutterCorrectionDb?.[id];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw new Error(`model.clutterCorrectionDb.${id} must be a finite number`);
    corrections[id] = v;
  }
  const kFactors = Object.fromEntries(K_FACTOR_NAMES.map((k) => [k, m.kFactors![k]])) as unknown as KFactors;
  const out: PropagationModel = {
    format: PROPAGATION_MODEL_FORMAT, version: PROPAGATION_MODEL_VERSION, name: m.name, kind: m.kind, kFactors,
    clutterCorrectionDb: corrections, form: { ...form }, sigmaDb: Number(m.sigmaDb),
  };
  if (m.fit) out.fit = m.fit;
  return out;
}

/** A model in a line, for `qcplan info`, the legend and the coverage report. */
export interface ModelSummary {
  name: string;
  /** 'default' | 'calibrated' | 'reference', with what it was fitted on */
  source: string;
  heldOutRmseDb: number | null;
  sigmaDb: number;
  pcrr: number | null;
}

/**
 * Summarises a project's model as `{ name, source, heldOutRmseDb, sigmaDb, pcrr }` (figures rounded to 0.01;
 * null where the model was not fitted).
 * @example summarisePropagationModel(DEFAULT_PROPAGATION_MODEL).heldOutRmseDb
 */
export function summarisePropagationModel(model: PropagationModel): ModelSummary {
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    name: model.name,
    source: model.fit ? `${model.kind}: ${model.fit.fittedOn}` : model.kind,
    heldOutRmseDb: model.fit ? r(model.fit.heldOut.rmseDb) : null,
    sigmaDb: r(model.sigmaDb),
    pcrr: model.fit ? r(model.fit.heldOut.pcrr) : null,
  };
}

/** Number of land-use classes a model corrects (every code). */
export const MODEL_CLUTTER_CLASSES = LAND_USE_CLASS_COUNT;
