import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { coverageContextFromProject, predictFootprints, type SiteFootprint } from '../coverage';
import { PlanEvaluator } from '../evaluation';
import type { Project } from '../model/project';
import { SITE_KINDS, SITE_STATUSES, type Site, type SiteKind, type SiteStatus } from '../model/site';
import type { KpiId } from '../scoring';
import { suggestForProject, type CandidateGeneration, type FootprintPredictor, type SuggestedSite } from '../suggest';
import { allTargetsMet, judgeTargets, type RoadmapTargetId, type TargetState } from './roadmapTargets';

/** Options of planCountyRoadmap; all optional. */
export interface RoadmapOptions {
  /** predicts footprints (existing sites, candidates); default in this thread */
  predict?: FootprintPredictor;
  /**
   * the least a site must add, in weighted demand (people x place weight, capacity relief included) per
   * 10,000 CNY, as the suggestion ranks it; below it more sites stop helping. Default 2 [EST]: a new-tower
   * macro (45万元) must bring about 90 people. Sites that bring a priority place its deep coverage are taken
   * whatever their gain (the plan requires the places, not a return).
   */
  minGainPer10kCny?: number;
  /** the most a county may spend, CNY; default no limit */
  maxCostCny?: number;
  /** suggestion rounds (each re-scores and generates candidates at the gaps and hot spots left); default 4 */
  maxRounds?: number;
  seed?: number;
  generation?: CandidateGeneration;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
  /** a clock in ms (performance.now) to time the stages; without it no timings */
  clockMs?: () => number;
}

/**
 * Why a round stopped adding sites: targets met; the next sites below the minimum gain; the cost ceiling; every
 * ranked site added; nothing to suggest; or the last batch made the plan worse once SINR and interference
 * were counted (it was taken back).
 */
export type RoundStop = 'targets-met' | 'diminishing-returns' | 'budget' | 'list-end' | 'no-candidate' | 'no-gain';

/** One suggestion round. */
export interface RoadmapRound {
  round: number;
  /** candidates the suggestion considered, and how many sites it ranked */
  candidates: number;
  suggested: number;
  /** sites added to the plan, and their cost, CNY */
  added: number;
  costCny: number;
  stop: RoundStop;
  /** the gain per 10,000 CNY of the first site not added, when the round stopped for diminishing returns */
  nextGainPer10kCny?: number;
}

/** One proposed site in build order, with what the suggestion expected of it (modelled, RSRP only). */
export interface RoadmapStep {
  siteId: string;
  kind: SiteKind;
  costCny: number;
  round: number;
  gainPeople: number;
  gainRelief: number;
  gainDemand: number;
}

/** The plan's state at one moment. */
export interface RoadmapSnapshot {
  kpis: { id: KpiId; value: number | null; target: number; status: 'green' | 'amber' | 'red' | 'none' }[];
  targets: TargetState[];
  sites: Record<SiteStatus, number>;
  sitesByKind: Record<SiteKind, number>;
  /** residents on the county's cells */
  people: number;
  capacity: { totalDemandMbps: number; demandShareWithinTarget: number | null; overloadedSectors: number; extraSectorsNeeded: number; microSitesNeeded: number };
}

/** Why a target stays unmet. */
export type UnmetReason =
  | 'no-population' // nobody on the grid: people-based targets cannot be judged
  | 'terrain' // the cells left are out of every candidate's reach over the terrain
  | 'no-candidate' // no candidate reaches the cells left (flat ground: none generated there)
  | 'interference' // the cells left have signal but too little SINR: more sites add interference too
  | 'indoor' // places meet the outdoor target but miss deep (indoor) coverage at key points
  | 'sector-capacity' // overloaded sectors remain that micro sites did not relieve: more sectors (carriers) needed
  | 'budget' // the county's cost ceiling was reached
  | 'diminishing-returns' // the next sites would add less than the minimum gain per 10,000 CNY
  | 'rounds'; // still improving when the rounds ran out

/** A target before and after, and why it stays unmet. */
export interface TargetOutcome {
  id: RoadmapTargetId;
  before: TargetState;
  after: TargetState;
  reason?: UnmetReason;
  /** figures behind the reason (people left without signal or with low SINR, sectors still needed, the next gain) */
  detail?: Record<string, number>;
}

