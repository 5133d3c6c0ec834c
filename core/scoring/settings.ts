import type { PlaceCategory } from '../model/place';
import { PLACE_CATEGORIES } from '../model/place';
import type { ProjectSettings } from '../model/project';

/**
 * Scoring settings: what each priority-place category must reach, how much its gaps weigh, and the county
 * KPI targets with their sources. Defaults below; a project overrides any part through
 * `Project.settings.scoring` (a `Partial` of {@link ScoringSettings}, merged by {@link resolveScoringSettings}).
 *
 * Sources: ../shared/reference/kpis.md (MIIT 千兆城市, 双千兆 行动计划, 信号升格, Guizhou 十四五 plan) and
 * radio.md section 6 (SS-RSRP / SS-SINR cut-offs). "[EST]" marks a tool default chosen here, "[UNVERIFIED]"
 * a threshold kpis.md could not find in a citable source.
 */

/** Where a target is judged: outdoor SS-RSRP, or indoor SS-RSRP (outdoor less O2I loss). */
export type CoverageEnvironment = 'outdoor' | 'indoor';

/** The coverage a cell, key point or line must reach. */
export interface CoverageTarget {
  environment: CoverageEnvironment;
  /** minimum best-server SS-RSRP, dBm */
  rsrpDbm: number;
  /** minimum SS-SINR, dB (the raster's SINR is outdoor; indoors signal and interference share the O2I loss) */
  sinrDb: number;
}

/** A place category's target and weight. */
export interface PlaceTarget extends CoverageTarget {
  /** multiplies population in gap ranking; cells in no place weigh 1 */
  weight: number;
  /**
   * share (0..1) of the place's area (cells) or, for lines, of its length that must meet the target;
   * a place with key points must in addition meet the target at every key point (深度覆盖)
   */
  minShare: number;
  source: string;
}

/** Identifiers of the county KPIs. */
export type KpiId =
  | 'popCoverageOutdoor'
  | 'popCoverageIndoor'
  | 'areaCoverageOutdoor'
  | 'areaCoverageIndoor'
  | 'popCoverageUrban'
  | 'popCoverageRural'
  | 'keyPlaceReach'
  | 'sitesPer10k'
  | 'dlMeanBuiltUpMbps'
  | 'dlP10BuiltUpMbps'
  | 'householdsGigabit'
  | 'pon10gShare'
  | 'capacityDemandShare';

/**
 * A KPI target. Status rule (documented once, used by every KPI): green when value >= target; amber when
 * value >= amberFrom (default 90 % of target); red otherwise. Shares are 0..1.
 */
export interface KpiTarget {
  target: number;
  /** lower edge of amber; defaults to 0.9 x target */
  amberFrom?: number;
  source: string;
  /** the threshold itself is not in a citable source (kpis.md [UNVERIFIED]) or is a tool default ([EST]) */
  isUnverified: boolean;
}

export interface ScoringSettings {
  /** target outside any place and for county coverage KPIs (radio.md section 6 "outdoor good") */
  baseline: CoverageTarget;
  places: Record<PlaceCategory, PlaceTarget>;
  kpis: Record<KpiId, KpiTarget>;
  /** persons per km2 at or above which a cell is urban (see {@link DEFAULT_SCORING_SETTINGS}) */
  urbanDensityPerKm2: number;
  /** persons per km2 at or above which a cell is built-up (DL rate KPIs) */
  builtUpDensityPerKm2: number;
  /** gaps up to this area in dense urban cells get a micro site, m2 */
  microMaxAreaM2: number;
  /** uncovered regions larger than this are split into pieces of at most this size, each a gap one macro site can fix, m2 */
  gapPieceMaxAreaM2: number;
}

const RADIO_MD6 = 'radio.md §6: outdoor good SS-RSRP >= -105 dBm, SS-SINR >= 0 dB [EST]';
const DEEP = '信号升格 (工信部联通信〔2023〕257号): 深度覆盖 = every key point meets the standard; kpis.md §3';

function place(environment: CoverageEnvironment, weight: number, minShare: number, source: string): PlaceTarget {
  return { environment, rsrpDbm: -105, sinrDb: 0, weight, minShare, source: `${source}; ${RADIO_MD6}; weight and share [EST]` };
}

