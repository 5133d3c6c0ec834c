import type { ProjectSettings } from '../model/project';
import { BAND_IDS, type BandId } from '../model/site';

/**
 * The traffic and capacity model's settings: every figure with where it comes from and whether it is an
 * estimate. Defaults below; a project overrides any figure through `settings.capacity` (plain numbers, a
 * {@link CapacityOverrides}), merged by {@link resolveCapacitySettings}.
 *
 * Sources are named by their public title, issuing body and year. Figures marked `isEstimate` are tool
 * defaults with no published value behind them (shown as 估 in Chinese outputs).
 */

/** A number with its source. */
export interface SourcedFigure {
  value: number;
  source: string;
  /** no published figure behind the value: a planning assumption (估) */
  isEstimate: boolean;
}

/** People present at a place in the busy hour on top of its residents (visitors, passengers), with the source. */
export interface PlaceVisitors {
  busyHourVisitors: number;
  source: string;
}

/** How busy-hour demand is derived from the population. */
export interface TrafficSettings {
  /** 5G mobile users per resident */
  fiveGUsersPerResident: SourcedFigure;
  /** share of the 5G users carried by the planned network (its operator or co-building operators), by band */
  networkShare: Record<BandId, SourcedFigure>;
  /** mobile data per user and month (DOU), GB */
  douGbPerMonth: SourcedFigure;
  /** the year the DOU figure was measured */
  douYear: number;
  /** growth of the DOU per year, e.g. 0.08 = +8 % a year; applied from `douYear` to the planning year */
  douGrowthPerYear: SourcedFigure;
  /** share of a day's traffic carried in the busiest hour */
  busyHourShare: SourcedFigure;
  /** share of the traffic that is downlink */
  downlinkShare: SourcedFigure;
  /** extra busy-hour people by place id; none in the shipped catalogue */
  placeVisitors: Record<string, PlaceVisitors>;
}

/** Traffic plus the cell-capacity side: target load and MIMO layers. */
export interface CapacitySettings {
  traffic: TrafficSettings;
  /** the year demand is planned for (DOU grown to it) */
  year: number;
  /** sector load (share of its downlink resources) above which it needs relief */
  targetLoad: SourcedFigure;
  /** mean downlink spatial layers (SU + MU-MIMO) of a macro sector, by band */
  macroLayers: Record<BandId, SourcedFigure>;
  /** mean downlink layers of micro and indoor cells */
  smallCellLayers: SourcedFigure;
}

const GZCA_2024_10 = '贵州省通信管理局《2024年1-10月贵州信息通信业发展情况通报》(2024)';
const CENSUS_2020 = '贵州省第七次全国人口普查常住人口 3856.21万 (2020)';
const OPERATORS_2024_10 =
  '中国移动、中国电信、中国联通2024年10月运营数据公告 (2024): 中国移动5G网络客户5.46亿户，中国电信5G套餐用户3.48亿户，中国联通5G套餐用户2.88亿户 (national)';
const MIIT_2024_H1 = '工业和信息化部《2024年上半年通信业经济运行情况》(2024): 6月DOU 18.15GB/户·月，同比增长8.1% (national)';

const shareCtCu: SourcedFigure = {
  value: 0.54,
  source: `${OPERATORS_2024_10}; 电信+联通 (3.48+2.88)/(5.46+3.48+2.88) = 0.54 of the three operators' 5G users, applied to Guizhou (no provincial split published) [EST]`,
  isEstimate: true,
};
const shareCmcc: SourcedFigure = {
  value: 0.46,
  source: `${OPERATORS_2024_10}; 中国移动 5.46/(5.46+3.48+2.88) = 0.46 of the three operators' 5G users (n28 co-built with 中国广电, whose users are not counted), applied to Guizhou [EST]`,
  isEstimate: true,
};
const LAYERS_64T = 'mean DL layers of a 64T64R macro with SU/MU-MIMO: a planning assumption; with it the model gives about 8 b/s/Hz at 10 dB SINR, the order of ITU-R M.2410-0 (2017) dense-urban DL average spectral efficiency 7.8 b/s/Hz/TRxP [EST]';

/**
 * Defaults. Demand: 5G users per resident from the Guizhou communications administration's October 2024
 * bulletin (2589.1万 5G users) over the 2020 census residents; DOU 21.6 GB a month (same bulletin); DOU growth
 * from MIIT's national 2024 figure; the operator split from the operators' own October 2024 figures. Busy-hour
 * share, downlink share, target load and MIMO layers are planning assumptions (estimates).
 * @example DEFAULT_CAPACITY_SETTINGS.traffic.douGbPerMonth.value // 21.6
 */
