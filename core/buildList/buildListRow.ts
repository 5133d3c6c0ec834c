import type { FibreUpgradeDetail, FibreUpgradeLabel, FibreUpgradeType } from '../ftth/fibreUpgrades';
import type { BandId, BuildMethod, SiteKind } from '../model/site';
import type { Localized } from '../sources/types';

/** What a build-list row builds: a site of a kind, a new OLT the planner placed, or a fibre upgrade. */
export type BuildListRowType = SiteKind | 'olt' | FibreUpgradeType;
/** How: a site's build method; for fibre rows a line-card upgrade or a new build. */
export type BuildListRowMethod = BuildMethod | 'card-upgrade' | 'new-build';

/**
 * One row of the build list (建设清单): a planned or proposed site, or a fibre upgrade, as planners hand it on to
 * a rollout plan. Words are codes (type, method, status) and generated names and notes are data (label, detail):
 * the formatter (core/text) writes them in the reader's language, so one list serves the Chinese and the English
 * UI and every export.
 */
export interface BuildListRow {
  kind: 'site' | 'fibre';
  /** site id, OLT id or upgrade id */
  id: string;
  /** the site's or OLT's own name (planner data); empty for generated fibre upgrades, which carry `label` */
  name: string;
  label?: FibreUpgradeLabel;
  type: BuildListRowType;
  buildMethod: BuildListRowMethod;
  /** WGS-84 */
  lonDeg: number;
  latDeg: number;
  countyCode: string;
  countyName?: Localized;
  township?: string;
  heightAglM?: number;
  band?: BandId;
  azimuthsDeg: number[];
  mechanicalTiltsDeg: number[];
  electricalTiltsDeg: number[];
  /** names of the places the site serves */
  placesServed: string[];
  /**
   * people in cells that meet the outdoor baseline target with this site and miss it without (modelled, >= 0);
   * undefined when not computed
   */
  newPeopleCovered?: number;
  /**
   * people in cells that meet the target only without this site: its interference pushes them below (modelled;
   * set only when > 0). A real effect of adding a cell, reported apart so newPeopleCovered never goes negative.
   */
  peopleLostToInterference?: number;
  /** area newly covered, km² (modelled, >= 0); undefined when not computed */
  newAreaKm2?: number;
  /** estimated investment (估算投资), 10,000 CNY (万元), rounded to 0.01 */
  costWanCny: number;
  /** the cost comes from the unit-cost table (an estimate), not from a figure the planner gave */
  isCostEstimated: boolean;
  /** 1 = build first */
  priority: number;
  status: 'planned' | 'proposed';
  /** the planner's own notes */
  notes: string;
  /** how a generated fibre upgrade was sized and costed, worded by the formatter */
  detail?: FibreUpgradeDetail;
  /** a new OLT's PON ports */
  ports?: { xgsPon: number; gpon: number };
}
