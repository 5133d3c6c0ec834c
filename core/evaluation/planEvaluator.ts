import type { CancelToken, ProgressFn } from '../cancel';
import type { CapacityReport } from '../capacity';
import { CoverageEngine, coverageContextFromProject, unionWindows, type CellWindow, type CoverageContext, type SiteFootprint } from '../coverage';
import { cellCentreLonLat } from '../grid/gridSpec';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import { makeSite } from '../model/siteDefaults';
import { coverageBasisOfProject } from './coverageBasis';
import { PlanCapacity, type LoadRasterUpdate } from './planCapacity';
import { prepareScoring, resolveScoringSettings, scoreCoverage, scoringReport, updateScoring } from '../scoring';
import type { FibreKpiInput, ReportOptions, ScoreReport, ScoringState } from '../scoring';

const EMPTY: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };
/** How far PlanEvaluator.warmUp moves its site: about 500 m at Guizhou's latitudes, a few grid cells at any grid. */
const WARM_UP_SHIFT_DEG = 0.005;
/** How far apart PlanEvaluator.warmUp's rounds stand (about 3 km): different terrain takes other branches. */
const WARM_UP_SPREAD_DEG = 0.03;
/** The id of PlanEvaluator.warmUp's temporary site: a leading NUL, which no imported or drawn site id has. */
const WARM_UP_SITE_ID = '\u0000warm-up';

/** The scores with the traffic model's capacity figures (the capacity KPI is among `kpis`). */
export interface PlanReport extends ScoreReport {
  capacity: CapacityReport;
}

/** What one site adds on its own (PlanEvaluator.siteGains): people and km² newly covered, people its interference costs. */
export interface SiteGain {
  newPeopleCovered: number;
  peopleLostToInterference: number;
  newAreaKm2: number;
}

/** What an edit changed: the window of cells whose coverage moved, and the report after it. */
export interface Evaluation {
  changed: CellWindow;
  report: PlanReport;
}

/**
 * The coverage engine as PlanEvaluator drives it: a CoverageEngine (one thread) or a SplitCoverageEngine (two
 * threads over shared memory, whose edits resolve once both threads are done).
 */
export interface EditableCoverage {
  readonly ctx: CoverageContext;
  readonly raster: CoverageEngine['raster'];
  footprint(siteId: string): SiteFootprint | undefined;
  /** the sites it holds empty, with why (outside the grid, outside the county, too many sectors) */
  skippedSites(): ReturnType<CoverageEngine['skippedSites']>;
  upsertSite(site: Site): CellWindow | Promise<CellWindow>;
  removeSite(siteId: string): CellWindow | Promise<CellWindow>;
  /** puts back a footprint it held (siteGains); an engine without it predicts the site again */
  upsertFootprint?(footprint: SiteFootprint): CellWindow;
}

/**
 * A project's coverage and scores, kept current edit by edit: the coverage engine (core/coverage) and the
 * scoring state (core/scoring) over the same grid. `applyEdits` recomputes only the edited sites'
 * footprints and re-scores only the window they touch; the report's deltas compare with the previous one.
 * The same object serves the app's plan worker and the CLI, so both show the same figures. Edits are async (an
 * engine on two threads answers later) and must not overlap: the caller awaits each before the next.
 * @example const ev = new PlanEvaluator(project); (await ev.applyEdits({ upserts: [movedSite] })).report.kpis
 */
export class PlanEvaluator {
  readonly engine: EditableCoverage;
  /** the scoring state, for read-only analyses (e.g. core/roadmap); change it only through the edits here */
  readonly scoring: ScoringState;
  private readonly capacity: PlanCapacity;
  private readonly sites = new Map<string, Site>();
  /** the county seat, where warmUp puts its temporary site (absent in files that predate it) */
  private readonly seatLonLat: [number, number] | undefined;
  private reportOptions: Omit<ReportOptions, 'siteCount' | 'previous'>;
  private current: PlanReport;
  /** the report lags the coverage (applyEdits with `deferReport`) until `refreshReport` */
  private isReportStale = false;

