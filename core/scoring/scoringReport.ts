import type { LayerProvenance } from '../model/project';
import type { ModelSummary } from '../propagation/propagationModel';
import type { MultiPolygon } from 'geojson';
import type { SkippedSite } from '../model/coverage';
import { gapOutline, gapPieceOutline } from './gapOutline';
import { kpiStatus } from './kpiStatus';
import { DL_BINS, type Gap, type PlaceScore, type ScoringState } from './scoringState';
import type { FigureProvenance } from '../sources/registry';
import type { KpiId } from './settings';
import { splitGap, type GapPiece } from './splitGap';

/** Fibre KPIs from the FTTH analysis (core/ftth), passed in as plain numbers. */
export interface FibreKpiInput {
  /** gigabit-capable (10G-PON) households / households, 0..1 (can exceed 1, as MIIT computes it) */
  householdsGigabitShare: number;
  /** 10G-PON ports / all PON ports, 0..1 */
  pon10gPortShare: number;
  /** true when households come from a modelled population */
  isModelled: boolean;
}

/** The capacity KPI from the traffic model (core/capacity), passed in as a plain number. */
export interface CapacityKpiInput {
  /** share of the served busy-hour demand that fits within the sectors' target load, 0..1 (CapacityReport) */
  demandShareWithinTarget: number;
}

/** One county KPI against its target. */
export interface Kpi {
  id: KpiId;
  /** shares are 0..1; sitesPer10k per 10,000 residents; DL rates Mbit/s; NaN when its input is missing */
  value: number;
  unit: 'share' | 'per10k' | 'mbps';
  target: number;
  amberFrom: number;
  status: 'green' | 'amber' | 'red' | 'none';
  /** where the target comes from (the formatter cites it by public title) */
  provenance: FigureProvenance;
  /** the target is not found in a citable source (provenance.isUnverified) */
  isUnverified: boolean;
  /** the target is a value chosen for the tool (provenance.isEstimate) */
  isEstimate: boolean;
  /** computed from predicted coverage or a modelled population, not from measurements */
  isModelled: boolean;
  /** change since `previous` (value - previous value); absent without a previous report */
  delta?: number;
}

/** A gap (a whole uncovered region or a piece of a large one, splitGap) with its rank (1 = worst) and, for the first `outlineCount`, its outline. */
export interface RankedGap extends GapPiece {
  rank: number;
  outline?: MultiPolygon;
}

/** County cells no site reaches ("no service"), apart from those a site reaches too weakly. */
export interface NoServiceSummary {
  cells: number;
  areaKm2: number;
  people: number;
  /** of the county's area and people, 0..1 (NaN without people) */
  areaShare: number;
  peopleShare: number;
}

/** What scoring tells the planner: county KPIs, every place's score, the gaps worst first, and the area with no service. */
export interface ScoreReport {
  kpis: Kpi[];
  places: PlaceScore[];
  /** worst first: weighted people, then area, then position; regions over settings.gapPieceMaxAreaM2 come as pieces */
  gaps: RankedGap[];
  noService: NoServiceSummary;
  /** sites the coverage left out, with why (PlanEvaluator fills it; absent = none known) */
  skippedSites?: SkippedSite[];
  /** what the coverage figures rest on: location probability, model, land use (when the caller gave it) */
  basis?: CoverageBasis;
}

/**
 * What a report's coverage figures rest on, for people: the location probability the RSRP was predicted at
 * (the median less z(p)·σ), the propagation model and where the land use (clutter) comes from.
 */
export interface CoverageBasis {
  /** share of locations at which the predicted RSRP is reached (0.5 = the median prediction) */
  locationProbability: number;
  /** z(p)·σ subtracted from the median prediction, dB */
  shadowMarginDb: number;
  /** the model's location standard deviation used for the margin, dB */
  sigmaDb: number;
  model: ModelSummary;
  landUse: { provenance: LayerProvenance | 'none'; source: string };
}

/** Inputs of a report that are not in the scoring state. */
export interface ReportOptions {
  /** 5G sites in the plan (every status counts: the KPI reads the plan as built) */
  siteCount: number;
  /** resident population for the per-10k KPI; default the population on the county's cells */
  residentPopulation?: number;
  fibre?: FibreKpiInput;
  capacity?: CapacityKpiInput;
  /** the previous report, for deltas */
  previous?: ScoreReport;
  /** how many of the top gaps get an outline; default 50 */
  outlineCount?: number;
  /** gaps smaller than this are left out of the list, m2; default 0 */
  minGapAreaM2?: number;
  /** what the coverage figures rest on, copied into the report */
  basis?: CoverageBasis;
}

/**
 * County KPIs, place scores and ranked gaps from a scoring state. Coverage KPIs use the baseline target
 * (settings.baseline) over county cells: population and area shares outdoor and indoor, urban and rural
 * population (urban = cells at or above settings.urbanDensityPerKm2, rural = all other cells); 重点场所5G网络通达率 = places met /
 * places listed; 5G sites per 10,000 residents; mean and 10th percentile (1 Mbit/s bins, lower edge) of
 * predicted DL throughput over built-up cells, each cell counted once; the capacity KPI as given (core/capacity).
 * Status rule: kpiStatus.
 * @example scoringReport(state, { siteCount: project.sites.length }).kpis.find((k) => k.id === 'keyPlaceReach')
 */
