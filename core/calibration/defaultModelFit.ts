import type { CancelToken, ProgressFn } from '../cancel';
import { referencePropagationModel, type PropagationModel } from '../propagation/propagationModel';
import { calibratePropagationModel, type CalibrationReport } from './calibratePropagationModel';
import { CALIBRATION_FIT } from './calibrateProject';
import type { FitOptions } from './fitPropagationModel';
import type { MeasurementSet } from './measurement';
import { linksFromSquareMaps } from './squareMapLinks';

/**
 * How the default model is fitted on the 2019 Huawei cells. They are serving-cell measurements within one city
 * (measured: scripts/analyseModelError.ts): they cannot tell the bare-ground law from the city's clutter, nor a
 * mast's height from its block, and beyond about 1.5 km they are clusters where a distant cell still served
 * (RSRP no lower at 4 km than at 1 km). So the line of sight over terrain is physics and the city's excess is
 * the clutter's (issue #20):
 * - fixed at the reference form (referencePropagationModel, TR 38.901 RMa LOS): the offset K1 and the near and far
 *   distance slopes, so that a clear path over open ground gets the line-of-sight loss ITM gives
 *   (scripts/compareItm.ts); a free fit wants a near slope of 15 dB/decade, below free space: far points are
 *   measured only where they are still served;
 * - no antenna-height gain (K3 = K5 = 0): a mast's height counts through the geometry (3-D distance, vertical
 *   pattern) and through the terrain and clutter diffraction, which see the antenna. COST-231 Hata's height gain
 *   over an effective height measured from the receiver's ground took ~20 dB from every receiver on a slope above
 *   the mast's foot (Heff near 1 m) and spread the per-cell mean errors (7.4 dB rms with it, 5.7 dB without);
 * - the terrain diffraction weight 1 (ITU-R P.526 knife edge over the transmitter's horizon): the 5 m altitude
 *   maps of these cells (holes filled by block means) would drive it to 0, ITM on a mountain tile wants about 2;
 *   the single edge stands between them (README, "Propagation model");
 * - the clutter corrections of open land, water, rural and unknown at 0 (no clutter loss: open land is the
 *   reference of the line-of-sight form; the city's few open squares lie among buildings);
 * - fitted, on points within 1.5 km of their site: the corrections of forest, suburban, urban and dense-urban
 *   clutter, the clutter-diffraction weight and the antenna-pattern weights (the horizontal one at least half the
 *   3GPP attenuation: CALIBRATION_FIT).
 */
export const DEFAULT_MODEL_FIT: Omit<FitOptions, 'rowMask' | 'cancel'> = {
  ...CALIBRATION_FIT,
  fixed: [
    'offsetDb', 'distanceDbPerDecade', 'heightDbPerDecade', 'distanceHeightDb', 'farDistanceDbPerDecade', 'terrainDiffraction',
    'clutter.unknown', 'clutter.water', 'clutter.open', 'clutter.rural',
  ],
  maxDistanceM: 1500,
};

/**
 * The form the default is fitted from: the reference (TR 38.901 RMa LOS, no antenna-height gain, terrain and
 * clutter diffraction weight 1, 3GPP pattern, P.2108 clutter references); see DEFAULT_MODEL_FIT.
 * @example defaultModelBase().kFactors.distanceDbPerDecade // 20.48
 */
export function defaultModelBase(): PropagationModel {
  return referencePropagationModel();
}

/**
 * Fits the default model to the Huawei 2019 measurement set (readHuaweiCalibrationCsv of every train_*.csv),
 * starting from defaultModelBase, with DEFAULT_MODEL_FIT, scored by 5-fold cross-validation by cell.
 * The caller records `atIso` and the command (scripts/fitDefaultModel.ts).
 * @example const report = fitDefaultModel(set, { atIso: new Date().toISOString(), command: 'npx tsx scripts/fitDefaultModel.ts ...' })
 */
export function fitDefaultModel(
  set: MeasurementSet,
  options: { atIso: string; command?: string; cancel?: CancelToken; onProgress?: ProgressFn },
): CalibrationReport {
  const links = linksFromSquareMaps(set, { cancel: options.cancel, onProgress: (f) => options.onProgress?.(0.3 * f) });
  return calibratePropagationModel(
    {
      links,
      base: defaultModelBase(),
      name: '默认模型 (2019 实测 40 小区拟合)',
      kind: 'default',
      fittedOn: `2019 Huawei contest cells, 2.6 GHz (${set.cells.length} cells, ${set.points.length} points; fit within 1.5 km)`,
      atIso: options.atIso,
      command: options.command,
      folds: 5,
      fit: DEFAULT_MODEL_FIT,
    },
    { cancel: options.cancel, onProgress: (f) => options.onProgress?.(0.3 + 0.7 * f) },
  );
}