  /**
   * Builds coverage for `project.sites` (or from `footprints` predicted elsewhere, e.g. by workers, in the
   * same order) and scores it. With `engine`, that engine already holds the coverage of `project.sites` (a
   * SplitCoverageEngine the caller composed) and is only scored.
   */
  constructor(
    project: Project,
    options: {
      footprints?: readonly SiteFootprint[];
      engine?: EditableCoverage;
      fibre?: FibreKpiInput;
      residentPopulation?: number;
      cancel?: CancelToken;
      onProgress?: ProgressFn;
    } = {},
  ) {
    const progress = (from: number, to: number) => (f: number) => options.onProgress?.(from + (to - from) * f);
    if (options.engine) this.engine = options.engine;
    else {
      const engine = new CoverageEngine(coverageContextFromProject(project));
      if (options.footprints) engine.setFootprints(options.footprints, { cancel: options.cancel, onProgress: progress(0, 0.5) });
      else engine.setSites(project.sites, { cancel: options.cancel, onProgress: progress(0, 0.8) });
      this.engine = engine;
    }
    for (const site of project.sites) this.sites.set(site.id, site);
    const prep = prepareScoring({
      grid: project.grid,
      boundary: project.boundary,
      places: project.places,
      population: project.population,
      settings: resolveScoringSettings(project.settings),
      seat: project.seat,
    });
    this.scoring = scoreCoverage(prep, this.engine.raster, { cancel: options.cancel, onProgress: progress(0.8, 1) });
    this.capacity = new PlanCapacity(prep, project.settings, this.engine, (id) => this.sites.get(id)?.kind);
    this.reportOptions = { fibre: options.fibre, residentPopulation: options.residentPopulation, basis: coverageBasisOfProject(project) };
    this.seatLonLat = project.seat?.lonLat;
    this.current = this.makeReport();
  }

  /**
   * Scores and capacity as they stand, with the sites the coverage left out (they do not count as sites of
   * the plan); `previous` for the KPI deltas.
   */
  private makeReport(previous?: ScoreReport): PlanReport {
    const skippedSites = this.engine.skippedSites();
    const capacity = this.capacity.report(this.scoring.prep.settings.kpis.capacityDemandShare.target);
    const options = { ...this.reportOptions, siteCount: this.sites.size - skippedSites.length, previous, capacity: this.capacity.kpiInput(capacity) };
    return { ...scoringReport(this.scoring, options), skippedSites, capacity };
  }

  /**
   * The KPIs, place scores and capacity as they stand, without ranking or outlining the gaps: a cheap check
   * between edits (the `report` stays deferred).
   * @example ev.kpisNow().kpis.find((k) => k.id === 'popCoverageOutdoor')?.status
   */
  kpisNow(): Pick<PlanReport, 'kpis' | 'places' | 'capacity'> {
    const capacity = this.capacity.report(this.scoring.prep.settings.kpis.capacityDemandShare.target, 0);
    const siteCount = this.sites.size - this.engine.skippedSites().length;
    const options = { ...this.reportOptions, siteCount, capacity: this.capacity.kpiInput(capacity), outlineCount: 0, minGapAreaM2: Infinity };
    const { kpis, places } = scoringReport(this.scoring, options);
    return { kpis, places, capacity };
  }

  /** The report of the sites as they stand (made now if edits deferred it). */
  get report(): PlanReport {
    if (this.isReportStale) this.refreshReport();
    return this.current;
  }

  /** Makes the report for the current coverage and scores (KPIs, places, ranked gaps with outlines). */
  refreshReport(): PlanReport {
    this.current = this.makeReport(this.current);
    this.isReportStale = false;
    return this.current;
  }

  /** The sites as the evaluator holds them, in insertion order. */
  siteList(): Site[] {
    return [...this.sites.values()];
  }

  /** Replaces the fibre figures (after the OLTs changed) and reports again; coverage is untouched. */
  setFibre(fibre: FibreKpiInput | undefined): PlanReport {
    this.reportOptions = { ...this.reportOptions, fibre };
    return this.refreshReport();
  }

