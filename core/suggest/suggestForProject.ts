import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { capacityReport, createCapacityState, layersOfCell, prepareCapacity, resolveCapacitySettings, updateCapacity, type CapacityReport, type CapacityState } from '../capacity';
import { costTableFromSettings } from '../costs';
import { CoverageEngine, coverageContextFromProject, predictFootprints, unionWindows, type CellWindow, type CoverageContext, type SiteFootprint } from '../coverage';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import { prepareScoring, resolveScoringSettings, scoreCoverage, updateScoring } from '../scoring';
import { capacityCandidates } from './capacityCandidates';
import { capacityRelief, type CapacityRelief } from './capacityRelief';
import { nameByLocation } from './nameByLocation';
import { suggestionBaseline } from './suggestionBaseline';
import { suggestionCandidates, type CandidateGeneration, type SuggestionCandidate } from './suggestionCandidates';
import { suggestionInput } from './suggestionInput';
import { suggestSites } from './suggestSites';
import type { SuggestionResult, SuggestOptions } from './types';

/** Predicts footprints of `sites` in order: in-process (default) or in a worker pool (runFootprintJobs). */
export type FootprintPredictor = (
  ctx: CoverageContext,
  sites: readonly Site[],
  options: { cancel?: CancelToken; onProgress?: ProgressFn },
) => Promise<SiteFootprint[]>;

/** How a suggestion counts capacity (core/capacity): relief of overloaded sectors and micro sites at their hot spots. */
export interface CapacityOptions {
  /** relief against coverage: 1 (default) weighs a person whose busy-hour demand cannot be carried as one without coverage */
  reliefWeight?: number;
  /** micro-site candidates at hot spots: at most this many in all (default 300) and per sector (default 4) */
  maxCandidates?: number;
  maxPerSector?: number;
}

/** Options of {@link suggestForProject}: the optimiser's, the candidate generation, and where footprints come from. */
export interface SuggestForProjectOptions extends SuggestOptions {
  generation?: CandidateGeneration;
  /**
   * Count capacity too (default true): a candidate's value adds the demand it takes over from sectors above the
   * target load (capacityRelief), and micro sites are proposed at their hot spots. false: coverage only.
   */
  capacity?: boolean | CapacityOptions;
  /** default: predictFootprints in this thread */
  predict?: FootprintPredictor;
  /** footprints of project.sites already predicted (e.g. held by the app's coverage engine), in any order */
  existingFootprints?: readonly SiteFootprint[];
  /** a clock in ms (e.g. performance.now) to time the stages; without it no timings are reported */
  clockMs?: () => number;
  /** re-score the plan with the chosen sites (default true); false: `rescored` is all 0 and `capacity.after` equals `before` */
  isRescoring?: boolean;
  /** return the chosen sites' footprints (`chosenFootprints`), e.g. to add them to an evaluator without predicting again */
  isReturningFootprints?: boolean;
  /**
   * require every deep-coverage place not reached today (its key points that miss the target) as if listed in
   * `requiredPlaceIds`; key points no candidate reaches are reported in `unmetConstraints`
   */
  isRequiringAllPlaces?: boolean;
}

/** Change of the scored plan once the chosen sites are added, with SINR and interference (the full engine). */
export interface RescoredGain {
  /** weighted demand / persons of cells that newly meet their target */
  demandGained: number;
  peopleGained: number;
  /** weighted demand / persons of cells that met their target before and no longer do (new interference) */
  demandLost: number;
  peopleLost: number;
}

/** The capacity figures before and after the chosen sites (core/capacity; modelled). */
export interface CapacityChange {
  before: Pick<CapacityReport, 'demandShareWithinTarget' | 'overloadedSectors' | 'extraSectorsNeeded' | 'microSitesNeeded'>;
  after: Pick<CapacityReport, 'demandShareWithinTarget' | 'overloadedSectors' | 'extraSectorsNeeded' | 'microSitesNeeded'>;
  /** covered cells on overloaded sectors today, and their summed relief value (weighted persons) */
  reliefCells: number;
  reliefValue: number;
}

