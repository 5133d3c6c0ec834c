import type { PlaceCategory } from '../model/place';
import { PLACE_CATEGORIES } from '../model/place';
import type { ProjectSettings } from '../model/project';
import { cite, figure, type FigureProvenance } from '../sources/registry';

/**
 * Scoring settings: what each priority-place category must reach, how much its gaps weigh, and the county
 * KPI targets with their sources. Defaults below; a project overrides any part through
 * `Project.settings.scoring` (a `Partial` of {@link ScoringSettings}, merged by {@link resolveScoringSettings}).
 *
 * Sources: ../shared/reference/kpis.md (MIIT 千兆城市, 双千兆 行动计划, 信号升格, Guizhou 十四五 plan) and
 * radio.md section 6 (SS-RSRP / SS-SINR cut-offs), cited through the source registry (core/sources); each
 * figure's provenance marks a tool default chosen here (isEstimate) or a threshold the notes could not find in
 * a citable source (isUnverified).
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
  provenance: FigureProvenance;
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
  /** where the target comes from; isUnverified / isEstimate mark a threshold not found in a citable source or chosen here */
  provenance: FigureProvenance;
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

/** The outdoor cut-off every target uses (radio.md §6: "outdoor good", a tool default from the C114 classes). */
const THRESHOLD = cite('nrSampleClasses');
const DEEP = cite('signalUpgrade', { zh: '深度覆盖：重点场所的关键点位均达到覆盖标准', en: 'deep coverage: every key point of a place meets the standard' });
const SCENES = cite('signalUpgrade', { zh: '11类重点场景', en: 'the 11 key scene types' });
const PLAN = cite('smartQiancheng');

