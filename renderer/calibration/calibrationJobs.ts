import type { CancelToken, ProgressFn } from '../../core/cancel';
import {
  calibrateProject, matchDriveTest, type DriveTestProblem, type DriveTestRecord, type MatchReport, type PredictionScores,
} from '../../core/calibration';
import type { Project } from '../../core/model';
import type { PropagationModel } from '../../core/propagation';
import { fail, ok, type Result } from '../../core/result';
import { readDriveTestFile } from '../../geodata/measurements';

/** A drive-test file as picked: its name and bytes. */
export interface DriveTestInput {
  name: string;
  bytes: Uint8Array;
}

/** How one file read: its layout, the columns used, how many samples and which rows were skipped (first few). */
export interface DriveTestFileSummary {
  file: string;
  ok: boolean;
  /** why the whole file was refused (ok false), in English; `reason` words it in the UI's language */
  message?: string;
  reason?: { code: string; params?: Record<string, string | number> };
  layout?: 'contest-2019' | 'drive-test';
  columns?: Record<string, string>;
  rowsRead: number;
  samples: number;
  skipped: number;
  /** up to PROBLEMS_SHOWN of the skipped rows */
  problems: DriveTestProblem[];
}

/** The matching report before any fit: per file, then how the samples matched the project's sites. */
export interface DriveTestPreview {
  files: DriveTestFileSummary[];
  matching: MatchReport;
  /** every sample read, for the fit (the matching is done again there, on the same records) */
  records: DriveTestRecord[];
}

/** Skipped rows listed per file (the count is always given). */
export const PROBLEMS_SHOWN = 20;

/**
 * Reads drive-test files (readDriveTestFile: contest layout, plain CSV, drive-test exports; UTF-8 or GB18030)
 * and matches the samples to the project's sites (matchDriveTest, the same options calibrateProject uses), so
 * the planner sees what matched and why the rest did not before anything is fitted. A file that cannot be read
 * is reported, not fatal; when no file gave a sample, the files say why and nothing matches (nothing to fit).
 * @example const r = previewDriveTests(project, [{ name: 'dt.csv', bytes }]); if (r.ok) r.value.matching.matched
 */
export function previewDriveTests(project: Project, inputs: readonly DriveTestInput[], options: { planarCrs?: string } = {}): Result<DriveTestPreview> {
  const files: DriveTestFileSummary[] = [];
  const records: DriveTestRecord[] = [];
  for (const input of inputs) {
    const read = readDriveTestFile(input.bytes, input.name, options);
    if (!read.ok) {
      files.push({ file: input.name, ok: false, message: read.message, ...(read.reason ? { reason: read.reason } : {}), rowsRead: 0, samples: 0, skipped: 0, problems: [] });
      continue;
    }
    const v = read.value;
    records.push(...v.records);
    files.push({
      file: input.name, ok: true, layout: v.layout, columns: v.columns, rowsRead: v.rowsRead, samples: v.records.length,
      skipped: v.problems.length, problems: v.problems.slice(0, PROBLEMS_SHOWN),
    });
  }
  const { report } = matchDriveTest(records, project.sites, { grid: project.grid, maxRangeM: project.settings.radio.maxRangeM });
  return ok({ files, matching: report, records });
}

/** One measured point of a calibration as the charts and the map show it. */
export interface CalibrationPoints {
  lonDeg: Float64Array;
  latDeg: Float64Array;
  measuredDbm: Float64Array;
  /** the project's model before calibration, dBm (NaN where it predicts nothing) */
  beforeDbm: Float64Array;
  /** the calibrated model on held-out sites (each site predicted by a fit without it), dBm */
  afterDbm: Float64Array;
}

/** What a calibration run gives the UI: the fitted model, scores before and after, the points. */
export interface CalibrationOutcome {
  model: PropagationModel;
  matching: MatchReport;
  notPredicted: number;
  folds: number;
  before: PredictionScores;
  after: PredictionScores;
  perSite: { site: string; points: number; beforeRmseDb: number; afterRmseDb: number; afterMeanErrorDb: number }[];
  points: CalibrationPoints;
}

/**
 * Calibrates the project's model to the records (calibrateProject: matching, k-fold held-out by site, one fit on
 * all points) and keeps what the result view needs, in plain data and typed arrays (cheap to send from a worker).
 * Throws RangeError when fewer than 2 sites or 10 points can be used, CancelledError when cancelled.
 * @example const out = calibrateForApp(project, preview.records, { atIso: new Date().toISOString() })
 */
export function calibrateForApp(
  project: Project,
  records: readonly DriveTestRecord[],
  options: { atIso: string; cancel?: CancelToken; onProgress?: ProgressFn },
): CalibrationOutcome {
  // the files for people; the panel words the counts (model.fit.cells, points) in the reader's language
  const fittedOn = [...new Set(records.map((r) => r.file))].join(', ');
  const c = calibrateProject(project, records, { atIso: options.atIso, fittedOn, cancel: options.cancel, onProgress: options.onProgress });
  const { report } = c;
  const n = c.points.length;
  const points: CalibrationPoints = {
    lonDeg: Float64Array.from(c.points, (p) => p.lonDeg),
    latDeg: Float64Array.from(c.points, (p) => p.latDeg),
    measuredDbm: report.pairs.measuredDbm.slice(0, n),
    beforeDbm: report.pairs.beforeDbm.slice(0, n),
    afterDbm: report.pairs.afterDbm.slice(0, n),
  };
  return {
    model: report.model,
    matching: c.matching,
    notPredicted: c.notPredicted,
    folds: report.folds,
    before: report.before,
    after: report.after,
    perSite: report.perGroup.map((g) => ({
      site: g.group, points: g.points, beforeRmseDb: g.before.rmseDb, afterRmseDb: g.after.rmseDb, afterMeanErrorDb: g.after.meanErrorDb,
    })),
    points,
  };
}