export const DEFAULT_CAPACITY_SETTINGS: CapacitySettings = {
  traffic: {
    fiveGUsersPerResident: {
      value: 0.671,
      source: `${GZCA_2024_10}: 5G移动电话用户2589.1万户; over ${CENSUS_2020}: 2589.1/3856.21 = 0.671 (SIM cards, not persons; residents of 2020)`,
      isEstimate: false,
    },
    networkShare: { n78: shareCtCu, n41: shareCmcc, n79: shareCmcc, n28: shareCmcc },
    douGbPerMonth: { value: 21.6, source: `${GZCA_2024_10}: 10月当月户均流量(DOU) 21.6GB/户·月`, isEstimate: false },
    douYear: 2024,
    douGrowthPerYear: { value: 0.08, source: `${MIIT_2024_H1}; the national growth applied to Guizhou [EST]`, isEstimate: true },
    busyHourShare: {
      value: 0.08,
      source: 'share of a day\'s mobile traffic in the busiest hour: planning assumption, no published Guizhou figure [EST]',
      isEstimate: true,
    },
    downlinkShare: { value: 0.9, source: 'downlink share of mobile traffic: planning assumption [EST]', isEstimate: true },
    placeVisitors: {},
  },
  year: 2025,
  targetLoad: {
    value: 0.7,
    source: 'operators expand a cell when its DL PRB utilisation passes a threshold (e.g.《基于用户感知的NR网络扩容标准研究》, 邮电设计技术, 2023); 70 % chosen here [EST]',
    isEstimate: true,
  },
  macroLayers: {
    n78: { value: 4, source: LAYERS_64T, isEstimate: true },
    n41: { value: 4, source: LAYERS_64T, isEstimate: true },
    n79: { value: 4, source: LAYERS_64T, isEstimate: true },
    n28: { value: 2, source: 'mean DL layers of a 4T4R FDD macro (n28): planning assumption [EST]', isEstimate: true },
  },
  smallCellLayers: { value: 2, source: 'mean DL layers of a 4T4R micro or indoor head: planning assumption [EST]', isEstimate: true },
};

/** What `Project.settings.capacity` may hold: any figure as a plain number, and the visitors per place. */
export interface CapacityOverrides {
  traffic?: {
    fiveGUsersPerResident?: number;
    networkShare?: Partial<Record<BandId, number>>;
    douGbPerMonth?: number;
    douYear?: number;
    douGrowthPerYear?: number;
    busyHourShare?: number;
    downlinkShare?: number;
    placeVisitors?: Record<string, PlaceVisitors>;
  };
  year?: number;
  targetLoad?: number;
  macroLayers?: Partial<Record<BandId, number>>;
  smallCellLayers?: number;
}

const SET_IN_PROJECT = 'set in the project';

function override(d: SourcedFigure, v: number | undefined, name: string, min: number, max: number): SourcedFigure {
  if (v === undefined) return d;
  if (!(typeof v === 'number' && v >= min && v <= max)) throw new RangeError(`settings.capacity.${name} must be a number in [${min}, ${max}], got ${v}`);
  return { value: v, source: SET_IN_PROJECT, isEstimate: false };
}

function year(v: number | undefined, d: number, name: string): number {
  if (v === undefined) return d;
  if (!(Number.isInteger(v) && v >= 2000 && v <= 2100)) throw new RangeError(`settings.capacity.${name} must be a year 2000..2100, got ${v}`);
  return v;
}

/**
 * The capacity settings of a project: the defaults overlaid with `settings.capacity` (a {@link CapacityOverrides});
 * an overridden figure's source reads "set in the project". Throws RangeError naming a bad figure.
 * @example resolveCapacitySettings({ ...defaultProjectSettings(), capacity: { year: 2026 } }).year // 2026
 */
export function resolveCapacitySettings(settings?: ProjectSettings): CapacitySettings {
  const o = (settings?.capacity ?? {}) as CapacityOverrides;
  if (typeof o !== 'object' || o === null) throw new RangeError('settings.capacity must be an object');
  const d = DEFAULT_CAPACITY_SETTINGS;
  const t = o.traffic ?? {};
  const networkShare = {} as Record<BandId, SourcedFigure>;
  const macroLayers = {} as Record<BandId, SourcedFigure>;
  for (const b of BAND_IDS) {
    networkShare[b] = override(d.traffic.networkShare[b], t.networkShare?.[b], `traffic.networkShare.${b}`, 0, 1);
    macroLayers[b] = override(d.macroLayers[b], o.macroLayers?.[b], `macroLayers.${b}`, 1, 16);
  }
  const placeVisitors = { ...(t.placeVisitors ?? {}) };
  for (const [id, v] of Object.entries(placeVisitors)) {
    if (!(v && v.busyHourVisitors >= 0 && Number.isFinite(v.busyHourVisitors))) {
      throw new RangeError(`settings.capacity.traffic.placeVisitors.${id}.busyHourVisitors must be a number >= 0`);
    }
  }
  return {
    traffic: {
      fiveGUsersPerResident: override(d.traffic.fiveGUsersPerResident, t.fiveGUsersPerResident, 'traffic.fiveGUsersPerResident', 0, 5),
      networkShare,
      douGbPerMonth: override(d.traffic.douGbPerMonth, t.douGbPerMonth, 'traffic.douGbPerMonth', 0, 10_000),
      douYear: year(t.douYear, d.traffic.douYear, 'traffic.douYear'),
      douGrowthPerYear: override(d.traffic.douGrowthPerYear, t.douGrowthPerYear, 'traffic.douGrowthPerYear', -0.5, 5),
      busyHourShare: override(d.traffic.busyHourShare, t.busyHourShare, 'traffic.busyHourShare', 1 / 24, 1),
      downlinkShare: override(d.traffic.downlinkShare, t.downlinkShare, 'traffic.downlinkShare', 0, 1),
      placeVisitors,
    },
    year: year(o.year, d.year, 'year'),
    targetLoad: override(d.targetLoad, o.targetLoad, 'targetLoad', 0.05, 1),
    macroLayers,
    smallCellLayers: override(d.smallCellLayers, o.smallCellLayers, 'smallCellLayers', 1, 16),
  };
}
