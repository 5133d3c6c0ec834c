import { distance } from '@turf/turf';
import type { BuildListMethod, BuildListRow, BuildListSiteType, BuildMethod, Project, Site, SiteKind } from '../model';
import { defaultSiteCostCny, XGS_PON_PORT_COST_CNY } from './unitCosts';

/** Gains of one site, supplied by the scoring and suggestion modules. */
export interface SiteGains {
  placesServed?: string[];
  /** people newly covered (modelled) */
  newPeopleCovered?: number;
  /** area newly covered, km2 (modelled) */
  newAreaKm2?: number;
  /** lower = earlier; rows with one come before rows without, in this order */
  priority?: number;
  township?: string;
}

/** Whether a site belongs on the build list: planned or proposed (existing sites are not built). */
export function isBuildListSite(site: Site): boolean {
  return site.status === 'planned' || site.status === 'proposed';
}

/** A fibre upgrade from the FTTH module (GPON -> XGS-PON card, ODN renewal, new OLT ...). */
export interface FibreUpgrade {
  id: string;
  name: string;
  /** e.g. 'GPON升级XGS-PON', '老旧小区ODN改造' */
  upgrade: string;
  /** e.g. '板卡升级', '新建' */
  buildMethod: string;
  lonDeg: number;
  latDeg: number;
  costCny: number;
  status: 'planned' | 'proposed';
  /** the cost is a unit-cost estimate ([EST]), not a quote */
  isCostEstimate?: boolean;
  newPeopleCovered?: number;
  placesServed?: string[];
  township?: string;
  notes?: string;
}

/** What buildListRows cannot find in the project itself. */
export interface BuildListExtras {
  /** the county's name (geodata/counties has it; core does not import geodata) */
  countyName?: string;
  /** per-site gains by site id */
  perSite?: Record<string, SiteGains>;
  fibreUpgrades?: FibreUpgrade[];
}

const TYPE: Record<SiteKind, BuildListSiteType> = { macro: '宏站', micro: '微站', indoor: '室分' };
const METHOD: Record<BuildMethod, BuildListMethod> = { 'new-tower': '新建', 'shared-tower': '共享铁塔', 'smart-pole': '智慧杆', rooftop: '楼顶', 'indoor-system': '室分' };
/** Townships farther than this from a site are not named as its township, km. */
const TOWNSHIP_MAX_KM = 15;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function nearestTownship(project: Project, lonDeg: number, latDeg: number): string | undefined {
  let best: { name: string; km: number } | undefined;
  for (const p of project.places) {
    if (p.category !== 'township' || p.geometry.type !== 'Point') continue;
    const km = distance([lonDeg, latDeg], p.geometry.coordinates, { units: 'kilometers' });
    if (km <= TOWNSHIP_MAX_KM && (!best || km < best.km)) best = { name: p.name, km };
  }
  return best?.name;
}

function siteRow(project: Project, s: Site, gains: SiteGains | undefined, countyName: string | undefined): BuildListRow {
  const isCostEstimated = s.costCny === undefined;
  const row: BuildListRow = {
    kind: 'site', id: s.id, name: s.name, type: TYPE[s.kind], buildMethod: METHOD[s.buildMethod], lonDeg: s.lonDeg, latDeg: s.latDeg,
    countyCode: project.countyCode, heightAglM: s.heightAglM, band: s.band,
    azimuthsDeg: s.sectors.map((x) => x.azimuthDeg), mechanicalTiltsDeg: s.sectors.map((x) => x.mechanicalTiltDeg), electricalTiltsDeg: s.sectors.map((x) => x.electricalTiltDeg),
    placesServed: gains?.placesServed ?? [], costWanCny: round((s.costCny ?? defaultSiteCostCny(s.kind, s.buildMethod)) / 1e4, 2), isCostEstimated,
    priority: gains?.priority ?? 0, status: s.status === 'planned' ? '规划' : '建议', notes: s.notes ?? '',
  };
  if (countyName) row.countyName = countyName;
  const township = gains?.township ?? nearestTownship(project, s.lonDeg, s.latDeg);
  if (township) row.township = township;
  if (gains?.newPeopleCovered !== undefined) row.newPeopleCovered = gains.newPeopleCovered;
  if (gains?.newAreaKm2 !== undefined) row.newAreaKm2 = gains.newAreaKm2;
  return row;
}

