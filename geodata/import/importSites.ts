import { distance } from '@turf/turf';
import { z } from 'zod';
import { SITE_KIND_DEFAULTS, type BandId, type Sector, type Site, type SiteStatus } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
import { readImportRows } from './readImportRows';
import { numberCell, numberListCell, textCell, wordCell } from './rowSchema';
import type { ImportOptions, ImportResult } from './types';
import { BAND_WORDS, KIND_WORDS, lookupWord, METHOD_WORDS, STATUS_WORDS } from './vocabulary';

const FIELDS: ImportField[] = ['id', 'name', 'kind', 'status', 'buildMethod', 'height', 'band', 'azimuth', 'tilt', 'mechanicalTilt', 'electricalTilt', 'cost', 'notes'];

const siteRow = z.object({
  id: textCell(false),
  name: textCell(true).pipe(z.string()),
  kind: wordCell((s) => lookupWord(KIND_WORDS, s), '宏站/微站/室分 (macro/micro/indoor)', 'siteKind'),
  status: wordCell((s) => lookupWord(STATUS_WORDS, s), '现网/规划/建议 (existing/planned/proposed)', 'siteStatus'),
  buildMethod: wordCell((s) => lookupWord(METHOD_WORDS, s), '新建/共享铁塔/智慧杆/楼顶/室分', 'buildMethod'),
  height: numberCell(0, 300),
  band: wordCell((s) => lookupWord(BAND_WORDS, s), 'n78/n41/n28/n79 (3.5G/2.6G/700M/4.9G)', 'band'),
  azimuth: numberListCell(0, 360),
  tilt: numberListCell(-20, 40),
  mechanicalTilt: numberListCell(-20, 40),
  electricalTilt: numberListCell(-20, 40),
  cost: numberCell(0, 1e9),
  notes: textCell(false),
});

/** Options of importSites beyond the common ones. */
export interface ImportSitesOptions extends ImportOptions {
  /** status of rows without one (default 'existing': operators' sheets list the live network) */
  status?: SiteStatus;
  /** band of rows without one (default 'n78') */
  band?: BandId;
}

/** Rows of the same site further apart than this are different sites sharing an id: an error, m. */
const SAME_SITE_M = 100;

const pick = (list: number[], i: number) => (list.length === 1 ? list[0] : list[i]);

/**
 * Imports sites from CSV (UTF-8/BOM/GBK), XLSX, GeoJSON, KML or KMZ with Chinese or English headers (站名/名称,
 * 经度, 纬度, 挂高/高度, 方位角, 下倾角/机械下倾/电下倾, 频段, 类型, 状态, 建设方式, 投资, 备注; headerAliases.ts).
 * One row per site ('0/120/240' in 方位角) or one row per sector (rows sharing 站号/站名 within 100 m merge).
 * A lone total tilt (下倾角) is taken as electrical tilt. Missing height, build method and sectors take the
 * kind's defaults (core/model/siteDefaults.ts). Every bad row is reported (file, row, field, reason).
 * @example const r = await importSites(bytes, { fileName: '现网站点.csv', crs: 'gcj02' }); r.ok && r.value.records.length
 */
export async function importSites(bytes: Uint8Array, options: ImportSitesOptions): Promise<Result<ImportResult<Site>>> {
  const read = await readImportRows(bytes, options, FIELDS, siteRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns } = read.value;
  const sites = new Map<string, { site: Site; row: number }>();
  for (const { row, value: v, geometry } of rows) {
    if (geometry.type !== 'Point') {
      problems.push({ file, row, field: 'geometry', reason: `a site must be a point, got ${geometry.type}`, code: 'wrongGeometry', params: { expected: 'point', got: geometry.type }, severity: 'error' });
      continue;
    }
    const [lonDeg, latDeg] = geometry.coordinates;
    const kind = v.kind ?? 'macro';
    const defaults = SITE_KIND_DEFAULTS[kind];
    const counts = [v.azimuth, v.tilt, v.mechanicalTilt, v.electricalTilt].map((l) => l.length).filter((n) => n > 1);
    if (new Set(counts).size > 1) {
      problems.push({ file, row, field: columns.get('azimuth') ?? null, reason: `azimuth and tilt lists differ in length (${counts.join(' vs ')})`, code: 'listLengthsDiffer', params: { counts: counts.join(' / ') }, severity: 'error' });
      continue;
    }
    const n = Math.max(v.azimuth.length, counts[0] ?? 0);
    const sectors: Omit<Sector, 'id'>[] = n === 0
      ? defaults.sectors.map((s) => ({ ...s }))
      : Array.from({ length: n }, (_, i) => ({
        azimuthDeg: pick(v.azimuth, i) ?? 0,
        mechanicalTiltDeg: pick(v.mechanicalTilt, i) ?? 0,
        electricalTiltDeg: pick(v.electricalTilt, i) ?? pick(v.tilt, i) ?? 0,
        antenna: v.azimuth.length ? 'sector' : defaults.sectors[0].antenna,
      }));
    const key = v.id ?? v.name;
    const prior = sites.get(key);
    if (prior) {
      const apartM = distance([prior.site.lonDeg, prior.site.latDeg], [lonDeg, latDeg], { units: 'kilometers' }) * 1000;
      if (apartM > SAME_SITE_M) {
        problems.push({
          file, row, field: columns.get(v.id ? 'id' : 'name') ?? null, reason: `duplicate site '${key}' ${apartM.toFixed(0)} m from row ${prior.row}`,
          code: 'duplicateSite', params: { key, distanceM: Math.round(apartM), firstRow: prior.row }, severity: 'error',
        });
        continue;
      }
      const base = prior.site.sectors.length;
      prior.site.sectors.push(...sectors.map((s, i) => ({ ...s, id: String(base + i + 1) })));
      continue;
    }
    const site: Site = {
      id: v.id ?? v.name, name: v.name, kind, status: v.status ?? options.status ?? 'existing', buildMethod: v.buildMethod ?? defaults.buildMethod,
      lonDeg, latDeg, heightAglM: v.height ?? defaults.heightAglM, band: v.band ?? options.band ?? 'n78',
      sectors: sectors.map((s, i) => ({ ...s, id: String(i + 1) })), source: `${file} row ${row}`,
    };
    // A cost column headed in 万元 / 10k CNY (as the build list writes it) is scaled to CNY.
    if (v.cost !== undefined) site.costCny = /万|10k/i.test(columns.get('cost') ?? '') ? v.cost * 1e4 : v.cost;
    if (v.notes) site.notes = v.notes;
    sites.set(key, { site, row });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok({ file, format: read.value.format, records: [...sites.values()].map((s) => s.site), problems, rowsRead: read.value.rowsRead });
}
