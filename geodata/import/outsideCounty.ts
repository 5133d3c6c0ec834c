import { IMPORT_LIMITS } from './importLimits';

/**
 * Whether an import row's distance outside the county (ParsedRow.outsideCountyM) puts it outside: further than
 * IMPORT_LIMITS.countyEdgeToleranceM. Rows of an import without a county are never outside.
 * @example isOutsideCounty(1.5e6) // true
 */
export function isOutsideCounty(outsideCountyM: number | undefined): outsideCountyM is number {
  return outsideCountyM !== undefined && outsideCountyM > IMPORT_LIMITS.countyEdgeToleranceM;
}

/**
 * The reason of a row outside the county, naming the record and its distance to the boundary.
 * @example outsideCountyReason('site', '远站', 1593401, '仁怀市') // "site '远站' is 1,593.4 km outside 仁怀市 (distance to the county boundary)"
 */
export function outsideCountyReason(what: string, name: string, distanceM: number, countyName: string): string {
  const km = (distanceM / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${what} '${name}' is ${km} km outside ${countyName} (distance to the county boundary)`;
}

/**
 * The code and figures of a row outside the county, for the catalogues to word (core/text importProblems): `what`
 * is 'site', 'place' or 'OLT', the distance in km to one decimal.
 * @example outsideCountyCode('site', '远站', 1593401, '仁怀市', false).params.distanceKm // '1593.4'
 */
export function outsideCountyCode(what: 'site' | 'place' | 'OLT', name: string, distanceM: number, countyName: string, isKept: boolean): { code: string; params: Record<string, string> } {
  return { code: isKept ? 'outsideCountyKept' : 'outsideCounty', params: { what, name, distanceKm: (distanceM / 1000).toFixed(1), county: countyName } };
}
