import type { Point, Polygon, MultiPolygon, LineString, MultiLineString } from 'geojson';

/**
 * Priority places (重点场所 / 应用场景) that carry coverage targets. Categories follow the 智慧黔城 plan and
 * MIIT's 信号升格 action (../shared/reference/kpis.md section 3).
 */

export type PlaceCategory =
  | 'business_district' // 商圈/重点商超
  | 'business_building' // 商务楼宇
  | 'transport_hub' // 交通枢纽 (rail, bus, airport)
  | 'hospital' // 医院
  | 'school' // 学校/高校
  | 'government' // 政务中心/政府机关
  | 'community' // 大型社区/住宅小区
  | 'dev_zone' // 开发区/产业园区
  | 'scenic' // 4A/5A 景区
  | 'township' // 乡镇/行政村
  | 'line'; // rail or road, continuous coverage

export const PLACE_CATEGORIES: readonly PlaceCategory[] = [
  'business_district', 'business_building', 'transport_hub', 'hospital', 'school', 'government',
  'community', 'dev_zone', 'scenic', 'township', 'line',
];

export interface Place {
  id: string;
  name: string;
  category: PlaceCategory;
  /** finer label from the source, e.g. 'scenic_5a', 'rail_hub', 'airport' */
  subcategory?: string;
  /** GeoJSON geometry in WGS-84: Point (with radiusM), Polygon, or LineString for lines */
  geometry: Point | Polygon | MultiPolygon | LineString | MultiLineString;
  /** for point places, the radius of the area served, m */
  radiusM?: number;
  /** key points (关键点位) that must each meet the target for deep coverage, [lonDeg, latDeg] */
  keyPoints?: [number, number][];
  isIllustrative?: boolean;
  /** source of the record (URL or file and row) */
  source?: string;
  /** coordinate system the source gave, e.g. 'WGS-84 (Wikipedia)' */
  sourceCrs?: string;
}
