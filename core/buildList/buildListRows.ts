import { distance } from '@turf/turf';
import { costTableFromSettings, siteCostCny, type CostTable } from '../costs';
import { resolveFibreSettings, type FibreUpgradeRow } from '../ftth';
import type { Project, Site } from '../model';
import type { Localized } from '../sources/types';
import { cnyToWan, roundCount, roundKm2 } from '../text/rounding';
import type { BuildListRow } from './buildListRow';

/** Gains of one site, supplied by the scoring and suggestion modules. */
export interface SiteGains {
  placesServed?: string[];
  /** people newly covered (modelled, >= 0: cells that meet the target with the site and miss it without) */
  newPeopleCovered?: number;
  /** people the site's interference pushes below the target (modelled, >= 0) */
  peopleLostToInterference?: number;
  /** area newly covered, km2 (modelled, >= 0) */
  newAreaKm2?: number;
  /** lower = earlier; rows with one come before rows without, in this order */
  priority?: number;
  township?: string;
}

/** Whether a site belongs on the build list: planned or proposed (existing sites are not built). */
export function isBuildListSite(site: Site): boolean {
  return site.status === 'planned' || site.status === 'proposed';
}

/** What buildListRows cannot find in the project itself. */
export interface BuildListExtras {
  /** the county's name in both languages (geodata/counties has it; core does not import geodata) */
  countyName?: Localized;
  /** per-site gains by site id */
  perSite?: Record<string, SiteGains>;
  /** the FTTH analysis' upgrade list (analyseFibre(...).value.upgrades) */
  fibreUpgrades?: readonly FibreUpgradeRow[];
}

/** Townships farther than this from a site are not named as its township, km. */
const TOWNSHIP_MAX_KM = 15;

function nearestTownship(project: Project, lonDeg: number, latDeg: number): string | undefined {
  let best: { name: string; km: number } | undefined;
  for (const p of project.places) {
    if (p.category !== 'township' || p.geometry.type !== 'Point') continue;
    const km = distance([lonDeg, latDeg], p.geometry.coordinates, { units: 'kilometers' });
    if (km <= TOWNSHIP_MAX_KM && (!best || km < best.km)) best = { name: p.name, km };
  }
  return best?.name;
}

/** A site's cost and whether it is an estimate: its own figure, else the project's unit-cost table. */
function siteCost(s: Site, table: CostTable): { costCny: number; isEstimate: boolean } {
  // an accepted suggestion was priced from the table (acceptSuggestions writes 'suggestion <id>' as its source): in
  // files saved before cost_is_estimate was kept the flag is absent, and the cost is still the table's estimate
  if (s.costCny !== undefined) return { costCny: s.costCny, isEstimate: s.isCostEstimate ?? /^suggestion \S/.test(s.source ?? '') };
  const entry = siteCostCny(table, s.kind, s.buildMethod) ?? siteCostCny(table, s.kind, Object.keys(table[s.kind])[0] as Site['buildMethod']);
  if (!entry) throw new RangeError(`the cost table has no ${s.kind} entry to price site ${s.id}`);
  return { costCny: entry.costCny, isEstimate: entry.entry.provenance.isEstimate === true };
}

function siteRow(project: Project, s: Site, gains: SiteGains | undefined, table: CostTable, countyName: Localized | undefined): BuildListRow {
  const cost = siteCost(s, table);
  const row: BuildListRow = {
    kind: 'site', id: s.id, name: s.name, type: s.kind, buildMethod: s.buildMethod, lonDeg: s.lonDeg, latDeg: s.latDeg,
    countyCode: project.countyCode, heightAglM: s.heightAglM, band: s.band,
    azimuthsDeg: s.sectors.map((x) => x.azimuthDeg), mechanicalTiltsDeg: s.sectors.map((x) => x.mechanicalTiltDeg), electricalTiltsDeg: s.sectors.map((x) => x.electricalTiltDeg),
    placesServed: gains?.placesServed ?? [], costWanCny: cnyToWan(cost.costCny), isCostEstimated: cost.isEstimate,
    priority: gains?.priority ?? 0, status: s.status === 'planned' ? 'planned' : 'proposed', notes: s.notes ?? '',
  };
  if (countyName) row.countyName = countyName;
  const township = gains?.township ?? nearestTownship(project, s.lonDeg, s.latDeg);
  if (township) row.township = township;
  if (gains?.newPeopleCovered !== undefined) row.newPeopleCovered = roundCount(Math.max(0, gains.newPeopleCovered));
  if (gains?.peopleLostToInterference !== undefined && roundCount(gains.peopleLostToInterference) > 0) row.peopleLostToInterference = roundCount(gains.peopleLostToInterference);
  if (gains?.newAreaKm2 !== undefined) row.newAreaKm2 = roundKm2(Math.max(0, gains.newAreaKm2));
  return row;
}