/** What suggestForProject returns: plain data. */
export interface ProjectSuggestion {
  result: SuggestionResult;
  /** the chosen candidates' sites in build order (result.sites order) */
  chosenSites: Site[];
  /** their footprints, same order; only with `isReturningFootprints` */
  chosenFootprints?: SiteFootprint[];
  /** candidates considered, by reason */
  candidateCounts: Record<SuggestionCandidate['reason'], number>;
  /** cells missing their target today, and their weighted demand and persons */
  today: { gapCells: number; gapDemand: number; gapPeople: number };
  rescored: RescoredGain;
  /** capacity before and after; null when capacity was not counted */
  capacity: CapacityChange | null;
  /** measured wall time per stage, s; only with `options.clockMs` */
  timingS?: { existingFootprints: number; scoring: number; candidateFootprints: number; optimise: number; rescore: number };
}

/**
 * Site suggestion for a whole project (issue 8): scores today's plan (coverage engine + scoring), builds the
 * candidates (project ones plus generated: suggestionCandidates), predicts their footprints with the radio
 * engine (`options.predict`, e.g. a worker pool), turns them into the instance (suggestionInput), runs
 * suggestSites (lazy greedy + local search, HiGHS gap on small instances), and re-scores the plan with the
 * chosen sites added to report what they really gain once SINR and interference are counted. With capacity
 * on (default), overloaded sectors' covered cells count as relief and micro sites are proposed at their hot
 * spots (capacityRelief, capacityCandidates), and the capacity figures are reported before and after. Throws
 * CancelledError when `options.cancel` is aborted, RangeError for bad options.
 * @example const s = await suggestForProject(project, { budgetCny: 5e6, seed: 1 }); s.result.sites[0].gainPeople
 */
