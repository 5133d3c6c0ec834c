import type { CancelToken, ProgressFn } from '../cancel';
import { coverageContextFromProject } from '../coverage/coverageContextFromProject';
import type { Project } from '../model/project';
import { DEFAULT_PROPAGATION_MODEL } from '../propagation/defaultModel';
import type { PropagationModel } from '../propagation/propagationModel';
import { calibratePropagationModel, type CalibrationReport } from './calibratePropagationModel';
import type { DriveTestRecord } from './driveTest';
import type { FitOptions } from './fitPropagationModel';
import { matchDriveTest, type MatchedRecord, type MatchReport } from './matchDriveTest';
import { linksFromProject } from './projectLinks';

/**
 * How calibration fits unless told otherwise: every term free within PHYSICAL_BOUNDS except the horizontal
 * pattern, held to at least half the 3GPP attenuation (a 15 dB front-to-back): serving-cell drive tests see a
 * sector's side and back only near the site, where scattering fills them, and would otherwise flatten every
 * sector toward an omni (measured on the 2019 cells: the free fit gives 0.1-0.5).
 */
export const CALIBRATION_FIT: Omit<FitOptions, 'rowMask' | 'cancel'> = { bounds: { horizontalPattern: [0.5, 2] } };

/** Options of calibrateProject. */
export interface ProjectCalibrationOptions {
  /** ISO 8601 UTC time recorded with the model (the caller's clock) */
  atIso: string;
  /** what the files were, for the model's record (default: the files named in the records) */
  fittedOn?: string;
  command?: string;
  /** k of the k-fold by site (default 5, at most the number of sites with points) */
  folds?: number;
  pciMaxDistanceM?: number;
  fit?: Omit<FitOptions, 'rowMask' | 'cancel'>;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** The outcome of calibrateProject: matching, then the calibration (pairs in the order of `points`). */
export interface ProjectCalibration {
  matching: MatchReport;
  /** the matched points (pairs[i] of the report is points[i]) */
  points: MatchedRecord[];
  /** matched points the project cannot predict (beyond the site's range, no terrain): left out of the fit */
  notPredicted: number;
  report: CalibrationReport;
}

/**
 * Calibrates a project's propagation model to drive-test records: matches them to the project's sites
 * (matchDriveTest), takes each point at its grid cell as the coverage engine sees it (linksFromProject), fits
 * the project's model (or the default) by k-fold cross-validation by site and once on all points
 * (calibratePropagationModel). Worker-friendly: plain data in and out; `cancel` is checked and `onProgress`
 * reported throughout (matching and geometry to 0.4, fits to 1). The project is not changed: applyPropagationModel
 * makes the project with the new model. Throws RangeError when fewer than 2 sites or 10 points can be used.
 * @example const { matching, report } = calibrateProject(project, records, { atIso: new Date().toISOString() })
 */
export function calibrateProject(project: Project, records: readonly DriveTestRecord[], options: ProjectCalibrationOptions): ProjectCalibration {
  const base = project.propagationModel ?? DEFAULT_PROPAGATION_MODEL;
  const { points, report: matching } = matchDriveTest(records, project.sites, {
    grid: project.grid,
    maxRangeM: project.settings.radio.maxRangeM,
    pciMaxDistanceM: options.pciMaxDistanceM,
  });
  const ctx = coverageContextFromProject(project);
  const links = linksFromProject(ctx, project.sites, points, {
    cancel: options.cancel,
    onProgress: (f) => options.onProgress?.(0.4 * f),
  });
  let notPredicted = 0;
  for (let i = 0; i < links.rows; i++) if (!Number.isFinite(links.txDbm[i])) notPredicted++;
  const files = [...new Set(records.map((r) => r.file))];
  const report = calibratePropagationModel(
    {
      links,
      base,
      fittedOn: options.fittedOn ?? `${files.join(', ')} (${points.length - notPredicted} points, ${matching.perSite.length} sites)`,
      atIso: options.atIso,
      command: options.command,
      folds: options.folds,
      fit: options.fit ?? CALIBRATION_FIT,
      name: `已校准模型 ${options.atIso.slice(0, 10)}`,
    },
    { cancel: options.cancel, onProgress: (f) => options.onProgress?.(0.4 + 0.6 * f) },
  );
  return { matching, points, notPredicted, report };
}

/**
 * The project with `model` as its propagation model (a new object; the rest shared): the apply step after
 * calibrateProject, or a reset with DEFAULT_PROPAGATION_MODEL. Coverage must be recomputed afterwards (every
 * footprint depends on the model).
 * @example project = applyPropagationModel(project, calibration.report.model)
 */
export function applyPropagationModel(project: Project, model: PropagationModel): Project {
  return { ...project, propagationModel: model };
}