/**
 * The build list (建设清单) of a project: one row per planned or proposed site (existing sites and undecided
 * candidates are left out), per planned or proposed OLT (XGS-PON ports x ¥5,500 when it has no cost) and per
 * fibre upgrade in `extras`. Sites without a cost get the default unit cost (unitCosts.ts, estimates, flagged
 * isCostEstimated). Township = the nearest township place within 15 km unless extras name one. Rows are
 * returned in priority order 1..n: rows with a priority in extras first (by it), then planned before proposed,
 * then by newly covered people per 万元 (when known), then input order.
 * @example buildListRows(project, { countyName: '仁怀市', perSite: { S7: { newPeopleCovered: 1200 } } })
 */
export function buildListRows(project: Project, extras: BuildListExtras = {}): BuildListRow[] {
  if (!project || !Array.isArray(project.sites)) throw new RangeError('project must be a Project');
  const rows: BuildListRow[] = project.sites
    .filter(isBuildListSite)
    .map((s) => siteRow(project, s, extras.perSite?.[s.id], extras.countyName));
  for (const o of project.olts) {
    if (o.status === 'existing') continue;
    const row: BuildListRow = {
      kind: 'fibre', id: o.id, name: o.name, type: 'OLT新建', buildMethod: '新建', lonDeg: o.lonDeg, latDeg: o.latDeg, countyCode: project.countyCode,
      azimuthsDeg: [], mechanicalTiltsDeg: [], electricalTiltsDeg: [], placesServed: [], costWanCny: round((o.xgsPonPorts * XGS_PON_PORT_COST_CNY) / 1e4, 2),
      isCostEstimated: true, priority: 0, status: o.status === 'planned' ? '规划' : '建议', notes: `XGS-PON ${o.xgsPonPorts} 口, GPON ${o.gponPorts} 口`,
    };
    if (extras.countyName) row.countyName = extras.countyName;
    const township = nearestTownship(project, o.lonDeg, o.latDeg);
    if (township) row.township = township;
    rows.push(row);
  }
  for (const f of extras.fibreUpgrades ?? []) {
    const row: BuildListRow = {
      kind: 'fibre', id: f.id, name: f.name, type: f.upgrade, buildMethod: f.buildMethod, lonDeg: f.lonDeg, latDeg: f.latDeg, countyCode: project.countyCode,
      azimuthsDeg: [], mechanicalTiltsDeg: [], electricalTiltsDeg: [], placesServed: f.placesServed ?? [], costWanCny: round(f.costCny / 1e4, 2),
      isCostEstimated: f.isCostEstimate ?? false, priority: 0, status: f.status === 'planned' ? '规划' : '建议', notes: f.notes ?? '',
    };
    if (extras.countyName) row.countyName = extras.countyName;
    const township = f.township ?? nearestTownship(project, f.lonDeg, f.latDeg);
    if (township) row.township = township;
    if (f.newPeopleCovered !== undefined) row.newPeopleCovered = f.newPeopleCovered;
    rows.push(row);
  }
  const given = new Map(Object.entries(extras.perSite ?? {}).filter(([, g]) => g.priority !== undefined).map(([id, g]) => [id, g.priority!]));
  const yieldOf = (r: BuildListRow) => (r.newPeopleCovered !== undefined && r.costWanCny > 0 ? r.newPeopleCovered / r.costWanCny : -1);
  const order = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      (given.get(a.r.id) ?? Infinity) - (given.get(b.r.id) ?? Infinity)
      || (a.r.status === b.r.status ? 0 : a.r.status === '规划' ? -1 : 1)
      || yieldOf(b.r) - yieldOf(a.r)
      || a.i - b.i);
  // Priorities are positions 1..n, so a given priority orders its row first without duplicate numbers.
  order.forEach(({ r }, k) => {
    r.priority = k + 1;
  });
  return order.map(({ r }) => r);
}