export async function suggestForProject(project: Project, options: SuggestForProjectOptions): Promise<ProjectSuggestion> {
  const { cancel, onProgress, clockMs } = options;
  const now = (): number => (clockMs ? clockMs() / 1000 : NaN);
  const stage = (from: number, to: number): ProgressFn => (f) => onProgress?.(from + (to - from) * f);
  const predict: FootprintPredictor = options.predict ?? (async (ctx, sites, o) => predictFootprints(ctx, sites, o));
  const ctx = coverageContextFromProject(project);

  let t = now();
  const existing = options.existingFootprints ?? (await predict(ctx, project.sites, { cancel, onProgress: stage(0, 0.2) }));
  const existingFootprints = now() - t;
  t = now();
  const engine = new CoverageEngine(ctx);
  engine.setFootprints(existing, { cancel });
  const prep = prepareScoring({ grid: project.grid, boundary: project.boundary, places: project.places, population: project.population, settings: resolveScoringSettings(project.settings), seat: project.seat });
  const state = scoreCoverage(prep, engine.raster, { cancel });
  const baseline = suggestionBaseline(state);
  const costTable = costTableFromSettings({ costs: project.settings.costs });
  const candidates = suggestionCandidates(project, state, baseline, costTable, options.generation);
  const capOptions = options.capacity === false ? null : options.capacity === true || options.capacity === undefined ? {} : options.capacity;
  let capacity: { state: CapacityState; relief: CapacityRelief; before: CapacityReport } | null = null;
  if (capOptions) {
    const settings = resolveCapacitySettings(project.settings);
    const band = project.settings.radio.band;
    const kinds = new Map([...project.sites, ...candidates.map((c) => c.site)].map((site) => [site.id, site.kind]));
    const capState = createCapacityState(prepareCapacity(prep, settings, band), engine.raster, layersOfCell(settings, band, (id) => kinds.get(id)));
    const relief = capacityRelief(capState, engine.raster, baseline, { reliefWeight: capOptions.reliefWeight });
    capacity = { state: capState, relief, before: capacityReport(capState, { sectorLimit: 0 }) };
    if (relief.cells > 0 && options.generation?.isGenerating !== false) {
      const ids = new Set(candidates.map((c) => c.site.id));
      for (const c of capacityCandidates(capState, costTable, { band, maxCandidates: capOptions.maxCandidates, maxPerSector: capOptions.maxPerSector })) {
        if (ids.has(c.site.id)) continue;
        ids.add(c.site.id);
        kinds.set(c.site.id, c.site.kind);
        candidates.push(c);
      }
    }
  }
  const scoring = now() - t;
  throwIfCancelled(cancel);

  t = now();
  const footprints = await predict(ctx, candidates.map((c) => c.site), { cancel, onProgress: stage(0.2, 0.6) });
  const candidateFootprints = now() - t;
  t = now();
  const input = suggestionInput(ctx, state, baseline, candidates, footprints, capacity?.relief);
  const { generation: _g, predict: _p, existingFootprints: _e, clockMs: _c, capacity: _cap, isRescoring: _r, isReturningFootprints: _f, isRequiringAllPlaces: _a, ...suggestOptions } = options;
  if (options.isRequiringAllPlaces) suggestOptions.requiredPlaceIds = [...new Set([...(suggestOptions.requiredPlaceIds ?? []), ...(input.places ?? []).map((p) => p.placeId)])];
  const result = await suggestSites(input, { ...suggestOptions, onProgress: stage(0.6, 0.95) });
  const optimise = now() - t;

  t = now();
  const index = new Map(candidates.map((c, k) => [c.site.id, k]));
  const chosen = result.sites.map((s) => index.get(s.candidateId)!);
  const isRescoring = options.isRescoring ?? true;
  const before = state.status.slice();
  let changed: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };
  if (isRescoring) for (const k of chosen) changed = unionWindows(changed, engine.upsertFootprint(footprints[k]));
  if (changed.cols > 0) updateScoring(state, engine.raster, changed);
  let capacityChange: CapacityChange | null = null;
  if (capacity) {
    updateCapacity(capacity.state, engine.raster, changed);
    const pick = (r: CapacityReport) => ({
      demandShareWithinTarget: r.demandShareWithinTarget,
      overloadedSectors: r.overloadedSectors,
      extraSectorsNeeded: r.extraSectorsNeeded,
      microSitesNeeded: r.microSitesNeeded,
    });
    capacityChange = {
      before: pick(capacity.before),
      after: pick(capacityReport(capacity.state, { sectorLimit: 0 })),
      reliefCells: capacity.relief.cells,
      reliefValue: capacity.relief.total,
    };
  }
  const rescored: RescoredGain = { demandGained: 0, peopleGained: 0, demandLost: 0, peopleLost: 0 };
  let gapDemand = 0;
  let gapPeople = 0;
  let gapCells = 0;
  for (let i = 0; i < before.length; i++) {
    if (!prep.inCounty[i]) continue;
    const was = (before[i] & 4) !== 0;
    const is = (state.status[i] & 4) !== 0;
    if (!was) {
      gapCells++;
      gapDemand += baseline.demand[i];
      gapPeople += baseline.population[i];
    }
    if (!was && is) {
      rescored.demandGained += baseline.demand[i];
      rescored.peopleGained += baseline.population[i];
    } else if (was && !is) {
      rescored.demandLost += baseline.demand[i];
      rescored.peopleLost += baseline.population[i];
    }
  }
  onProgress?.(1);

  const toGrid = proj4('WGS84', project.grid.crs);
  const toGridM = (p: [number, number]) => toGrid.forward(p);
  const candidateCounts: ProjectSuggestion['candidateCounts'] = { project: 0, 'gap-centre': 0, 'terrain-high-point': 0, indoor: 0, capacity: 0 };
  for (const c of candidates) candidateCounts[c.reason]++;
  return {
    result,
    chosenSites: chosen.map((k) => nameByLocation(candidates[k], prep.landmarks, toGridM)),
    candidateCounts,
    today: { gapCells, gapDemand, gapPeople },
    rescored,
    capacity: capacityChange,
    ...(options.isReturningFootprints && { chosenFootprints: chosen.map((k) => footprints[k]) }),
    ...(clockMs && { timingS: { existingFootprints, scoring, candidateFootprints, optimise, rescore: now() - t } }),
  };
}
