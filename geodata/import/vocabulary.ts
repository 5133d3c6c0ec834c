import type { BandId, BuildMethod, PlaceCategory, SiteKind, SiteStatus } from '../../core/model';

/**
 * Words planners write in site and place sheets, mapped to the model's values (glossary.md). Looked up after
 * NFKC + lower case; categories also match by substring ('县人民医院' contains '医院'). 类型 words:
 */
export const KIND_WORDS: Record<string, SiteKind> = {
  宏站: 'macro', 宏基站: 'macro', macro: 'macro', 微站: 'micro', 小站: 'micro', 微基站: 'micro', 皮站: 'micro', 小基站: 'micro',
  micro: 'micro', small: 'micro', smallcell: 'micro', 室分: 'indoor', 室内分布: 'indoor', 室内: 'indoor', indoor: 'indoor', das: 'indoor',
};
/** 状态 words. */
export const STATUS_WORDS: Record<string, SiteStatus> = {
  现网: 'existing', 在网: 'existing', 已建: 'existing', 现有: 'existing', existing: 'existing', 规划: 'planned', 在建: 'planned',
  planned: 'planned', 建议: 'proposed', 拟建: 'proposed', 候选: 'proposed', proposed: 'proposed',
};
/** 建设方式 words. */
export const METHOD_WORDS: Record<string, BuildMethod> = {
  新建: 'new-tower', 新建铁塔: 'new-tower', 'new-tower': 'new-tower', newtower: 'new-tower', 共享铁塔: 'shared-tower', 共享: 'shared-tower',
  共建共享: 'shared-tower', 'shared-tower': 'shared-tower', sharedtower: 'shared-tower', 智慧杆: 'smart-pole', 一杆多用: 'smart-pole',
  'smart-pole': 'smart-pole', smartpole: 'smart-pole', 楼顶: 'rooftop', 楼面: 'rooftop', rooftop: 'rooftop', 室分: 'indoor-system',
  室内分布: 'indoor-system', 'indoor-system': 'indoor-system', indoorsystem: 'indoor-system',
};
/** 频段 words: NR band names, carrier frequencies as planners write them. */
export const BAND_WORDS: Record<string, BandId> = {
  n78: 'n78', '3.5g': 'n78', '3.5ghz': 'n78', '3500': 'n78', '3500mhz': 'n78', n41: 'n41', '2.6g': 'n41', '2.6ghz': 'n41', '2600': 'n41',
  '2600mhz': 'n41', n28: 'n28', '700m': 'n28', '700mhz': 'n28', '700': 'n28', n79: 'n79', '4.9g': 'n79', '4.9ghz': 'n79', '4900': 'n79', '4900mhz': 'n79',
};
/** In match order: the first word contained in the cell wins. */
export const CATEGORY_WORDS: [string, PlaceCategory][] = [
  ['business_district', 'business_district'], ['business_building', 'business_building'], ['transport_hub', 'transport_hub'],
  ['hospital', 'hospital'], ['school', 'school'], ['government', 'government'], ['community', 'community'], ['dev_zone', 'dev_zone'],
  ['scenic', 'scenic'], ['township', 'township'], ['line', 'line'],
  ['商务楼宇', 'business_building'], ['楼宇', 'business_building'], ['写字楼', 'business_building'], ['商圈', 'business_district'],
  ['商超', 'business_district'], ['商业', 'business_district'], ['交通枢纽', 'transport_hub'], ['火车站', 'transport_hub'],
  ['高铁站', 'transport_hub'], ['汽车站', 'transport_hub'], ['客运站', 'transport_hub'], ['机场', 'transport_hub'], ['医院', 'hospital'],
  ['卫生院', 'hospital'], ['高校', 'school'], ['大学', 'school'], ['学校', 'school'], ['中学', 'school'], ['小学', 'school'],
  ['政务', 'government'], ['政府', 'government'], ['机关', 'government'], ['开发区', 'dev_zone'], ['园区', 'dev_zone'],
  ['景区', 'scenic'], ['4a', 'scenic'], ['5a', 'scenic'], ['社区', 'community'], ['小区', 'community'], ['住宅', 'community'],
  ['乡镇', 'township'], ['行政村', 'township'], ['镇', 'township'], ['乡', 'township'], ['村', 'township'], ['铁路', 'line'], ['高速', 'line'],
  ['道路', 'line'], ['国道', 'line'], ['省道', 'line'], ['线路', 'line'],
];

const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

/**
 * Looks a cell up in a word table; undefined when unknown.
 * @example lookupWord(KIND_WORDS, '宏站') // 'macro'
 */
export function lookupWord<T>(table: Record<string, T>, cell: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key(cell)) ? table[key(cell)] : undefined;
}

/**
 * The place category a cell names (exact English value or the first Chinese word it contains).
 * @example placeCategoryOf('县人民医院') // 'hospital'
 */
export function placeCategoryOf(cell: string): PlaceCategory | undefined {
  const k = key(cell);
  if (!k) return undefined;
  return CATEGORY_WORDS.find(([w]) => k === w)?.[1] ?? CATEGORY_WORDS.find(([w]) => k.includes(w))?.[1];
}