export function scoringReport(state: ScoringState, options: ReportOptions): ScoreReport {
  if (!(options.siteCount >= 0)) throw new RangeError(`siteCount must be >= 0, got ${options.siteCount}`);
  const { sums, prep } = state;
  const { settings } = prep;
  const popModelled = prep.populationProvenance !== 'file';
  const share = (a: number, b: number) => (b > 0 ? a / b : NaN);
  const placesMet = state.placeScores.filter((p) => p.isMet).length;
  const residents = options.residentPopulation ?? sums.people;
  const values: Record<KpiId, [number, Kpi['unit'], boolean]> = {
    popCoverageOutdoor: [share(sums.peopleOutdoor, sums.people), 'share', true],
    popCoverageIndoor: [share(sums.peopleIndoor, sums.people), 'share', true],
    areaCoverageOutdoor: [share(sums.cellsOutdoor, sums.cells), 'share', true],
    areaCoverageIndoor: [share(sums.cellsIndoor, sums.cells), 'share', true],
    popCoverageUrban: [share(sums.peopleUrbanOutdoor, sums.peopleUrban), 'share', true],
    popCoverageRural: [share(sums.peopleRuralOutdoor, sums.peopleRural), 'share', true],
    keyPlaceReach: [share(placesMet, state.placeScores.length), 'share', true],
    sitesPer10k: [residents > 0 ? options.siteCount / (residents / 1e4) : NaN, 'per10k', options.residentPopulation === undefined && popModelled],
    dlMeanBuiltUpMbps: [share(sums.builtUpDlSumMbps, sums.builtUpCells), 'mbps', true],
    dlP10BuiltUpMbps: [percentileBin(sums.builtUpDlHistogram, sums.builtUpCells, 0.1), 'mbps', true],
    householdsGigabit: [options.fibre?.householdsGigabitShare ?? NaN, 'share', options.fibre?.isModelled ?? false],
    pon10gShare: [options.fibre?.pon10gPortShare ?? NaN, 'share', false],
    capacityDemandShare: [options.capacity?.demandShareWithinTarget ?? NaN, 'share', true],
  };
  const before = new Map(options.previous?.kpis.map((k) => [k.id, k.value]));
  const kpis = (Object.keys(values) as KpiId[]).map((id): Kpi => {
    const [value, unit, isModelled] = values[id];
    const t = settings.kpis[id];
    const kpi: Kpi = {
      id, value, unit, target: t.target, amberFrom: t.amberFrom ?? 0.9 * t.target, status: kpiStatus(value, t),
      provenance: t.provenance, isUnverified: t.provenance.isUnverified === true, isEstimate: t.provenance.isEstimate === true, isModelled,
    };
    if (before.has(id)) kpi.delta = value - before.get(id)!;
    return kpi;
  });
  const minArea = options.minGapAreaM2 ?? 0;
  const gaps: GapPiece[] = [];
  for (const gap of state.gaps.values()) for (const piece of splitGap(state, gap)) if (piece.areaM2 >= minArea) gaps.push(piece);
  gaps.sort((a, b) => b.weightedPeople - a.weightedPeople || b.areaM2 - a.areaM2 || a.id - b.id);
  const outlineCount = options.outlineCount ?? 50;
  const ranked = gaps.map((g, k) => rankedGap(g, k + 1, k < outlineCount ? outlineOf(state, g) : undefined));
  const noService: NoServiceSummary = {
    cells: sums.cellsNoService, areaKm2: (sums.cellsNoService * prep.grid.cellSizeM ** 2) / 1e6, people: sums.peopleNoService,
    areaShare: share(sums.cellsNoService, sums.cells), peopleShare: share(sums.peopleNoService, sums.people),
  };
  return { kpis, places: state.placeScores.map((p) => ({ ...p })), gaps: ranked, noService, ...(options.basis ? { basis: options.basis } : {}) };
}

/** A report's copy of a gap piece, written as one literal: spreading thousands of pieces per edit cost ~15 ms. */
function rankedGap(g: GapPiece, rank: number, outline: MultiPolygon | undefined): RankedGap {
  return {
    id: g.id, cellCount: g.cellCount, areaM2: g.areaM2, people: g.people, weightedPeople: g.weightedPeople, urbanShare: g.urbanShare,
    isIndoorOnly: g.isIndoorOnly, fix: g.fix, centroidLonLat: g.centroidLonLat, bbox: g.bbox, placeIds: [...g.placeIds],
    noServiceCells: g.noServiceCells, regionId: g.regionId, regionAreaM2: g.regionAreaM2, pieceCount: g.pieceCount,
    noServiceShare: g.noServiceShare, location: g.location, rank, ...(outline && { outline }),
  };
}

/**
 * Outlines by piece: mergeGaps keeps the very same Gap object while a gap's tile pieces are unchanged (and
 * makes a new one when any changes) and splitGap keeps the same pieces per Gap object, so an outline traced
 * once stays right for as long as its piece lives; after a site edit only the gaps the edit touched are traced again.
 */
const outlines = new WeakMap<GapPiece, MultiPolygon>();

function outlineOf(state: ScoringState, piece: GapPiece): MultiPolygon {
  let outline = outlines.get(piece);
  if (!outline) {
    outline = piece.pieceCount === 1 ? gapOutline(state, piece.regionId)! : gapPieceOutline(state, piece);
    outlines.set(piece, outline);
  }
  return outline;
}

/** Lower edge of the histogram bin holding the q-quantile of `total` counts (1 unit bins from 0). */
function percentileBin(hist: Int32Array, total: number, q: number): number {
  if (!(total > 0)) return NaN;
  const need = q * total;
  let acc = 0;
  for (let b = 0; b < DL_BINS; b++) {
    acc += hist[b];
    if (acc >= need) return b;
  }
  return DL_BINS - 1;
}