/** What planCountyRoadmap returns: plain data. */
export interface CountyRoadmapPlan {
  /** the sites to add, status 'proposed', in build order, ids 'S<n>' after the project's */
  proposedSites: Site[];
  steps: RoadmapStep[];
  rounds: RoadmapRound[];
  before: RoadmapSnapshot;
  after: RoadmapSnapshot;
  targets: TargetOutcome[];
  /** outdoor people still missing the baseline target after the plan: without usable signal, and with signal but low SINR */
  uncovered: { people: number; noSignalPeople: number; lowSinrPeople: number };
  /**
   * the plan's coverage against its investment, evaluated (SINR and interference counted) after each batch of
   * sites: cumulative cost, CNY, and people covered outdoors at the baseline target; starts at (0, today)
   */
  curve: { costCny: number[]; peopleCovered: number[] };
  /** measured wall time per stage, s; only with `options.clockMs` */
  timingS?: { evaluate: number; suggest: number; walk: number };
}

function snapshot(ev: PlanEvaluator): RoadmapSnapshot {
  const now = ev.kpisNow();
  const sites = Object.fromEntries(SITE_STATUSES.map((s) => [s, 0])) as Record<SiteStatus, number>;
  const sitesByKind = Object.fromEntries(SITE_KINDS.map((k) => [k, 0])) as Record<SiteKind, number>;
  for (const s of ev.siteList()) {
    sites[s.status]++;
    sitesByKind[s.kind]++;
  }
  const c = now.capacity;
  return {
    kpis: now.kpis.map((k) => ({ id: k.id, value: Number.isFinite(k.value) ? k.value : null, target: k.target, status: k.status })),
    targets: judgeTargets(now),
    sites,
    sitesByKind,
    people: ev.scoring.sums.people,
    capacity: {
      totalDemandMbps: c.totalDemandMbps,
      demandShareWithinTarget: Number.isFinite(c.demandShareWithinTarget) ? c.demandShareWithinTarget : null,
      overloadedSectors: c.overloadedSectors,
      extraSectorsNeeded: c.extraSectorsNeeded,
      microSitesNeeded: c.microSitesNeeded,
    },
  };
}

/** People in county cells missing the outdoor baseline: without signal meeting its RSRP, and with it but low SINR. */
function uncoveredPeople(ev: PlanEvaluator): CountyRoadmapPlan['uncovered'] {
  const { prep, status } = ev.scoring;
  const { rsrpDbm } = ev.engine.raster;
  const threshold = prep.settings.baseline.rsrpDbm;
  let noSignalPeople = 0;
  let lowSinrPeople = 0;
  for (let i = 0; i < status.length; i++) {
    if (!prep.inCounty[i] || status[i] & 1) continue;
    const p = prep.populationPerCell[i];
    if (rsrpDbm[i] >= threshold) lowSinrPeople += p;
    else noSignalPeople += p;
  }
  return { people: noSignalPeople + lowSinrPeople, noSignalPeople, lowSinrPeople };
}

/** A footprint under a new site id: the same values, cell ids `${siteId}/${sectorId}` renamed with it. */
function renamedFootprint(fp: SiteFootprint, siteId: string): SiteFootprint {
  const cut = fp.siteId.length + 1;
  return { ...fp, siteId, sectors: fp.sectors.map((s) => ({ cellId: `${siteId}/${s.cellId.slice(cut)}`, rsrpCentiDbm: s.rsrpCentiDbm })) };
}

const KIND_ZH: Record<SiteKind, string> = { macro: '宏站', micro: '微站', indoor: '室分' };