function place(environment: CoverageEnvironment, weight: number, minShare: number, cites: FigureProvenance['cites']): PlaceTarget {
  return {
    environment, rsrpDbm: -105, sinrDb: 0, weight, minShare,
    provenance: figure([...cites, THRESHOLD], {
      isEstimate: true,
      note: { zh: '门限 SS-RSRP ≥ -105 dBm、SS-SINR ≥ 0 dB，权重与达标比例为本工具取值', en: 'threshold SS-RSRP ≥ -105 dBm and SS-SINR ≥ 0 dB; weight and share chosen for the tool' },
    }),
  };
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
    business_district: place('indoor', 5, 0.95, [DEEP, PLAN]),
    business_building: place('indoor', 4, 0.95, [DEEP]),
    transport_hub: place('indoor', 5, 0.95, [DEEP, PLAN]),
    hospital: place('indoor', 5, 0.95, [DEEP, PLAN]),
    school: place('indoor', 4, 0.95, [DEEP, PLAN]),
    government: place('indoor', 4, 0.95, [DEEP, PLAN]),
    community: place('indoor', 3, 0.9, [DEEP, PLAN]),
    dev_zone: place('outdoor', 3, 0.9, [PLAN]),
    scenic: place('outdoor', 3, 0.9, [SCENES, PLAN]),
    township: place('outdoor', 2, 0.9, [cite('signalUpgrade', { zh: '乡镇农村：乡镇政府所在地、村委会等', en: 'townships and villages: seats, village committees' })]),
    line: place('outdoor', 2, 0.95, [cite('signalUpgrade', { zh: '连续覆盖：线路沿线95%的区域达标', en: 'continuous coverage: 95 % of a line meets the standard' })]),
  },
  kpis: {
    popCoverageOutdoor: {
      target: 0.95,
      provenance: figure([cite('smartQiancheng', { zh: '城市和乡镇全面覆盖', en: '5G covering all cities and towns' })], { isEstimate: true, note: { zh: '95% 为本工具取值', en: '95 % chosen for the tool' } }),
    },
    popCoverageIndoor: {
      target: 0.8,
      provenance: figure([cite('guizhouIctPlan14', { zh: '重点应用场景深度覆盖', en: 'deep coverage of key scenes' })], { isEstimate: true, note: { zh: '80% 为本工具取值', en: '80 % chosen for the tool' } }),
    },
    areaCoverageOutdoor: { target: 0.8, provenance: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '无公开的面积覆盖目标', en: 'no published area target' } }) },
    areaCoverageIndoor: { target: 0.5, provenance: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '无公开的面积覆盖目标', en: 'no published area target' } }) },
    popCoverageUrban: {
      target: 0.98,
      provenance: figure([cite('smartQiancheng', { zh: '城市全面覆盖', en: 'full coverage of cities' })], { isEstimate: true, note: { zh: '98% 为本工具取值', en: '98 % chosen for the tool' } }),
    },
    popCoverageRural: {
      target: 0.8,
      provenance: figure([cite('ictPlan14', { zh: '2025年行政村5G通达率约80%', en: 'about 80 % of administrative villages reached by 5G in 2025' })], {
        isEstimate: true,
        note: { zh: '以行政村通达率代替农村人口覆盖率', en: 'a village reach rate used as a proxy for rural population coverage' },
      }),
    },
    keyPlaceReach: {
      target: 0.95,
      provenance: figure([cite('dualGigabitPlan', { zh: '附件：千兆城市评价指标（重点场所5G网络通达率）', en: 'attachment: Gigabit City indicators (key places reached by 5G)' })], {
        isUnverified: true,
        note: { zh: '95% 达标线常被引用，未见于可引用的原文', en: 'the 95 % threshold is often quoted but not found in a citable text' },
      }),
    },
    sitesPer10k: {
      target: 33,
      amberFrom: 12,
      provenance: figure([cite('guizhouIctPlan14', { zh: '2025年每万人5G基站33个', en: '33 5G sites per 10,000 people by 2025' }), cite('dualGigabitPlan', { zh: '2023年底每万人5G基站超过12个（黄色下限）', en: 'over 12 per 10,000 by end-2023 (amber edge)' })], {
        note: { zh: '12 作为千兆城市达标线待核实', en: '12 as the Gigabit City threshold is unverified' },
      }),
    },
    dlMeanBuiltUpMbps: {
      target: 220,
      provenance: figure([cite('signalUpgrade', { zh: '2025年移动网络下行平均接入速率不低于220 Mbit/s', en: '2025: mobile DL mean access rate at least 220 Mbit/s' })], {
        note: { zh: '原文指实测用户速率，此处与模型单用户速率比较', en: 'the target is a measured user rate; compared here with modelled single-user throughput' },
      }),
    },
    dlP10BuiltUpMbps: {
      target: 10,
      provenance: figure([cite('chinaTelecomLinkBudget', { zh: '边缘下行速率10 Mbit/s', en: 'cell-edge DL rate 10 Mbit/s' })]),
    },
    householdsGigabit: {
      target: 0.8,
      provenance: figure([cite('dualGigabitPlan', { zh: '2023年底城市家庭千兆光网覆盖率超过80%', en: 'urban household gigabit coverage over 80 % by end-2023' })], {
        isUnverified: true,
        note: { zh: '作为千兆城市达标线待核实', en: 'as the Gigabit City threshold it is unverified' },
      }),
    },
    pon10gShare: {
      target: 0.3,
      provenance: figure([cite('dualGigabitPlan', { zh: '附件：千兆城市评价指标（10G-PON端口占比）', en: 'attachment: Gigabit City indicators (10G-PON port share)' })], {
        isUnverified: true,
        note: { zh: '30% 常被引用，未见于可引用的原文', en: '30 % is often quoted but not found in a citable text' },
      }),
    },
    capacityDemandShare: {
      target: 0.95,
      provenance: figure([cite('toolEstimate')], {
        isEstimate: true,
        note: { zh: '忙时需求中落在扇区目标负荷以内的比例（模型测算需求）；无公开目标值，取95%', en: "share of the busy-hour demand within the sectors' target load (modelled demand); no published target, 95 % chosen" },
      }),
    },
  },
  urbanDensityPerKm2: 1500,
  builtUpDensityPerKm2: 300,
  // a micro site (UMi, 6-15 m) serves a few hundred metres: 0.2 km2 is about a 250 m radius [EST]
  microMaxAreaM2: 200_000,
  // about one macro site's service area: a 4 km radius (maxRangeM.macro is 5 km) covers 50 km2 [EST]
  gapPieceMaxAreaM2: 50_000_000,
};

/**
 * The provenance of a setting the project may override: the default's, unless the planner changed a figure, which
 * then cites the project settings (with the planner's own words when the override brings a `provenance`).
 */
function overridden(defaults: FigureProvenance, override: object | undefined): FigureProvenance {
  if (!override) return defaults;
  const given = (override as { provenance?: FigureProvenance }).provenance;
  if (given) return given;
  const changesFigure = Object.keys(override).some((key) => key !== 'provenance');
  return changesFigure ? { cites: [cite('projectSettings')] } : defaults;
}

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
  for (const c of PLACE_CATEGORIES) places[c] = { ...d.places[c], ...o.places?.[c], provenance: overridden(d.places[c].provenance, o.places?.[c]) };
  const kpis = {} as Record<KpiId, KpiTarget>;
  for (const k of Object.keys(d.kpis) as KpiId[]) kpis[k] = { ...d.kpis[k], ...o.kpis?.[k], provenance: overridden(d.kpis[k].provenance, o.kpis?.[k]) };
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
