import proj4 from 'proj4';
import type { DriveTestFile, DriveTestProblem, DriveTestRecord } from '../../core/calibration/driveTest';
import { fail, ok, type Result } from '../../core/result';
import { normaliseHeader } from '../import/headerAliases';
import { IMPORT_LIMITS } from '../import/importLimits';
import { decodeText, parseCsv, type CsvTable } from '../text';
import { isHuaweiHeader } from './huaweiCsv';

/** A measured RSRP outside this is a unit or column mix-up, dBm. */
const RSRP_RANGE_DBM = [-160, -20] as const;
/** planar X, Y: any finite number of metres */
const ANY_METRES = [-Infinity, Infinity] as const;

/**
 * Header spellings of drive-test exports, after normaliseHeader, in order of preference (the first present
 * wins): serving-cell values before plain ones. Covers the plain layout (lon, lat, rsrp, site_id / cell_id),
 * common tool exports (Longitude, Latitude, NR Serving SS-RSRP, NR Serving PCI, NCI / Cell ID) and Chinese
 * headers (经度, 纬度, 服务小区SS-RSRP / 参考信号接收功率, 服务小区PCI / 物理小区标识, 小区ID / 小区名称 / 站号).
 */
export const DRIVE_TEST_ALIASES = {
  lon: ['lon', 'lng', 'long', 'longitude', 'londeg', '经度', 'gpslongitude', 'gps经度'],
  lat: ['lat', 'latitude', 'latdeg', '纬度', 'gpslatitude', 'gps纬度'],
  rsrp: [
    'nrservingssrsrp', 'servingssrsrp', 'servingcellssrsrp', 'nrssrsrp', 'ssrsrp', 'ssrsrpdbm', '服务小区ssrsrp', '服务小区rsrp',
    'servingrsrp', 'servingcellrsrp', 'ltervingrsrp', 'ltesevingrsrp', 'ltesrvrsrp', 'rsrp', 'rsrpdbm', '参考信号接收功率', 'nrrsrp',
  ],
  pci: ['nrservingpci', 'servingpci', 'servingcellpci', '服务小区pci', 'nrpci', 'pci', 'ltepci', '物理小区标识', '物理小区id'],
  cellRef: [
    'servingcellid', 'servingcell', 'servingsiteid', 'servingsite', 'nci', 'nrcellid', 'eci', 'ecgi', 'ncgi', 'cgi', 'cellid', 'cell',
    'cellindex', 'cellname', 'siteid', 'site', 'sitename', '服务小区', '服务小区id', '服务小区名称', '小区id', '小区标识', '小区名称', '小区',
    '站号', '站名', '站点', '基站名称',
  ],
} as const;

type DriveTestField = keyof typeof DRIVE_TEST_ALIASES;

function findColumns(table: CsvTable): Partial<Record<DriveTestField, number>> {
  const byName = new Map<string, number>();
  table.header.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!byName.has(key)) byName.set(key, i);
  });
  const found: Partial<Record<DriveTestField, number>> = {};
  for (const field of Object.keys(DRIVE_TEST_ALIASES) as DriveTestField[]) {
    for (const alias of DRIVE_TEST_ALIASES[field]) {
      const i = byName.get(alias);
      if (i !== undefined) {
        found[field] = i;
        break;
      }
    }
  }
  return found;
}

/** Options of readDriveTestFile. */
export interface ReadDriveTestOptions {
  /**
   * proj4 definition or 'EPSG:326zz' / 'EPSG:327zz' (WGS-84 UTM) of the planar X, Y of the 2019 contest layout;
   * required for that layout (its files do not say)
   */
  planarCrs?: string;
}

