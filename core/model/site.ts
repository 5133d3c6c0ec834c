/**
 * Sites and sectors: the planner's network. Plain serialisable data (it crosses workers and IPC).
 * Glossary: 宏站 macro, 微站 micro, 室分 indoor; 挂高 heightAglM; 方位角 azimuthDeg; 下倾角 tilts.
 */

export type SiteKind = 'macro' | 'micro' | 'indoor';
export const SITE_KINDS: readonly SiteKind[] = ['macro', 'micro', 'indoor'];

/** existing: on air; planned: decided; proposed: suggested or drafted, not yet decided. */
export type SiteStatus = 'existing' | 'planned' | 'proposed';
export const SITE_STATUSES: readonly SiteStatus[] = ['existing', 'planned', 'proposed'];

/** 新建铁塔 / 共享铁塔 (共建共享) / 智慧杆 (一杆多用) / 楼顶 / 室内分布 */
export type BuildMethod = 'new-tower' | 'shared-tower' | 'smart-pole' | 'rooftop' | 'indoor-system';
export const BUILD_METHODS: readonly BuildMethod[] = ['new-tower', 'shared-tower', 'smart-pole', 'rooftop', 'indoor-system'];

/** NR band presets (../shared/reference/radio.md section 5). */
export type BandId = 'n78' | 'n41' | 'n28' | 'n79';
export const BAND_IDS: readonly BandId[] = ['n78', 'n41', 'n28', 'n79'];

export interface Sector {
  id: string;
  /** degrees clockwise from north */
  azimuthDeg: number;
  mechanicalTiltDeg: number;
  electricalTiltDeg: number;
  /** 'omni' ignores azimuth and the horizontal pattern */
  antenna: 'sector' | 'omni';
  /** horizontal half-power beamwidth, default 65 for sectors */
  horizontalBeamwidthDeg?: number;
  /** vertical half-power beamwidth, default 10 */
  verticalBeamwidthDeg?: number;
  /** boresight gain, default from the band preset */
  maxGainDbi?: number;
  /** total transmit power of the sector, default from the band preset */
  txPowerDbm?: number;
  /** NR physical cell id 0-1007 (TS 38.211 §7.4.2.1), to match drive tests that name their serving cell by it */
  pci?: number;
}

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  buildMethod: BuildMethod;
  lonDeg: number;
  latDeg: number;
  /** antenna height above ground, m */
  heightAglM: number;
  band: BandId;
  sectors: Sector[];
  /** estimated build cost, CNY; undefined for existing sites */
  costCny?: number;
  /**
   * `costCny` was taken from the unit-cost table (an estimate, e.g. a suggestion's), not a figure of the site's
   * own: deliverables mark it with the estimate mark
   */
  isCostEstimate?: boolean;
  /** true for illustrative data a planner must replace (shown as "illustrative" in the UI) */
  isIllustrative?: boolean;
  /** where the record came from (file and row, survey, "illustrative") */
  source?: string;
  notes?: string;
  /**
   * Set when an import kept the site outside the county at the planner's choice: where it stood and how far
   * it was from the boundary, m. The coverage leaves the site out while it stands there (SkippedSite
   * 'outside-county'); moved, it counts like any other site.
   */
  outsideCounty?: { lonDeg: number; latDeg: number; distanceM: number };
}