/**
 * The build list (建设清单) of a project: one row per planned or proposed site (existing sites and undecided
 * candidates are left out), per planned or proposed OLT (its XGS-PON ports at the fibre settings' port cost) and per
 * fibre upgrade in `extras`. Sites without a cost of their own are priced from the project's unit-cost table
 * (costTableFromSettings: the defaults are estimates, flagged isCostEstimated). Township = the nearest township
 * place within 15 km unless extras name one. Figures are rounded for people (core/text/rounding). Rows come in
 * priority order 1..n: rows with a priority in extras first (by it), then planned before proposed, then by newly
 * covered people per 万元 (when known), then input order.
 * @example buildListRows(project, { countyName: { zh: '仁怀市', en: 'Renhuai' }, perSite: { S7: { newPeopleCovered: 1200 } } })
 */
export function buildListRows(project: Project, extras: BuildListExtras = {}): BuildListRow[] {
  if (!project || !Array.isArray(project.sites)) throw new RangeError('project must be a Project');
  const table = costTableFromSettings({ costs: project.settings.costs });
  const rows: BuildListRow[] = project.sites
    .filter(isBuildListSite)
    .map((s) => siteRow(project, s, extras.perSite?.[s.id], table, extras.countyName));
  const portCostCny = resolveFibreSettings(project.settings.fibre).costs.xgsPonPortCny;
  for (const o of project.olts) {
    if (o.status === 'existing') continue;
    const row: BuildListRow = {
      kind: 'fibre', id: o.id, name: o.name, type: 'olt', buildMethod: 'new-build', lonDeg: o.lonDeg, latDeg: o.latDeg, countyCode: project.countyCode,
      azimuthsDeg: [], mechanicalTiltsDeg: [], electricalTiltsDeg: [], placesServed: [], costWanCny: cnyToWan(o.xgsPonPorts * portCostCny),
      isCostEstimated: true, priority: 0, status: o.status === 'planned' ? 'planned' : 'proposed', notes: '',
      ports: { xgsPon: o.xgsPonPorts, gpon: o.gponPorts },
    };
    if (extras.countyName) row.countyName = extras.countyName;
    const township = nearestTownship(project, o.lonDeg, o.latDeg);
    if (township) row.township = township;
    rows.push(row);
  }
  (extras.fibreUpgrades ?? []).forEach((f, i) => {
    const row: BuildListRow = {
      kind: 'fibre', id: `F${i + 1}`, name: '', label: f.label, type: f.type, buildMethod: f.type === 'xgs_line_card' ? 'card-upgrade' : 'new-build',
      lonDeg: f.lonDeg, latDeg: f.latDeg, countyCode: project.countyCode, azimuthsDeg: [], mechanicalTiltsDeg: [], electricalTiltsDeg: [],
      placesServed: [], costWanCny: cnyToWan(f.costCny), isCostEstimated: f.isCostEstimate, priority: 0, status: 'proposed', notes: '', detail: f.detail,
    };
    if (extras.countyName) row.countyName = extras.countyName;
    const township = nearestTownship(project, f.lonDeg, f.latDeg);
    if (township) row.township = township;
    rows.push(row);
  });
  const given = new Map(Object.entries(extras.perSite ?? {}).filter(([, g]) => g.priority !== undefined).map(([id, g]) => [id, g.priority!]));
  const yieldOf = (r: BuildListRow) => (r.newPeopleCovered !== undefined && r.costWanCny > 0 ? r.newPeopleCovered / r.costWanCny : -1);
  const order = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      (given.get(a.r.id) ?? Infinity) - (given.get(b.r.id) ?? Infinity)
      || (a.r.status === b.r.status ? 0 : a.r.status === 'planned' ? -1 : 1)
      || yieldOf(b.r) - yieldOf(a.r)
      || a.i - b.i);
  // Priorities are positions 1..n, so a given priority orders its row first without duplicate numbers.
  order.forEach(({ r }, k) => {
    r.priority = k + 1;
  });
  return order.map(({ r }) => r);
}
