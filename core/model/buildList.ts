import type { BandId } from './site';

/**
 * One row of the build list (建设清单): a planned or proposed site, or a fibre upgrade, as planners hand it on
 * to a rollout plan (issue 6; glossary.md). Labels are the Chinese words the sheets use.
 */
export type BuildListSiteType = '宏站' | '微站' | '室分';
export type BuildListMethod = '新建' | '共享铁塔' | '智慧杆' | '楼顶' | '室分';

export interface BuildListRow {
  kind: 'site' | 'fibre';
  /** site id, OLT id or upgrade id */
  id: string;
  name: string;
  /** 宏站/微站/室分 for sites; the upgrade for fibre rows (e.g. 'OLT新建', 'GPON升级XGS-PON') */
  type: BuildListSiteType | string;
  /** 新建/共享铁塔/智慧杆/楼顶/室分 for sites; free text for fibre rows */
  buildMethod: BuildListMethod | string;
  /** WGS-84 */
  lonDeg: number;
  latDeg: number;
  countyCode: string;
  countyName?: string;
  township?: string;
  heightAglM?: number;
  band?: BandId;
  azimuthsDeg: number[];
  mechanicalTiltsDeg: number[];
  electricalTiltsDeg: number[];
  /** names of the places the site serves */
  placesServed: string[];
  /** people newly covered (modelled by the scoring module); undefined when not computed */
  newPeopleCovered?: number;
  /** area newly covered, km2 (modelled); undefined when not computed */
  newAreaKm2?: number;
  /** estimated investment (估算投资), 10,000 CNY (万元) */
  costWanCny: number;
  /** true when the cost comes from the default unit-cost table, not from the site's own figure */
  isCostEstimated: boolean;
  /** 1 = build first */
  priority: number;
  /** 规划 (planned) or 建议 (proposed) */
  status: '规划' | '建议';
  notes: string;
}
