import type { BandId, SiteKind } from '../model/site';
import type { CountyRoadmapPlan, RoadmapRound, RoadmapSnapshot, TargetOutcome } from './planCountyRoadmap';

/** The file a roadmap folder is described by, beside roadmap.xlsx, roadmap.html and counties/<code>.gpkg. */
export const ROADMAP_INDEX_FILE = 'roadmap.json';

/** The plan's 2025 province target: 16万+ 5G base stations (智慧黔城 plan, plan.md). */
export const PLAN_2025_BASE_STATIONS = 160_000;

/** What a county's existing network rests on. */
export interface RoadmapNetworkBasis {
  /** 'from-zero': no operator site list was given, every site is to be built; 'operator-file': the sites of `file` */
  basis: 'from-zero' | 'operator-file';
  /** the operator's site list (file name only) and its modification time, ms since 1970 */
  file?: string;
  fileModifiedMs?: number;
  /** its sites by status: on air, and decided but not built */
  existingSites: number;
  plannedSites: number;
}

/** One county of a roadmap: what it needs, what it reaches, and where its files are. Plain JSON. */
export interface RoadmapCountyEntry {
  code: string;
  name: string;
  prefecture: string;
  isPilot: boolean;
  population: { total: number | null; provenance: 'file' | 'modelled' | 'absent'; source: string };
  /** the terrain's source, null for flat ground */
  terrain: string | null;
  network: RoadmapNetworkBasis;
  /** the sites to add, by kind, and their estimated cost (cost table, estimates), CNY */
  proposed: Record<SiteKind, number> & { total: number; costCny: number };
  /** proposed sites per 10,000 residents, and estimated cost per resident, CNY; null without population */
  proposedPer10k: number | null;
  costPerResidentCny: number | null;
  /** 5G sites per 10,000 residents after the plan (existing + planned + proposed) */
  sitesPer10kAfter: number | null;
  before: RoadmapSnapshot;
  after: RoadmapSnapshot;
  targets: TargetOutcome[];
  rounds: RoadmapRound[];
  curve: CountyRoadmapPlan['curve'];
  uncovered: CountyRoadmapPlan['uncovered'];
  /** overloaded sectors left and the sectors (carriers) they would need, not priced */
  extraSectorsNeeded: number;
  /** paths inside the roadmap folder: the project with the proposals as proposed sites, and the county's detail */
  files: { project: string; detail: string };
  /** measured wall time of the county, ms */
  durationMs: number;
}

/** The province figures of a roadmap. */
export interface RoadmapProvinceTotals {
  counties: number;
  /** residents on the counties' grids */
  people: number;
  existingSites: number;
  plannedSites: number;
  proposed: Record<SiteKind, number> & { total: number; costCny: number };
  /** existing + planned + proposed, against the plan's 16万 */
  sitesAfter: number;
  planTargetBaseStations: number;
  /** counties whose outputs are "from zero" (no operator site list) */
  fromZeroCounties: number;
  /** people covered outdoors before and after, and the province outdoor population coverage after */
  peopleCoveredBefore: number;
  peopleCoveredAfter: number;
}

/**
 * roadmap.json: what qcplan roadmap wrote, for the app's province view (colour the map by a figure of
 * `counties`, open `counties[k].files.project` when a county is clicked) and for scripts.
 */
export interface RoadmapIndex {
  format: 'qiancheng-roadmap';
  version: 1;
  /** when it was written, ms since 1970 (shown as local time by readers) */
  generatedAtMs: number;
  /** the planning year (demand grown to it) */
  year: number;
  cellSizeM: number;
  /** the network planned (the project band: n78 = 中国电信/中国联通 共建共享, n41/n79 = 中国移动, n28 = 中国广电/中国移动) */
  band: BandId;
  settings: { minGainPer10kCny: number; maxCostCny: number | null; maxRounds: number; population: string; dem: string | null };
  counties: RoadmapCountyEntry[];
  failed: { code: string; name: string; message: string }[];
  province: RoadmapProvinceTotals;
  files: { workbook: string; report: string };
}
