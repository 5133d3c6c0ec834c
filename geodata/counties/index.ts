import type { County } from './county';
import { countyOrientation, type CountyOrientation } from './countyOrientation';
import countiesJson from './guizhouCounties.json';

export type { County, OutsideCounty } from './county';
export { COUNTY_DATA_SOURCES } from './county';
export { countySeat, type CountySeat } from './countySeat';
export { findCounties } from './findCounty';

/** The 88 county-level divisions of Guizhou, sorted by GB/T 2260 code (built by scripts/buildCounties.ts). */
export const GUIZHOU_COUNTIES: readonly County[] = countiesJson as unknown as County[];

const byCode = new Map(GUIZHOU_COUNTIES.map((c) => [c.code, c]));

/** A county by its GB/T 2260 code, e.g. countyByCode('520382')?.name === '仁怀市'. */
export function countyByCode(code: string): County | undefined {
  return byCode.get(code);
}

/** The 21 pilot counties of the 智慧黔城 plan (2022). */
export function pilotCounties(): County[] {
  return GUIZHOU_COUNTIES.filter((c) => c.isPilot);
}

export { countyGrid, newCountyProject } from './newCountyProject';
export { DEFAULT_MAX_GRID_CELLS, defaultCellSizeM } from './defaultCellSize';
export type { NewCountyProjectOptions, PopulationSettings } from './newCountyProject';
export { OUTSIDE_COUNTIES, countyOrientation, type CountyOrientation, type OrientationCounty } from './countyOrientation';

/**
 * Neighbouring counties (inside and outside Guizhou) and seats around the county `code`, for the map; undefined
 * for an unknown code. See countyOrientation.ts.
 * @example orientationOf('520526')?.neighbours.length // 8
 */
export function orientationOf(code: string): CountyOrientation | undefined {
  const county = byCode.get(code);
  return county && countyOrientation(county, countyByCode);
}
