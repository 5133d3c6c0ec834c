import type { BandId, BuildMethod, Sector, Site, SiteKind, SiteStatus } from './site';

/**
 * Defaults for a new site of each kind, as planners draft them (DESIGN.md: macro 25-45 m, 3 sectors;
 * micro 6-15 m, omni or 1 sector; indoor serves one building). Tilts are typical starting values, to be
 * tuned per site.
 */
export const SITE_KIND_DEFAULTS: Record<SiteKind, { heightAglM: number; buildMethod: BuildMethod; sectors: Omit<Sector, 'id'>[] }> = {
  macro: {
    heightAglM: 35,
    buildMethod: 'new-tower',
    sectors: [0, 120, 240].map((azimuthDeg) => ({ azimuthDeg, mechanicalTiltDeg: 3, electricalTiltDeg: 3, antenna: 'sector' as const })),
  },
  micro: {
    heightAglM: 10,
    buildMethod: 'smart-pole',
    sectors: [{ azimuthDeg: 0, mechanicalTiltDeg: 0, electricalTiltDeg: 2, antenna: 'omni' }],
  },
  indoor: {
    heightAglM: 3,
    buildMethod: 'indoor-system',
    sectors: [{ azimuthDeg: 0, mechanicalTiltDeg: 0, electricalTiltDeg: 0, antenna: 'omni' }],
  },
};

const NAME_PREFIX: Record<SiteKind, string> = { macro: '宏站', micro: '微站', indoor: '室分' };

/** The next free id of the form 'S<n>' among `existing`. @example nextSiteId([{ id: 'S7' }]) // 'S8' */
export function nextSiteId(existing: readonly Pick<Site, 'id'>[]): string {
  let max = 0;
  for (const s of existing) {
    const m = /^S(\d+)$/.exec(s.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `S${max + 1}`;
}

/**
 * A new site of `kind` at [lonDeg, latDeg] with the kind's defaults; named like '规划宏站-S12'.
 * @example makeSite('macro', [106.4, 27.8], 'S12', { band: 'n78' })
 */
export function makeSite(
  kind: SiteKind,
  lonLat: readonly [number, number],
  id: string,
  options: { band?: BandId; status?: SiteStatus; name?: string } = {},
): Site {
  const [lonDeg, latDeg] = lonLat;
  if (!Number.isFinite(lonDeg) || lonDeg < -180 || lonDeg > 180) throw new RangeError(`lonDeg must be in [-180, 180], got ${lonDeg}`);
  if (!Number.isFinite(latDeg) || latDeg < -90 || latDeg > 90) throw new RangeError(`latDeg must be in [-90, 90], got ${latDeg}`);
  const d = SITE_KIND_DEFAULTS[kind];
  return {
    id,
    name: options.name ?? `规划${NAME_PREFIX[kind]}-${id}`,
    kind,
    status: options.status ?? 'planned',
    buildMethod: d.buildMethod,
    lonDeg,
    latDeg,
    heightAglM: d.heightAglM,
    band: options.band ?? 'n78',
    sectors: d.sectors.map((s, i) => ({ ...s, id: String(i + 1) })),
  };
}
