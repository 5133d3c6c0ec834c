import type { CancelToken, ProgressFn } from '../cancel';
import type { CoverageRaster } from '../model/coverage';
import type { Project } from '../model/project';
import { prepareScoring } from './prepareScoring';
import { scoreCoverage } from './scoreCoverage';
import { scoringReport, type ReportOptions, type ScoreReport } from './scoringReport';
import type { ScoringState } from './scoringState';
import { resolveScoringSettings } from './settings';

/**
 * Scores a project's coverage raster in one call: settings from `project.settings.scoring` over the
 * defaults, places and boundary rasterised once, full scoring, and the report (KPIs, places, ranked gaps).
 * Keep `state` and pass it to updateScoring after each site edit, then call scoringReport again.
 * @example const { report, state } = scoreProject(project, engine.raster, { fibre });
 */
export function scoreProject(
  project: Project,
  raster: CoverageRaster,
  options: Partial<ReportOptions> & { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): { report: ScoreReport; state: ScoringState } {
  const prep = prepareScoring({
    grid: project.grid,
    boundary: project.boundary,
    places: project.places,
    population: project.population,
    settings: resolveScoringSettings(project.settings),
    seat: project.seat,
  });
  const state = scoreCoverage(prep, raster, { cancel: options.cancel, onProgress: options.onProgress });
  return { report: scoringReport(state, { ...options, siteCount: options.siteCount ?? project.sites.length }), state };
}