  /**
   * Adds or replaces `upserts` and removes `removals` (site ids); returns the changed window and the new
   * report. With `deferReport` the coverage and the score sums are brought up to date but the report (gap
   * ranking and outlines, the costly part) waits for `refreshReport` or `report`: a drag shows coverage at
   * once and the dashboard when the pointer rests. `footprints[k]`, when given, is the prediction of
   * `upserts[k]` made elsewhere (same site id), used instead of predicting it again (by an engine that can put
   * a footprint in; the two-thread engine predicts again).
   */
  async applyEdits(
    edits: { upserts?: readonly Site[]; removals?: readonly string[]; footprints?: readonly SiteFootprint[] },
    options: { deferReport?: boolean } = {},
  ): Promise<Evaluation> {
    const upserts = edits.upserts ?? [];
    const footprints = edits.footprints;
    if (footprints && (footprints.length !== upserts.length || footprints.some((fp, k) => fp.siteId !== upserts[k].id))) {
      throw new RangeError('footprints must be the predictions of upserts, one per site, same ids and order');
    }
    let changed = EMPTY;
    const kindChanged: string[] = [];
    for (const id of edits.removals ?? []) {
      if (!this.sites.delete(id)) continue;
      changed = unionWindows(changed, await this.engine.removeSite(id));
    }
    for (let k = 0; k < upserts.length; k++) {
      const site = upserts[k];
      const held = this.sites.get(site.id);
      if (held && held.kind !== site.kind) kindChanged.push(site.id);
      this.sites.set(site.id, site);
      const given = footprints?.[k];
      changed = unionWindows(changed, given && this.engine.upsertFootprint ? this.engine.upsertFootprint(given) : await this.engine.upsertSite(site));
    }
    if (changed.cols > 0 && changed.rows > 0) updateScoring(this.scoring, this.engine.raster, changed);
    this.capacity.update(changed, kindChanged);
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
   * put back with its own footprint, and the scores follow both steps; coverage and scores end as they were (so the
   * capacity counts, which are not touched, stay right).
   * Unknown ids are left out.
   * @example await ev.siteGains(['P1', 'P2']) // { P1: { newPeopleCovered: 1830, peopleLostToInterference: 12, newAreaKm2: 2.4 }, ... }
   */
  async siteGains(siteIds: readonly string[]): Promise<Record<string, SiteGain>> {
    const out: Record<string, SiteGain> = {};
    const { grid } = this.engine.ctx;
    const cellKm2 = (grid.cellSizeM / 1000) ** 2;
    const { status, prep } = this.scoring;
    for (const id of siteIds) {
      const footprint = this.engine.footprint(id);
      const site = this.sites.get(id);
      if (!footprint || !site) continue;
      const window = await this.engine.removeSite(id);
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
      // the same footprint back: held (one thread), or predicted again from the same site (two threads)
      const back = this.engine.upsertFootprint ? this.engine.upsertFootprint(footprint) : await this.engine.upsertSite(site);
      updateScoring(this.scoring, this.engine.raster, back);
    }
    return out;
  }

  /**
   * Runs the edit path of a planner's first edits (prediction, engine update, scoring, capacity) once on a
   * temporary macro site of the project's band, so that V8 has compiled that path before the first real edit
   * (the plan worker's first edits after opening took 4-8 times as long as later ones, also in a county without
   * sites): the site is added, moved WARM_UP_SHIFT_DEG of longitude east and removed. Round 0 stands at the county
   * seat (or the grid's centre), later rounds WARM_UP_SPREAD_DEG around it, each in another direction (other
   * terrain, other branches). Coverage and scores end as they were (the sums to the last bits), the report is the
   * one made before, and the site is removed even when an edit throws; its sectors stay in the raster's cellIds
   * serving no cell, as a deleted site's do.
   * @example for (let round = 0; round < 3; round++) await ev.warmUp(round)
   */
  async warmUp(round: number): Promise<void> {
    const wasStale = this.isReportStale;
    const { grid, radio } = this.engine.ctx;
    const [lonDeg, latDeg] = this.seatLonLat ?? cellCentreLonLat(grid, (grid.rows >> 1) * grid.cols + (grid.cols >> 1));
    const angle = (2 * Math.PI * round) / 3;
    const at: [number, number] = round === 0 ? [lonDeg, latDeg] : [lonDeg + WARM_UP_SPREAD_DEG * Math.cos(angle), latDeg + WARM_UP_SPREAD_DEG * Math.sin(angle)];
    const site = makeSite('macro', at, WARM_UP_SITE_ID, { band: radio.band });
    try {
      await this.applyEdits({ upserts: [site] }, { deferReport: true });
      await this.applyEdits({ upserts: [{ ...site, lonDeg: at[0] + WARM_UP_SHIFT_DEG }] }, { deferReport: true });
    } finally {
      await this.applyEdits({ removals: [WARM_UP_SITE_ID] }, { deferReport: true });
      this.isReportStale = wasStale;
    }
  }

  /**
   * The load map (per cell, the busy-hour load of its serving sector; core/capacity) over the cells whose load
   * may have changed since the last call, the whole grid at the first, and every sector's load by cell index.
   * @example const { window, load } = ev.loadRaster()
   */
  loadRaster(): LoadRasterUpdate {
    return this.capacity.takeLoadRaster();
  }

  /** Brings the evaluator to exactly `sites`: the edits are found by comparing each site's content. */
  setSites(sites: readonly Site[]): Promise<Evaluation> {
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