function planarToLonLat(crs: string): ((xy: [number, number]) => [number, number]) | string {
  const utm = /^epsg:(32[67])(\d\d)$/i.exec(crs.trim());
  let def = crs;
  if (utm) {
    const zone = Number(utm[2]);
    if (zone < 1 || zone > 60) return `planar CRS ${crs}: UTM zone must be 1-60`;
    def = `+proj=utm +zone=${zone}${utm[1] === '327' ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
  } else if (!def.includes('+proj=')) return `planar CRS ${crs} is not EPSG:326zz / EPSG:327zz (WGS-84 UTM) or a proj4 definition`;
  try {
    const conv = proj4(def, 'WGS84');
    return (xy) => conv.forward(xy) as [number, number];
  } catch (err) {
    return `planar CRS ${crs}: ${(err as Error).message}`;
  }
}

/**
 * Reads one drive-test CSV (UTF-8, BOM or GB18030 through geodata/text): the 2019 contest layout (planar X, Y,
 * Cell Index, RSRP; positions converted from `planarCrs`), or a drive-test table with longitude, latitude, the
 * serving RSRP and the serving cell's id or PCI (DRIVE_TEST_ALIASES; Chinese or English headers). A row with a
 * bad or missing value is skipped with a problem naming file, line and field; a row without a serving RSRP is
 * skipped ("no service"). Refused as a whole (Result 'bad-file', the message naming the file and the column):
 * over IMPORT_LIMITS.maxBytes.csv, no data rows, no position or RSRP column, neither a cell id nor a PCI column,
 * a contest file without `planarCrs`.
 * @example const r = readDriveTestFile(bytes, '路测.csv'); if (r.ok) r.value.records.length
 */
export function readDriveTestFile(bytes: Uint8Array, fileName: string, options: ReadDriveTestOptions = {}): Result<DriveTestFile> {
  if (bytes.length > IMPORT_LIMITS.maxBytes.csv) {
    const reason = { code: 'tooLarge', params: { sizeMb: (bytes.length / 1e6).toFixed(1), maxMb: IMPORT_LIMITS.maxBytes.csv / 1e6 } };
    return fail('bad-file', `${fileName}: ${bytes.length} bytes, over the ${IMPORT_LIMITS.maxBytes.csv} byte limit for CSV`, reason);
  }
  const table = parseCsv(decodeText(bytes).text);
  if (table.rows.length === 0) return fail('bad-file', `${fileName}: no data rows`, { code: 'emptyFile' });
  if (table.rows.length > IMPORT_LIMITS.maxRows) {
    return fail('bad-file', `${fileName}: ${table.rows.length} rows, over the ${IMPORT_LIMITS.maxRows} row limit`, { code: 'tooManyRows', params: { count: table.rows.length, max: IMPORT_LIMITS.maxRows } });
  }
  const problems: DriveTestProblem[] = [];
  const records: DriveTestRecord[] = [];
  const isContest = isHuaweiHeader(table.header);
  let toLonLat: ((xy: [number, number]) => [number, number]) | undefined;
  let cols: Partial<Record<DriveTestField | 'x' | 'y', number>>;
  if (isContest) {
    if (!options.planarCrs) {
      return fail('bad-file', `${fileName}: the 2019 contest layout gives planar metres (X, Y) without their coordinate system: name it (e.g. --planar-crs EPSG:32649)`, { code: 'contestNeedsCrs' });
    }
    const conv = planarToLonLat(options.planarCrs);
    if (typeof conv === 'string') return fail('bad-file', `${fileName}: ${conv}`);
    toLonLat = conv;
    const at = (name: string) => table.header.findIndex((h) => h.trim() === name);
    cols = { x: at('X'), y: at('Y'), rsrp: at('RSRP'), cellRef: at('Cell Index') };
    if (cols.rsrp! < 0) return fail('bad-file', `${fileName}: the contest layout has no RSRP column (a test file): nothing to calibrate`, { code: 'contestNoRsrp' });
  } else {
    cols = findColumns(table);
    const missing = (['lon', 'lat', 'rsrp'] as const).filter((f) => cols[f] === undefined);
    if (missing.length) {
      const accepted = missing.map((f) => DRIVE_TEST_ALIASES[f].slice(0, 6).join(' / ')).join('; ');
      return fail('bad-file', `${fileName}: no column for ${missing.join(', ')} (accepted headers: ${accepted})`, { code: 'driveTestNoColumns', params: { missing: missing.join(','), accepted } });
    }
    if (cols.cellRef === undefined && cols.pci === undefined) {
      const accepted = DRIVE_TEST_ALIASES.cellRef.slice(0, 6).join(' / ');
      return fail('bad-file', `${fileName}: no serving-cell column: give a cell or site id (${accepted}, ...) or a PCI column`, { code: 'driveTestNoCellColumn', params: { accepted } });
    }
  }
  const header = (i: number | undefined) => (i === undefined || i < 0 ? '' : table.header[i]);
  const columns: Record<string, string> = {};
  for (const [k, i] of Object.entries(cols)) if (i !== undefined && i >= 0) columns[k] = header(i);
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const line = table.lineNumbers[r];
    const cell = (i: number | undefined) => (i === undefined || i < 0 ? '' : (row[i] ?? '').trim());
    const num = (i: number | undefined, what: string, range: readonly [number, number], unit: string): number | undefined => {
      const raw = cell(i);
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || v < range[0] || v > range[1]) {
        const [min, max] = range;
        const coded: Pick<DriveTestProblem, 'code' | 'params'> =
          raw === '' ? { code: 'required' } : Number.isFinite(v) ? { code: 'outOfRange', params: { value: raw, min, max } } : { code: 'notNumber', params: { value: raw } };
        problems.push({ file: fileName, line, field: header(i), reason: raw === '' ? `${what} is empty` : `${what} must be a number in [${min}, ${max}]${unit}, got "${raw}"`, ...coded });
        return undefined;
      }
      return v;
    };
    const rsrpRaw = cell(cols.rsrp);
    if (rsrpRaw === '' || /^(-|n\/?a|null|nan)$/i.test(rsrpRaw)) {
      problems.push({ file: fileName, line, field: header(cols.rsrp), reason: 'no serving RSRP (no service): skipped', code: 'noRsrp' });
      continue;
    }
    const rsrpDbm = num(cols.rsrp, 'RSRP', RSRP_RANGE_DBM, ' dBm');
    let lonDeg: number | undefined;
    let latDeg: number | undefined;
    if (toLonLat) {
      const x = num(cols.x, 'X', ANY_METRES, ' m');
      const y = num(cols.y, 'Y', ANY_METRES, ' m');
      // the contest's X, Y are the top-left corners of 5 m squares: take the centre
      if (x !== undefined && y !== undefined) [lonDeg, latDeg] = toLonLat([x + 2.5, y - 2.5]);
    } else {
      lonDeg = num(cols.lon, 'longitude', [-180, 180], '°');
      latDeg = num(cols.lat, 'latitude', [-85, 85], '°');
      if (lonDeg === 0 && latDeg === 0) {
        problems.push({ file: fileName, line, field: header(cols.lon), reason: 'position 0, 0 (no GPS fix): skipped', code: 'noGpsFix' });
        continue;
      }
    }
    if (rsrpDbm === undefined || lonDeg === undefined || latDeg === undefined) continue;
    const record: DriveTestRecord = { file: fileName, line, lonDeg, latDeg, rsrpDbm };
    const ref = cell(cols.cellRef);
    if (ref !== '') record.cellRef = ref;
    if (cols.pci !== undefined) {
      const raw = cell(cols.pci);
      const pci = Number(raw);
      if (raw !== '' && Number.isInteger(pci) && pci >= 0 && pci <= 1007) record.pci = pci;
      else if (raw !== '') problems.push({ file: fileName, line, field: header(cols.pci), reason: `PCI must be an integer 0-1007, got "${raw}"`, code: 'outOfRange', params: { value: raw, min: 0, max: 1007 } });
    }
    if (record.cellRef === undefined && record.pci === undefined) {
      problems.push({ file: fileName, line, field: header(cols.cellRef ?? cols.pci), reason: 'no serving cell id or PCI: skipped', code: 'noServingCell' });
      continue;
    }
    records.push(record);
  }
  return ok({ file: fileName, layout: isContest ? 'contest-2019' : 'drive-test', columns, records, problems, rowsRead: table.rows.length });
}