/**
 * Defaults. Urban rule: a cell is urban when its population density is >= 1,500 persons/km2 and built-up when
 * >= 300 persons/km2: the cell-density thresholds of the UN/Eurostat Degree of Urbanisation (urban centre
 * and urban cluster, https://ec.europa.eu/eurostat/web/degree-of-urbanisation/methodology), applied per
 * grid cell without the method's contiguity and minimum-size tests (a simplification).
 * @example DEFAULT_SCORING_SETTINGS.places.hospital.environment // 'indoor'
 */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  baseline: { environment: 'outdoor', rsrpDbm: -105, sinrDb: 0 },
  places: {
    business_district: place('indoor', 5, 0.95, `商圈/重点商超, ${DEEP}`),
    business_building: place('indoor', 4, 0.95, `商务楼宇, ${DEEP}`),
    transport_hub: place('indoor', 5, 0.95, `交通枢纽, ${DEEP}`),
    hospital: place('indoor', 5, 0.95, `医疗机构, ${DEEP}`),
    school: place('indoor', 4, 0.95, `高等学校, ${DEEP}`),
    government: place('indoor', 4, 0.95, `政务中心, ${DEEP}`),
    community: place('indoor', 3, 0.9, `住宅小区, ${DEEP}`),
    dev_zone: place('outdoor', 3, 0.9, '开发区/产业园区 (智慧黔城 plan, kpis.md §3)'),
    scenic: place('outdoor', 3, 0.9, '4A/5A 文旅景区 (信号升格, kpis.md §3)'),
    township: place('outdoor', 2, 0.9, '乡镇农村: 乡镇政府所在地、村委会 (信号升格, kpis.md §3)'),
    line: place('outdoor', 2, 0.95, '连续覆盖: 线路沿线95%的区域达标 (信号升格, kpis.md §3)'),
  },
  kpis: {
    popCoverageOutdoor: { target: 0.95, source: '城市和乡镇全面覆盖 (智慧黔城 plan); 95 % [EST]', isUnverified: true },
    popCoverageIndoor: { target: 0.8, source: '重点应用场景深度覆盖 (贵州十四五); 80 % [EST]', isUnverified: true },
    areaCoverageOutdoor: { target: 0.8, source: 'no sourced area target; 80 % [EST]', isUnverified: true },
    areaCoverageIndoor: { target: 0.5, source: 'no sourced area target; 50 % [EST]', isUnverified: true },
    popCoverageUrban: { target: 0.98, source: '城市全面覆盖 (智慧黔城 plan); 98 % [EST]', isUnverified: true },
    popCoverageRural: { target: 0.8, source: '行政村5G通达率 about 80 % by 2025 (十四五信息通信行业发展规划, kpis.md §2), a village reach rate used as a proxy [EST]', isUnverified: true },
    keyPlaceReach: { target: 0.95, source: '重点场所5G网络通达率 (MIIT 千兆城市); threshold 95 % [UNVERIFIED] (kpis.md §1.1)', isUnverified: true },
    sitesPer10k: {
      target: 33,
      amberFrom: 12,
      source: '33 per 10k by 2025 (贵州信息通信行业十四五规划); amber from 12 (双千兆行动计划 national end-2023; as 千兆城市 threshold [UNVERIFIED]) (kpis.md §1, §4)',
      isUnverified: false,
    },
    dlMeanBuiltUpMbps: { target: 220, source: '信号升格 2025: mobile DL mean access rate >= 220 Mbps (kpis.md §3); measured user rates, here compared with modelled single-user throughput', isUnverified: false },
    dlP10BuiltUpMbps: { target: 10, source: 'cell-edge DL 10 Mbps (China Telecom 5G link budget, radio.md §6)', isUnverified: false },
    householdsGigabit: {
      target: 0.8,
      source: '城市家庭千兆光网覆盖率 > 80 % (双千兆行动计划 end-2023); as 千兆城市 threshold [UNVERIFIED] (kpis.md §1.1, §2)',
      isUnverified: true,
    },
    pon10gShare: { target: 0.3, source: '城市10G-PON端口占比, commonly quoted 30 % [UNVERIFIED] (kpis.md §1.1)', isUnverified: true },
    capacityDemandShare: {
      target: 0.95,
      source: 'share of the busy-hour demand that fits within the sectors\' target load (core/capacity, modelled demand); no published target, 95 % [EST]',
      isUnverified: true,
    },
  },
  urbanDensityPerKm2: 1500,
  builtUpDensityPerKm2: 300,
  // a micro site (UMi, 6-15 m) serves a few hundred metres: 0.2 km2 is about a 250 m radius [EST]
  microMaxAreaM2: 200_000,
  // about one macro site's service area: a 4 km radius (maxRangeM.macro is 5 km) covers 50 km2 [EST]
  gapPieceMaxAreaM2: 50_000_000,
};

