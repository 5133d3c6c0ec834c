import { distance } from '@turf/turf';
import { z } from 'zod';
import { SITE_KIND_DEFAULTS, SITE_LIMITS, isWithin, type BandId, type Sector, type Site, type SiteKind, type SiteStatus } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
import { isOutsideCounty, outsideCountyCode, outsideCountyReason } from './outsideCounty';
import { readImportRows } from './readImportRows';
import { numberCell, numberListCell, textCell, wordCell } from './rowSchema';
import type { ImportOptions, ImportProblem, ImportResult } from './types';
import { BAND_WORDS, KIND_WORDS, lookupWord, METHOD_WORDS, STATUS_WORDS } from './vocabulary';

const FIELDS: ImportField[] = ['id', 'name', 'kind', 'status', 'buildMethod', 'height', 'band', 'azimuth', 'tilt', 'mechanicalTilt', 'electricalTilt', 'pci', 'cost', 'notes'];

const { heightAglM: HEIGHTS, azimuthDeg: AZIMUTH, mechanicalTiltDeg: MECH, electricalTiltDeg: ELEC, costCny: COST, sectorsPerSite } = SITE_LIMITS;
// The schema takes any height some kind allows; the row's kind narrows it below.
const ANY_HEIGHT = { min: Math.min(...Object.values(HEIGHTS).map((r) => r.min)), max: Math.max(...Object.values(HEIGHTS).map((r) => r.max)) };

const siteRow = z.object({
  id: textCell(false),
  name: textCell(true).pipe(z.string()),
  kind: wordCell((s) => lookupWord(KIND_WORDS, s), '宏站/微站/室分 (macro/micro/indoor)', 'siteKind'),
  status: wordCell((s) => lookupWord(STATUS_WORDS, s), '现网/规划/建议 (existing/planned/proposed)', 'siteStatus'),
  buildMethod: wordCell((s) => lookupWord(METHOD_WORDS, s), '新建/共享铁塔/智慧杆/楼顶/室分', 'buildMethod'),
  height: numberCell(ANY_HEIGHT.min, ANY_HEIGHT.max),
  band: wordCell((s) => lookupWord(BAND_WORDS, s), 'n78/n41/n28/n79 (3.5G/2.6G/700M/4.9G)', 'band'),
  azimuth: numberListCell(AZIMUTH.min, AZIMUTH.max),
  // a lone total tilt (下倾角) is taken as electrical tilt
  tilt: numberListCell(ELEC.min, ELEC.max),
  mechanicalTilt: numberListCell(MECH.min, MECH.max),
  electricalTilt: numberListCell(ELEC.min, ELEC.max),
  // NR PCI 0-1007 (TS 38.211 §7.4.2.1): drive tests name their serving cell by it
  pci: numberListCell(0, 1007),
  cost: numberCell(COST.min, COST.max),
  notes: textCell(false),
});
type SiteRow = z.output<typeof siteRow>;

/** Options of importSites beyond the common ones. */
export interface ImportSitesOptions extends ImportOptions {
  /**
   * status of rows without one. No default on purpose (issue 19: rows without a status used to become existing
   * sites silently, and the build list came out empty): without it, each such row is an error asking for one.
   */
  defaultStatus?: SiteStatus;
  /**
   * sites outside options.county: 'error' (the default) makes each a row error naming its distance to the
   * boundary; 'keep-flagged' keeps them with Site.outsideCounty and a warning, and the coverage leaves them out
   * until they are moved into the county
   */
  outsideCounty?: 'error' | 'keep-flagged';
  /** band of rows without one (default 'n78') */
  band?: BandId;
}

/** Rows of the same site further apart than this are different sites sharing an id: an error, m. */
const SAME_SITE_M = 100;
/** Site-level fields that rows of one site (one row per sector) must agree on, with their column. */
const SITE_FIELDS = ['name', 'kind', 'status', 'buildMethod', 'height', 'band', 'cost'] as const satisfies readonly (keyof SiteRow & ImportField)[];

const pick = (list: number[], i: number) => (list.length === 1 ? list[0] : list[i]);
const KIND_NAMES: Record<SiteKind, string> = { macro: 'macro site (宏站)', micro: 'micro site (微站)', indoor: 'indoor site (室分)' };
const sameSector = (a: Omit<Sector, 'id'>, b: Omit<Sector, 'id'>) =>
  a.azimuthDeg === b.azimuthDeg && a.mechanicalTiltDeg === b.mechanicalTiltDeg && a.electricalTiltDeg === b.electricalTiltDeg && a.antenna === b.antenna;

/** A site being assembled from its rows. */
interface Entry {
  site: Site;
  row: number;
  value: SiteRow;
  /** rows that made it; the status came from options.defaultStatus when `isStatusDefaulted` */
  rows: number;
  isStatusDefaulted: boolean;
}