/** The highest n of the project's 'S<n>' ids, so new ids continue after it. */
function maxSiteNumber(sites: readonly Site[]): number {
  let max = 0;
  for (const s of sites) {
    const m = /^S(\d+)$/.exec(s.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * A county's 2025 roadmap (issue 23): starting from the project's sites (the operator's network, or none),
 * runs the suggestion (suggestForProject, capacity on: coverage gains and relief of overloaded sectors) in
 * rounds and adds its ranked sites to the plan (PlanEvaluator, SINR and interference counted) one batch at a
 * time until the county meets its targets (roadmapTargets: outdoor population, towns, priority places,
 * capacity), or the next sites add less than `minGainPer10kCny`, or the cost ceiling is reached, or no
 * candidate helps; when targets are met inside a batch, the batch is replayed site by site so no site is
 * added past the point they are met. Each round generates candidates afresh at the gaps and hot spots left.
 * Every target still unmet carries its reason. Costs are the cost table's (estimates); gains are modelled.
 * @example const plan = await planCountyRoadmap(newCountyProject(countyByCode('520382')!, { cellSizeM: 50 }))
 */
export async function planCountyRoadmap(project: Project, options: RoadmapOptions = {}): Promise<CountyRoadmapPlan> {
  const minGain = options.minGainPer10kCny ?? 2;
  const maxCost = options.maxCostCny ?? Infinity;
  const maxRounds = options.maxRounds ?? 4;
  if (!(minGain >= 0)) throw new RangeError(`minGainPer10kCny must be >= 0, got ${minGain}`);
  if (!(maxCost > 0)) throw new RangeError(`maxCostCny must be > 0, got ${maxCost}`);
  if (!(Number.isInteger(maxRounds) && maxRounds >= 1)) throw new RangeError(`maxRounds must be a whole number >= 1, got ${maxRounds}`);
  const { cancel, onProgress, clockMs } = options;
  const now = (): number => (clockMs ? clockMs() / 1000 : NaN);
  const predict: FootprintPredictor = options.predict ?? (async (ctx, sites, o) => predictFootprints(ctx, sites, o));
  const timing = { evaluate: 0, suggest: 0, walk: 0 };

  let t = now();
  const ctx = coverageContextFromProject(project);
  const footprints = await predict(ctx, project.sites, { cancel, onProgress: (f) => onProgress?.(0.1 * f) });
  const ev = new PlanEvaluator(project, { footprints, cancel });
  const before = snapshot(ev);
  timing.evaluate += now() - t;

  const proposedSites: Site[] = [];
  const steps: RoadmapStep[] = [];
  const rounds: RoadmapRound[] = [];
  let candidates = project.candidates;
  let costCny = 0;
  let nextNumber = maxSiteNumber(project.sites) + 1;
  let lastStop: RoundStop | 'rounds' | null = null;
  let nextGainPer10kCny: number | undefined;
  const curve = { costCny: [0], peopleCovered: [coveredPeople(before)] };
  /** the plan now: targets met, and what a batch must not make worse (people covered, places met, capacity share) */
  const measure = () => {
    const now = ev.kpisNow();
    const value = (id: KpiId) => {
      const v = now.kpis.find((k) => k.id === id)?.value;
      return v !== undefined && Number.isFinite(v) ? v : 0;
    };
    return {
      isMet: allTargetsMet(judgeTargets(now)),
      covered: value('popCoverageOutdoor') * ev.scoring.sums.people,
      placesMet: now.places.filter((p) => p.isMet).length,
      capacityShare: value('capacityDemandShare'),
    };
  };
  /** whether the targets are met now; records the curve's point when the cost moved */
  const check = (m = measure()): boolean => {
    if (costCny !== curve.costCny[curve.costCny.length - 1]) {
      curve.costCny.push(costCny);
      curve.peopleCovered.push(m.covered);
    }
    return m.isMet;
  };
  const isMet = () => measure().isMet;

  for (let round = 1; round <= maxRounds; round++) {
    throwIfCancelled(cancel);
    if (isMet()) {
      lastStop = 'targets-met';
      break;
    }
    if (costCny >= maxCost) {
      lastStop = 'budget';
      break;
    }
    t = now();
    const sites = ev.siteList();
    const suggestion = await suggestForProject({ ...project, sites, candidates }, {
      budgetCny: Math.min(maxCost - costCny, 1e12),
      seed: options.seed ?? 1,
      exact: false,
      // speed over the last fraction of optimality: gain per CNY alone, no local search; the plan re-scores below
      maxLocalSearchPasses: 0,
      greedyCostExponents: [1],
      isRescoring: false,
      isReturningFootprints: true,
      isRequiringAllPlaces: true,
      generation: options.generation,
      existingFootprints: sites.map((s) => ev.engine.footprint(s.id)!),
      predict,
      cancel,
      onProgress: (f) => onProgress?.(0.1 + (0.85 * (round - 1 + 0.7 * f)) / maxRounds),
    });
    timing.suggest += now() - t;
    t = now();
    const ranked = suggestion.result.sites;
    const chosen = suggestion.chosenSites;
    const chosenFootprints = suggestion.chosenFootprints!;
    const batchFootprints: SiteFootprint[] = [];
    const candidateCount = Object.values(suggestion.candidateCounts).reduce((a, b) => a + b, 0);
    const chosenIds = new Set(chosen.map((s) => s.id));
    candidates = candidates.filter((c) => !chosenIds.has(c.id));

    let stop: RoundStop = ranked.length === 0 ? 'no-candidate' : 'list-end';
    let added = 0;
    let roundCost = 0;
    const take = (k: number): Site => {
      const r: SuggestedSite = ranked[k];
      const id = `S${nextNumber++}`;
      // generated candidates carry a draft name ('规划宏站-GC-3'); a place's indoor system keeps the place's name
      const name = chosen[k].name.startsWith('规划') ? `建议${KIND_ZH[chosen[k].kind]}-${id}` : chosen[k].name;
      const source = `qcplan roadmap, round ${round}, suggestion ${r.candidateId}; ${chosen[k].source ?? ''}`.trim();
      const site: Site = { ...chosen[k], id, name, status: 'proposed', source };
      proposedSites.push(site);
      batchFootprints.push(renamedFootprint(chosenFootprints[k], site.id));
      steps.push({ siteId: site.id, kind: site.kind, costCny: r.costCny, round, gainPeople: r.gainPeople, gainRelief: r.gainRelief, gainDemand: r.gainDemand });
      costCny += r.costCny;
      roundCost += r.costCny;
      added++;
      return site;
    };
    const drop = (count: number): string[] => {
      const gone = proposedSites.splice(proposedSites.length - count, count);
      for (const s of steps.splice(steps.length - count, count)) {
        costCny -= s.costCny;
        roundCost -= s.costCny;
      }
      added -= count;
      nextNumber -= count;
      while (curve.costCny.length > 1 && curve.costCny[curve.costCny.length - 1] > costCny) {
        curve.costCny.pop();
        curve.peopleCovered.pop();
      }
      return gone.map((s) => s.id);
    };
    // the ranked sites worth building: required ones (priority places) always, others while they add at least
    // minGain per 10,000 CNY, all within the cost ceiling
    const eligible: number[] = [];
    // the suggestion itself kept within the remaining ceiling: sites it left out for their cost count as the ceiling's
    let ceilingHit = Number.isFinite(maxCost) && suggestion.result.allCandidatesDemand > suggestion.result.totals.demand + 1e-6;
    let belowGain = false;
    let plannedCost = costCny;
    for (let k = 0; k < ranked.length; k++) {
      const r = ranked[k];
      if (plannedCost + r.costCny > maxCost) {
        ceilingHit = true;
        break;
      }
      if (!r.isRequired && r.gainDemandPer10kCny < minGain) {
        if (!belowGain) nextGainPer10kCny = r.gainDemandPer10kCny;
        belowGain = true;
        continue;
      }
      eligible.push(k);
      plannedCost += r.costCny;
    }
    const chunk = Math.max(1, Math.ceil(eligible.length / 8));
    let last = measure();
    let failedInRow = 0;
    for (let e = 0; e < eligible.length && stop === 'list-end'; ) {
      throwIfCancelled(cancel);
      const first = e;
      const batch: Site[] = [];
      while (batch.length < chunk && e < eligible.length) batch.push(take(eligible[e++]));
      await ev.applyEdits({ upserts: batch, footprints: batchFootprints.splice(0) }, { deferReport: true });
      const m = measure();
      // RSRP-ranked sites can lose more to interference than they add: a batch that helps nothing, or costs
      // covered people for nothing else, is taken back
      const isBetter = m.covered > last.covered + 0.5 || m.placesMet > last.placesMet || m.capacityShare > last.capacityShare + 1e-9;
      const isWorse = m.covered < last.covered - Math.max(1, 1e-3 * last.covered) && !(m.placesMet > last.placesMet) && !(m.capacityShare > last.capacityShare + 1e-9);
      if (!isBetter || isWorse) {
        await ev.applyEdits({ removals: drop(batch.length) }, { deferReport: true });
        // one batch that helps nothing (a suggested micro whose cells stay below the SINR target) ends nothing:
        // the next sites are tried; two such batches in a row end the round
        if (++failedInRow >= 2) {
          stop = 'no-gain';
          break;
        }
        continue;
      }
      failedInRow = 0;
      last = m;
      if (!check(m)) continue;
      if (batch.length > 1) {
        // met inside the batch: replay it site by site and stop at the first that meets the targets
        await ev.applyEdits({ removals: drop(batch.length) }, { deferReport: true });
        for (e = first; e < first + batch.length; e++) {
          await ev.applyEdits({ upserts: [take(eligible[e])], footprints: batchFootprints.splice(0) }, { deferReport: true });
          if (check()) break;
        }
      }
      stop = 'targets-met';
    }
    if (stop === 'list-end' && ranked.length > 0) stop = belowGain ? 'diminishing-returns' : ceilingHit ? 'budget' : 'list-end';
    rounds.push({ round, candidates: candidateCount, suggested: ranked.length, added, costCny: roundCost, stop, ...(stop === 'diminishing-returns' && { nextGainPer10kCny }) });
    timing.walk += now() - t;
    lastStop = stop;
    // a round that added sites leaves new gaps and hot spots to generate candidates at: go on
    if (added === 0 || stop === 'targets-met' || stop === 'budget' || stop === 'no-gain') break;
    if (round === maxRounds && stop === 'list-end') lastStop = isMet() ? 'targets-met' : 'rounds';
  }
  onProgress?.(0.97);

  const after = snapshot(ev);
  const uncovered = uncoveredPeople(ev);
  const targets = before.targets.map((b, i): TargetOutcome => {
    const a = after.targets[i];
    const outcome: TargetOutcome = { id: b.id, before: b, after: a };
    const peopleBased = b.id !== 'keyPlaces';
    if (peopleBased && !(after.people > 0)) {
      // nobody on the grid: the target cannot be judged (its KPI has no value), which is a reason in itself
      outcome.reason = 'no-population';
      return outcome;
    }
    if (a.isMet !== false) return outcome;
    if (lastStop === 'budget') outcome.reason = 'budget';
    else if (lastStop === 'diminishing-returns') {
      outcome.reason = 'diminishing-returns';
      outcome.detail = { nextGainPer10kCny: nextGainPer10kCny ?? 0, minGainPer10kCny: minGain };
    } else if (lastStop === 'rounds') outcome.reason = 'rounds';
    else if (b.id === 'capacity') {
      outcome.reason = 'sector-capacity';
      outcome.detail = { overloadedSectors: after.capacity.overloadedSectors, extraSectorsNeeded: after.capacity.extraSectorsNeeded };
    } else if (b.id === 'keyPlaces' && indoorOnlyMisses(ev)) outcome.reason = 'indoor';
    else {
      outcome.reason = uncovered.lowSinrPeople > uncovered.noSignalPeople ? 'interference' : project.terrain ? 'terrain' : 'no-candidate';
      outcome.detail = { noSignalPeople: Math.round(uncovered.noSignalPeople), lowSinrPeople: Math.round(uncovered.lowSinrPeople) };
    }
    return outcome;
  });
  onProgress?.(1);
  return { proposedSites, steps, rounds, before, after, targets, uncovered, curve, ...(clockMs && { timingS: timing }) };
}

/** People covered outdoors at the baseline target: the outdoor population coverage KPI times the residents. */
function coveredPeople(s: { kpis: readonly { id: KpiId; value: number | null }[]; people: number }): number {
  const v = s.kpis.find((k) => k.id === 'popCoverageOutdoor')?.value;
  return v !== null && v !== undefined && Number.isFinite(v) ? v * s.people : 0;
}

/**
 * A target the plan leaves open: judged unmet after it, or not judged for a reason (no population).
 * @example plan.targets.filter(isTargetOpen).map((t) => t.reason)
 */
export function isTargetOpen(t: TargetOutcome): boolean {
  return t.after.isMet === false || t.reason !== undefined;
}

/** Every place that misses its target meets its outdoor part: only deep (indoor) coverage is missing. */
function indoorOnlyMisses(ev: PlanEvaluator): boolean {
  const { placeScores, prep, status } = ev.scoring;
  const missed = placeScores.map((p, k) => ({ p, k })).filter(({ p }) => !p.isMet);
  if (missed.length === 0) return false;
  return missed.every(({ p, k }) => {
    if (p.environment !== 'indoor') return false;
    const { cells, keyPointCells } = prep.placeCells[k];
    return cells.length > 0 && keyPointCells.every((c) => c < 0 || (status[c] & 8) !== 0);
  });
}
