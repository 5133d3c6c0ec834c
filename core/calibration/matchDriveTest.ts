import proj4 from 'proj4';
import { colOfXM, rowOfYM, type GridSpec } from '../grid/gridSpec';
import type { RadioSettings } from '../model/project';
import type { Site } from '../model/site';
import { bearingDeg } from '../radio/antennaPattern';
import { EARTH_RADIUS_M } from '../units';
import type { DriveTestRecord } from './driveTest';
import type { SitePoint } from './projectLinks';

/** How records were matched, and why the others were not. */
export interface MatchReport {
  records: number;
  matched: number;
  matchedById: number;
  matchedByPci: number;
  unmatched: number;
  /** each reason with its count and up to three examples ("file line N") */
  unmatchedReasons: { reason: string; count: number; examples: string[] }[];
  /** matched points per site, most first */
  perSite: { siteId: string; siteName: string; points: number }[];
}

/** A matched record: the point to calibrate with and the record it came from. */
export interface MatchedRecord extends SitePoint {
  /** index into the records given */
  record: number;
  how: 'id' | 'pci';
}

/** Options of matchDriveTest. */
export interface MatchOptions {
  /** a PCI matches sectors of sites within this distance of the sample, m (default 5,000 [EST]) */
  pciMaxDistanceM?: number;
  /** samples outside this grid are unmatched */
  grid?: GridSpec;
  /** samples farther from their site than its kind's range are unmatched */
  maxRangeM?: RadioSettings['maxRangeM'];
}

/** PCI reuse distance assumed when matching by PCI, m [EST: 1,008 NR PCIs repeat every several km in a county]. */
export const PCI_MATCH_DISTANCE_M = 5000;

function key(s: string): string {
  return s.trim().toLowerCase();
}

function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.hypot(x, y) * EARTH_RADIUS_M;
}

/** The sector of `site` whose boresight is nearest the bearing to (lon, lat) (omni: the first). */
function facingSector(site: Site, lonDeg: number, latDeg: number): number {
  const rad = Math.PI / 180;
  const b = bearingDeg(0, 0, (lonDeg - site.lonDeg) * Math.cos(latDeg * rad), latDeg - site.latDeg);
  let best = 0;
  let bestOff = Infinity;
  site.sectors.forEach((s, k) => {
    const off = Math.abs(((((b - s.azimuthDeg + 180) % 360) + 360) % 360) - 180);
    if (s.antenna !== 'omni' && off < bestOff) {
      bestOff = off;
      best = k;
    }
  });
  return best;
}

/**
 * Matches drive-test records to a project's sites and sectors, before any fit: by the record's cell id first
 * ('siteId/sectorId', 'siteId-sectorId', 'siteId_sectorId' name a sector; a site id or site name names the site,
 * whose sector facing the sample is taken), else by PCI (sectors with that PCI whose site lies within
 * pciMaxDistanceM; the nearest). Unmatched records are counted by reason: no such cell id, no sector with the
 * PCI nearby, outside the project grid, beyond the site's range. Never throws.
 * @example const { points, report } = matchDriveTest(records, project.sites, { grid: project.grid, maxRangeM: project.settings.radio.maxRangeM })
 */
export function matchDriveTest(
  records: readonly DriveTestRecord[],
  sites: readonly Site[],
  options: MatchOptions = {},
): { points: MatchedRecord[]; report: MatchReport } {
  const pciMaxM = options.pciMaxDistanceM ?? PCI_MATCH_DISTANCE_M;
  const byRef = new Map<string, { site: number; sector?: number }>();
  const bySitePci = new Map<number, { site: number; sector: number }[]>();
  sites.forEach((site, i) => {
    for (const name of [site.name, site.id]) if (name) byRef.set(key(name), { site: i });
    site.sectors.forEach((s, k) => {
      for (const sep of ['/', '-', '_']) byRef.set(key(`${site.id}${sep}${s.id}`), { site: i, sector: k });
      if (s.pci !== undefined) {
        let list = bySitePci.get(s.pci);
        if (!list) bySitePci.set(s.pci, (list = []));
        list.push({ site: i, sector: k });
      }
    });
  });
  const points: MatchedRecord[] = [];
  const reasons = new Map<string, { count: number; examples: string[] }>();
  const miss = (reason: string, r: DriveTestRecord) => {
    let e = reasons.get(reason);
    if (!e) reasons.set(reason, (e = { count: 0, examples: [] }));
    e.count++;
    if (e.examples.length < 3) e.examples.push(`${r.file} line ${r.line}`);
  };
  const grid = options.grid;
  const toGrid = grid ? proj4('WGS84', grid.crs) : undefined;
  let byId = 0;
  let byPci = 0;
  records.forEach((r, index) => {
    let found: { site: number; sector?: number } | undefined;
    let how: 'id' | 'pci' = 'id';
    if (r.cellRef !== undefined) found = byRef.get(key(r.cellRef));
    if (!found && r.pci !== undefined) {
      let bestM = Infinity;
      for (const c of bySitePci.get(r.pci) ?? []) {
        const d = distanceM(sites[c.site].lonDeg, sites[c.site].latDeg, r.lonDeg, r.latDeg);
        if (d <= pciMaxM && d < bestM) {
          bestM = d;
          found = c;
          how = 'pci';
        }
      }
    }
    if (!found) {
      if (r.cellRef !== undefined && r.pci === undefined) miss(`cell id not in the project (e.g. "${r.cellRef}")`, r);
      else if (r.pci !== undefined) miss(r.cellRef !== undefined ? 'neither the cell id nor the PCI matches a sector nearby' : `no sector with the PCI within ${pciMaxM} m`, r);
      else miss('no cell id or PCI', r);
      return;
    }
    const site = sites[found.site];
    if (grid && toGrid) {
      const [xM, yM] = toGrid.forward([r.lonDeg, r.latDeg]);
      const col = colOfXM(grid, xM);
      const row = rowOfYM(grid, yM);
      if (!(col >= 0 && row >= 0 && col < grid.cols && row < grid.rows)) {
        miss('outside the project grid', r);
        return;
      }
    }
    const range = options.maxRangeM?.[site.kind];
    if (range !== undefined && distanceM(site.lonDeg, site.latDeg, r.lonDeg, r.latDeg) > range) {
      miss(`farther from its site than the ${site.kind} range`, r);
      return;
    }
    if (how === 'id') byId++;
    else byPci++;
    points.push({
      record: index, how, siteIndex: found.site, sectorIndex: found.sector ?? facingSector(site, r.lonDeg, r.latDeg),
      lonDeg: r.lonDeg, latDeg: r.latDeg, rsrpDbm: r.rsrpDbm,
    });
  });
  const perSiteCount = new Map<number, number>();
  for (const p of points) perSiteCount.set(p.siteIndex, (perSiteCount.get(p.siteIndex) ?? 0) + 1);
  return {
    points,
    report: {
      records: records.length,
      matched: points.length,
      matchedById: byId,
      matchedByPci: byPci,
      unmatched: records.length - points.length,
      unmatchedReasons: [...reasons].map(([reason, e]) => ({ reason, ...e })).sort((a, b) => b.count - a.count),
      perSite: [...perSiteCount].sort((a, b) => b[1] - a[1]).map(([i, n]) => ({ siteId: sites[i].id, siteName: sites[i].name, points: n })),
    },
  };
}