/**
 * Imports sites from CSV (UTF-8/BOM/GBK), XLSX, GeoJSON, KML or KMZ with Chinese or English headers (站名/名称,
 * 经度, 纬度, 挂高/高度, 方位角, 下倾角/机械下倾/电下倾, PCI, 频段, 类型, 状态, 建设方式, 投资, 备注; headerAliases.ts).
 * One row per site ('0/120/240' in 方位角) or one row per sector (rows sharing 站号/站名 within 100 m merge).
 * Every value must keep SITE_LIMITS (the one schema the editor uses too): the height for the row's kind, azimuth,
 * tilts, at most 12 sectors, the position (in options.county, else in Guizhou). Tilt lists must have one value
 * or one per azimuth. Rows of one site must agree on name, kind, status, build method, height, band and cost:
 * a conflict is an error naming both rows, an exact repeat a warning. Rows without a status take
 * options.defaultStatus (counted in defaultStatusRows) or are errors. Missing height, build method and sectors
 * take the kind's defaults (core/model/siteDefaults.ts). Every bad row is reported (file, row, field, reason).
 * @example const r = await importSites(bytes, { fileName: '现网站点.csv', crs: 'gcj02', defaultStatus: 'existing' }); r.ok && r.value.records.length
 */
export async function importSites(bytes: Uint8Array, options: ImportSitesOptions): Promise<Result<ImportResult<Site>>> {
  const read = await readImportRows(bytes, options, FIELDS, siteRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns } = read.value;
  const header = (f: ImportField, fallback: string = f) => columns.get(f) ?? fallback;
  const sites = new Map<string, Entry>();
  for (const { row, value: v, geometry, outsideCountyM } of rows) {
    const rowProblems: ImportProblem[] = [];
    const error = (field: string | null, reason: string, coded: { code: string; params?: Record<string, string | number> }) => rowProblems.push({ file, row, field, reason, ...coded, severity: 'error' });
    if (geometry.type !== 'Point') {
      problems.push({ file, row, field: 'geometry', reason: `a site must be a point, got ${geometry.type}`, code: 'wrongGeometry', params: { expected: 'point', got: geometry.type }, severity: 'error' });
      continue;
    }
    const [lonDeg, latDeg] = geometry.coordinates;
    const kind = v.kind ?? 'macro';
    const defaults = SITE_KIND_DEFAULTS[kind];
    const heights = HEIGHTS[kind];
    if (v.height !== undefined && !isWithin(v.height, heights)) error(header('height'), `${v.height} m is outside ${heights.min}..${heights.max} m for a ${KIND_NAMES[kind]}`, { code: 'heightOutOfRange', params: { value: v.height, min: heights.min, max: heights.max, kind } });
    const status = v.status ?? options.defaultStatus;
    if (!status) error(header('status', '状态'), 'no status (现网/规划/建议), and none was chosen for rows without one (existing, planned or proposed)', { code: 'noStatus' });
    const azimuths = v.azimuth.length;
    for (const f of ['tilt', 'mechanicalTilt', 'electricalTilt', 'pci'] as const) {
      const n = v[f].length;
      if (n <= 1 || n === azimuths) continue;
      const hint = n === 2 ? ' (a decimal comma such as 12,5 reads as two values: write 12.5)' : '';
      error(header(f), azimuths ? `${n} values for ${azimuths} azimuths${hint}` : `${n} values, but no azimuth (方位角) for each sector${hint}`,
        { code: azimuths ? 'listCountVsAzimuths' : 'listWithoutAzimuths', params: { count: n, azimuths, decimalCommaHint: n === 2 ? 1 : 0 } });
    }
    const n = Math.max(azimuths, ...[v.tilt, v.mechanicalTilt, v.electricalTilt].map((l) => l.length));
    if (n > sectorsPerSite.max) error(header('azimuth'), `${n} sectors; a site has at most ${sectorsPerSite.max}`, { code: 'tooManySectors', params: { count: n, max: sectorsPerSite.max } });
    const lonHeader = header('lon', 'geometry');
    let outsideCounty: Site['outsideCounty'];
    if (options.county) {
      if (isOutsideCounty(outsideCountyM)) {
        const reason = outsideCountyReason('site', v.name, outsideCountyM, options.county.name);
        if (options.outsideCounty === 'keep-flagged') {
          outsideCounty = { lonDeg, latDeg, distanceM: Math.round(outsideCountyM) };
          rowProblems.push({
            file, row, field: lonHeader, reason: `${reason}: kept as asked, left out of the coverage until moved into the county`,
            ...outsideCountyCode('site', v.name, outsideCountyM, options.county.name, true), severity: 'warning',
          });
        } else error(lonHeader, reason, outsideCountyCode('site', v.name, outsideCountyM, options.county.name, false));
      }
    } else if (!isWithin(lonDeg, SITE_LIMITS.lonDeg) || !isWithin(latDeg, SITE_LIMITS.latDeg)) {
      error(lonHeader, `(${lonDeg}, ${latDeg}) is outside Guizhou (${SITE_LIMITS.lonDeg.min}-${SITE_LIMITS.lonDeg.max} E, ${SITE_LIMITS.latDeg.min}-${SITE_LIMITS.latDeg.max} N)`, {
        code: 'outsideGuizhou', params: { lon: lonDeg, lat: latDeg, lonMin: SITE_LIMITS.lonDeg.min, lonMax: SITE_LIMITS.lonDeg.max, latMin: SITE_LIMITS.latDeg.min, latMax: SITE_LIMITS.latDeg.max },
      });
    }
    // A cost column headed in 万元 (as the build list writes it) is scaled to CNY.
    const costCny = v.cost === undefined ? undefined : /万|10k/i.test(columns.get('cost') ?? '') ? v.cost * 1e4 : v.cost;
    if (costCny !== undefined && !isWithin(costCny, COST)) error(header('cost'), `${costCny} CNY is outside ${COST.min}..${COST.max} CNY`, { code: 'costOutOfRange', params: { value: costCny, min: COST.min, max: COST.max } });
    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.severity === 'error') || !status) continue;

    const sectors: Omit<Sector, 'id'>[] = n === 0
      ? defaults.sectors.map((s) => ({ ...s }))
      : Array.from({ length: n }, (_, i) => ({
        azimuthDeg: pick(v.azimuth, i) ?? 0,
        mechanicalTiltDeg: pick(v.mechanicalTilt, i) ?? 0,
        electricalTiltDeg: pick(v.electricalTilt, i) ?? pick(v.tilt, i) ?? 0,
        antenna: v.azimuth.length ? 'sector' : defaults.sectors[0].antenna,
        ...(pick(v.pci, i) !== undefined ? { pci: pick(v.pci, i) } : {}),
      }));
    const key = v.id ?? v.name;
    const prior = sites.get(key);
    if (prior) {
      const where = header(v.id ? 'id' : 'name');
      const apartM = distance([prior.site.lonDeg, prior.site.latDeg], [lonDeg, latDeg], { units: 'kilometers' }) * 1000;
      if (apartM > SAME_SITE_M) {
        problems.push({
          file, row, field: where, reason: `duplicate site '${key}' ${apartM.toFixed(0)} m from row ${prior.row}`,
          code: 'duplicateSite', params: { key, distanceM: Math.round(apartM), firstRow: prior.row }, severity: 'error',
        });
        continue;
      }
      const conflicts = SITE_FIELDS.filter((f) => v[f] !== undefined && prior.value[f] !== undefined && v[f] !== prior.value[f]);
      if (conflicts.length) {
        const what = conflicts.map((f) => `${header(f)} ${String(prior.value[f])} vs ${String(v[f])}`).join(', ');
        const differences = conflicts.map((f) => `${header(f)} ${String(prior.value[f])} ≠ ${String(v[f])}`).join('; ');
        problems.push({
          file, row, field: header(conflicts[0]), reason: `rows ${prior.row} and ${row} both give site '${key}' but differ: ${what}`,
          code: 'conflictingDuplicate', params: { what: 'site', key, firstRow: prior.row, row, differences }, severity: 'error',
        });
        continue;
      }
      if (sectors.every((s) => prior.site.sectors.some((t) => sameSector(s, t)))) {
        problems.push({ file, row, field: where, reason: `repeats site '${key}' of row ${prior.row} exactly; skipped`, code: 'exactRepeat', params: { what: 'site', key, firstRow: prior.row }, severity: 'warning' });
        continue;
      }
      const base = prior.site.sectors.length;
      if (base + sectors.length > sectorsPerSite.max) {
        problems.push({ file, row, field: header('azimuth', where), reason: `site '${key}' of row ${prior.row} would have ${base + sectors.length} sectors; a site has at most ${sectorsPerSite.max}`,
          code: 'mergedTooManySectors', params: { key, firstRow: prior.row, count: base + sectors.length, max: sectorsPerSite.max }, severity: 'error' });
        continue;
      }
      prior.site.sectors.push(...sectors.map((s, i) => ({ ...s, id: String(base + i + 1) })));
      prior.rows++;
      // One row of the site naming its status is enough: the default only stands where none did.
      if (prior.isStatusDefaulted && v.status) {
        prior.site.status = v.status;
        prior.value = { ...prior.value, status: v.status };
        prior.isStatusDefaulted = false;
      }
      continue;
    }
    const site: Site = {
      id: v.id ?? v.name, name: v.name, kind, status, buildMethod: v.buildMethod ?? defaults.buildMethod,
      lonDeg, latDeg, heightAglM: v.height ?? defaults.heightAglM, band: v.band ?? options.band ?? 'n78',
      sectors: sectors.map((s, i) => ({ ...s, id: String(i + 1) })), source: `${file} row ${row}`,
    };
    if (costCny !== undefined) site.costCny = costCny;
    if (v.notes) site.notes = v.notes;
    if (outsideCounty) site.outsideCounty = outsideCounty;
    sites.set(key, { site, row, value: v, rows: 1, isStatusDefaulted: v.status === undefined });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const entries = [...sites.values()];
  return ok({
    file, format: read.value.format, records: entries.map((e) => e.site), problems, rowsRead: read.value.rowsRead,
    defaultStatusRows: entries.reduce((sum, e) => sum + (e.isStatusDefaulted ? e.rows : 0), 0),
  });
}
