import type { CancelToken, ProgressFn } from '../cancel';
import { CoverageEngine, coverageContextFromProject, unionWindows, type CellWindow, type SiteFootprint } from '../coverage';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import { prepareScoring, resolveScoringSettings, scoreCoverage, scoringReport, updateScoring } from '../scoring';
import type { FibreKpiInput, ReportOptions, ScoreReport, ScoringState } from '../scoring';

const EMPTY: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };

/** What one site adds on its own (PlanEvaluator.siteGains): people and km² newly covered, people its interference costs. */
export interface SiteGain {
  newPeopleCovered: number;
  peopleLostToInterference: number;
  newAreaKm2: number;
}

/** What an edit changed: the window of cells whose coverage moved, and the report after it. */
export interface Evaluation {
  changed: CellWindow;
  report: ScoreReport;
}

/**
 * A project's coverage and scores, kept current edit by edit: the coverage engine (core/coverage) and the
 * scoring state (core/scoring) over the same grid. `applyEdits` recomputes only the edited sites'
 * footprints and re-scores only the window they touch; the report's deltas compare with the previous one.
 * The same object serves the app's plan worker and the CLI, so both show the same figures.
 * @example const ev = new PlanEvaluator(project); ev.applyEdits({ upserts: [movedSite] }).report.kpis
 */
export class PlanEvaluator {
  readonly engine: CoverageEngine;
  private readonly scoring: ScoringState;
  private readonly sites = new Map<string, Site>();
  private reportOptions: Omit<ReportOptions, 'siteCount' | 'previous'>;
  private current: ScoreReport;
  /** the report lags the coverage (applyEdits with `deferReport`) until `refreshReport` */
  private isReportStale = false;

  /**
   * Builds coverage for `project.sites` (or from `footprints` predicted elsewhere, e.g. by workers, in the
   * same order) and scores it.
   */
  constructor(
    project: Project,
    options: {
      footprints?: readonly SiteFootprint[];
      fibre?: FibreKpiInput;
      residentPopulation?: number;
      cancel?: CancelToken;
      onProgress?: ProgressFn;
    } = {},
  ) {
    const ctx = coverageContextFromProject(project);
    this.engine = new CoverageEngine(ctx);
    const progress = (from: number, to: number) => (f: number) => options.onProgress?.(from + (to - from) * f);
    if (options.footprints) this.engine.setFootprints(options.footprints, { cancel: options.cancel, onProgress: progress(0, 0.5) });
    else this.engine.setSites(project.sites, { cancel: options.cancel, onProgress: progress(0, 0.8) });
    for (const site of project.sites) this.sites.set(site.id, site);
    const prep = prepareScoring({
      grid: project.grid,
      boundary: project.boundary,
      places: project.places,
      population: project.population,
      settings: resolveScoringSettings(project.settings),
    });
    this.scoring = scoreCoverage(prep, this.engine.raster, { cancel: options.cancel, onProgress: progress(0.8, 1) });
    this.reportOptions = { fibre: options.fibre, residentPopulation: options.residentPopulation };
    this.current = scoringReport(this.scoring, { ...this.reportOptions, siteCount: this.sites.size });
  }

  /** The report of the sites as they stand (made now if edits deferred it). */
  get report(): ScoreReport {
    if (this.isReportStale) this.refreshReport();
    return this.current;
  }

  /** Makes the report for the current coverage and scores (KPIs, places, ranked gaps with outlines). */
  refreshReport(): ScoreReport {
    this.current = scoringReport(this.scoring, { ...this.reportOptions, siteCount: this.sites.size, previous: this.current });
    this.isReportStale = false;
    return this.current;
  }

  /** The sites as the evaluator holds them, in insertion order. */
  siteList(): Site[] {
    return [...this.sites.values()];
  }

  /** Replaces the fibre figures (after the OLTs changed) and reports again; coverage is untouched. */
  setFibre(fibre: FibreKpiInput | undefined): ScoreReport {
    this.reportOptions = { ...this.reportOptions, fibre };
    return this.refreshReport();
  }