/** What `Project.settings.scoring` may hold: any part of the settings, categories and KPIs one by one. */
export interface ScoringOverrides {
  baseline?: Partial<CoverageTarget>;
  places?: Partial<Record<PlaceCategory, Partial<PlaceTarget>>>;
  kpis?: Partial<Record<KpiId, Partial<KpiTarget>>>;
  urbanDensityPerKm2?: number;
  builtUpDensityPerKm2?: number;
  microMaxAreaM2?: number;
  gapPieceMaxAreaM2?: number;
}

/**
 * The scoring settings of a project: the defaults overlaid with `settings.scoring` (a {@link ScoringOverrides}).
 * @example resolveScoringSettings({ ...defaultProjectSettings(), scoring: { places: { hospital: { weight: 8 } } } }).places.hospital.weight // 8
 */
export function resolveScoringSettings(settings?: ProjectSettings): ScoringSettings {
  const o = (settings?.scoring ?? {}) as ScoringOverrides;
  if (typeof o !== 'object' || o === null) throw new RangeError('settings.scoring must be an object');
  const d = DEFAULT_SCORING_SETTINGS;
  const places = {} as Record<PlaceCategory, PlaceTarget>;
  for (const c of PLACE_CATEGORIES) places[c] = { ...d.places[c], ...o.places?.[c] };
  const kpis = {} as Record<KpiId, KpiTarget>;
  for (const k of Object.keys(d.kpis) as KpiId[]) kpis[k] = { ...d.kpis[k], ...o.kpis?.[k] };
  const out: ScoringSettings = {
    baseline: { ...d.baseline, ...o.baseline },
    places,
    kpis,
    urbanDensityPerKm2: o.urbanDensityPerKm2 ?? d.urbanDensityPerKm2,
    builtUpDensityPerKm2: o.builtUpDensityPerKm2 ?? d.builtUpDensityPerKm2,
    microMaxAreaM2: o.microMaxAreaM2 ?? d.microMaxAreaM2,
    gapPieceMaxAreaM2: o.gapPieceMaxAreaM2 ?? d.gapPieceMaxAreaM2,
  };
  if (!(out.gapPieceMaxAreaM2 > 0)) throw new RangeError(`settings.scoring.gapPieceMaxAreaM2 must be > 0, got ${out.gapPieceMaxAreaM2}`);
  for (const [c, p] of Object.entries(places)) {
    if (!(p.weight >= 0)) throw new RangeError(`settings.scoring.places.${c}.weight must be >= 0, got ${p.weight}`);
    if (!(p.minShare >= 0 && p.minShare <= 1)) throw new RangeError(`settings.scoring.places.${c}.minShare must be in [0, 1], got ${p.minShare}`);
    if (!Number.isFinite(p.rsrpDbm) || !Number.isFinite(p.sinrDb)) throw new RangeError(`settings.scoring.places.${c} thresholds must be finite`);
  }
  if (!(out.urbanDensityPerKm2 >= out.builtUpDensityPerKm2 && out.builtUpDensityPerKm2 >= 0)) {
    throw new RangeError(`settings.scoring.urbanDensityPerKm2 must be >= builtUpDensityPerKm2 >= 0, got ${out.urbanDensityPerKm2}, ${out.builtUpDensityPerKm2}`);
  }
  return out;
}
