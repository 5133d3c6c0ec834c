import type { Site, SiteKind } from './site';

/** An inclusive range of a site field, in the field's unit. */
export interface FieldRange {
  min: number;
  max: number;
}

/**
 * The one schema of what a site may be, used by the importers (geodata/import), the project reader and the
 * site editor, so a value one accepts the other never refuses:
 * - antenna height above ground by kind: the validity of the model the coverage engine uses for that kind
 *   (TR 38.901 Table 7.4.1-1 as accepted in core/radio/pathLoss38901.ts: UMa and RMa 10-150 m for macro sites,
 *   UMi 3-50 m for micro and indoor ones). A height outside it cannot be predicted.
 * - longitude and latitude: Guizhou (103.6-109.6 E, 24.6-29.2 N) with about half a degree around it; the
 *   county check (distance to the boundary) is the importers' job.
 * - azimuth 0-360 degrees clockwise from north (360 = north, as sheets write it); tilts from 10 degrees up to
 *   20 degrees down (mechanical and electrical alike; commercial antennas reach 0-15 degrees electrical).
 * - at most 12 sectors per site: a macro site has 3 (6 on dense sites), a site with more is a data error, and
 *   every sector costs the coverage engine a footprint (0.25 MB for a 5 km macro sector).
 * - build cost 0-1e9 CNY.
 * @example SITE_LIMITS.heightAglM.macro // { min: 10, max: 150 }
 */
export const SITE_LIMITS = {
  heightAglM: { macro: { min: 10, max: 150 }, micro: { min: 3, max: 50 }, indoor: { min: 3, max: 50 } } satisfies Record<SiteKind, FieldRange>,
  lonDeg: { min: 103, max: 110 },
  latDeg: { min: 24, max: 30 },
  azimuthDeg: { min: 0, max: 360 },
  mechanicalTiltDeg: { min: -10, max: 20 },
  electricalTiltDeg: { min: -10, max: 20 },
  sectorsPerSite: { min: 1, max: 12 },
  costCny: { min: 0, max: 1e9 },
} as const;

/** A site field SITE_LIMITS bounds (height by the site's kind). */
export type SiteLimitField = keyof typeof SITE_LIMITS;

/**
 * The range of `field` for a site of `kind` (the kind matters for the height only).
 * @example siteFieldRange('heightAglM', 'micro') // { min: 3, max: 50 }
 */
export function siteFieldRange(field: SiteLimitField, kind: SiteKind = 'macro'): FieldRange {
  return field === 'heightAglM' ? SITE_LIMITS.heightAglM[kind] : SITE_LIMITS[field];
}

/** True when `value` is a finite number within `range`. @example isWithin(35, { min: 10, max: 150 }) // true */
export function isWithin(value: number, range: FieldRange): boolean {
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}

/** One way a site breaks SITE_LIMITS: the field (a sector's as `sectors[i].azimuthDeg`) and why. */
export interface SiteLimitProblem {
  field: string;
  reason: string;
}

/**
 * Every way `site` breaks SITE_LIMITS (empty when it keeps them all): height for its kind, position, sector
 * count, each sector's azimuth and tilts, cost.
 * @example siteLimitProblems({ ...site, heightAglM: 5 }) // [{ field: 'heightAglM', reason: '5 is outside 10..150 m for a macro site' }]
 */
export function siteLimitProblems(site: Pick<Site, 'kind' | 'heightAglM' | 'lonDeg' | 'latDeg' | 'sectors' | 'costCny'>): SiteLimitProblem[] {
  const out: SiteLimitProblem[] = [];
  const check = (field: string, value: number, range: FieldRange, unit: string, what = '') => {
    if (!isWithin(value, range)) out.push({ field, reason: `${value} is outside ${range.min}..${range.max}${unit}${what}` });
  };
  check('heightAglM', site.heightAglM, SITE_LIMITS.heightAglM[site.kind], ' m', ` for a ${site.kind} site`);
  check('lonDeg', site.lonDeg, SITE_LIMITS.lonDeg, '°E');
  check('latDeg', site.latDeg, SITE_LIMITS.latDeg, '°N');
  const n = site.sectors.length;
  if (n < SITE_LIMITS.sectorsPerSite.min || n > SITE_LIMITS.sectorsPerSite.max) {
    out.push({ field: 'sectors', reason: `${n} sectors; a site has ${SITE_LIMITS.sectorsPerSite.min}..${SITE_LIMITS.sectorsPerSite.max}` });
  } else {
    site.sectors.forEach((s, i) => {
      check(`sectors[${i}].azimuthDeg`, s.azimuthDeg, SITE_LIMITS.azimuthDeg, '°');
      check(`sectors[${i}].mechanicalTiltDeg`, s.mechanicalTiltDeg, SITE_LIMITS.mechanicalTiltDeg, '°');
      check(`sectors[${i}].electricalTiltDeg`, s.electricalTiltDeg, SITE_LIMITS.electricalTiltDeg, '°');
    });
  }
  if (site.costCny !== undefined) check('costCny', site.costCny, SITE_LIMITS.costCny, ' CNY');
  return out;
}