  /**
   * Adds or replaces `upserts` and removes `removals` (site ids); returns the changed window and the new
   * report. With `deferReport` the coverage and the score sums are brought up to date but the report (gap
   * ranking and outlines, the costly part) waits for `refreshReport` or `report`: a drag shows coverage at
   * once and the dashboard when the pointer rests.
   */
  applyEdits(edits: { upserts?: readonly Site[]; removals?: readonly string[] }, options: { deferReport?: boolean } = {}): Evaluation {
    let changed = EMPTY;
    for (const id of edits.removals ?? []) {
      if (!this.sites.delete(id)) continue;
      changed = unionWindows(changed, this.engine.removeSite(id));
    }
    for (const site of edits.upserts ?? []) {
      this.sites.set(site.id, site);
      changed = unionWindows(changed, this.engine.upsertSite(site));
    }
    if (changed.cols > 0 && changed.rows > 0) updateScoring(this.scoring, this.engine.raster, changed);
    this.isReportStale = true;
    if (!options.deferReport) this.refreshReport();
    return { changed, report: this.current };
  }

  /**
   * What each of `siteIds` adds on its own, cell by cell at the baseline outdoor target (the KPI's definition):
   * `newPeopleCovered` and `newAreaKm2` count the county cells that meet the target with all sites and miss it without
   * this one; `peopleLostToInterference` the cells that meet it only without this one (its signal raises the others'
   * interference, a real effect reported apart), so neither figure is ever negative. Modelled; overlapping sites
   * share what either alone would cover, so the gains do not add up to the network's. Each site is taken out and
   * put back with its own footprint, and the scores follow both steps; coverage and scores end as they were.
   * Unknown ids are left out.
   * @example ev.siteGains(['P1', 'P2']) // { P1: { newPeopleCovered: 1830, peopleLostToInterference: 12, newAreaKm2: 2.4 }, ... }
   */
  siteGains(siteIds: readonly string[]): Record<string, SiteGain> {
    const out: Record<string, SiteGain> = {};
    const { grid } = this.engine.ctx;
    const cellKm2 = (grid.cellSizeM / 1000) ** 2;
    const { status, prep } = this.scoring;
    for (const id of siteIds) {
      const footprint = this.engine.footprint(id);
      if (!footprint) continue;
      const window = this.engine.removeSite(id);
      // the outdoor-baseline bit (status bit 1) of the window's cells with the site, before the scores follow
      const withSite = new Uint8Array(window.cols * window.rows);
      for (let r = 0; r < window.rows; r++) {
        for (let c = 0, i = (window.row0 + r) * grid.cols + window.col0; c < window.cols; c++, i++) withSite[r * window.cols + c] = status[i] & 1;
      }
      updateScoring(this.scoring, this.engine.raster, window);
      let gainedPeople = 0;
      let gainedCells = 0;
      let lostPeople = 0;
      for (let r = 0; r < window.rows; r++) {
        for (let c = 0, i = (window.row0 + r) * grid.cols + window.col0; c < window.cols; c++, i++) {
          if (!prep.inCounty[i]) continue;
          const was = withSite[r * window.cols + c];
          const without = status[i] & 1;
          if (was && !without) {
            gainedPeople += prep.populationPerCell[i];
            gainedCells++;
          } else if (!was && without) lostPeople += prep.populationPerCell[i];
        }
      }
      out[id] = { newPeopleCovered: Math.round(gainedPeople), peopleLostToInterference: Math.round(lostPeople), newAreaKm2: gainedCells * cellKm2 };
      updateScoring(this.scoring, this.engine.raster, this.engine.upsertFootprint(footprint));
    }
    return out;
  }

  /** Brings the evaluator to exactly `sites`: the edits are found by comparing each site's content. */
  setSites(sites: readonly Site[]): Evaluation {
    const upserts: Site[] = [];
    const seen = new Set<string>();
    for (const site of sites) {
      seen.add(site.id);
      const held = this.sites.get(site.id);
      if (held !== site && (!held || JSON.stringify(held) !== JSON.stringify(site))) upserts.push(site);
    }
    const removals = [...this.sites.keys()].filter((id) => !seen.has(id));
    return this.applyEdits({ upserts, removals });
  }
}
