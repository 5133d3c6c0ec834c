/**
 * Reader for a plain drive-test CSV: one row per measurement with longitude, latitude, RSRP and the serving
 * site id. Site engineering parameters come from a separate sites CSV or from columns on each row.
 * Positions are projected to planar metres with a local transverse Mercator (core/geo/localProjection.ts)
 * centred on the mean site position.
 *
 * Column names are matched case-insensitively, ignoring spaces, '_', '-', '.', and bracketed units:
 * - drive test: lon|lng|longitude|经度, lat|latitude|纬度, rsrp|ss-rsrp|rsrp_dbm|rsrp (dBm),
 *   site_id|site|cell_id|cell|serving_site|serving_cell|小区; optional altitude_m, building_height_m, clutter.
 * - site parameters (sites CSV, or on each drive-test row with a 'site_' prefix for lon/lat):
 *   site_id, lon, lat, height_m, azimuth_deg, electrical_tilt_deg, mechanical_tilt_deg, freq_mhz,
 *   rs_power_dbm; optional altitude_m, building_height_m, clutter.
 */
import type { CalibrationCell, MeasuredPoint, MeasurementSet } from '../../core/calibration/measurement';
import { makeLocalProjection, type LocalProjection } from '../../core/geo/localProjection';
import { decodeText, parseCsv, type CsvTable } from '../text';
import { parseNumberText } from '../import/parseNumberText';

/** A site as given in a sites CSV, in degrees. */
export interface DriveTestSite {
  siteId: string;
  lonDeg: number;
  latDeg: number;
  heightM: number;
  azimuthDeg: number;
  electricalTiltDeg: number;
  mechanicalTiltDeg: number;
  freqMhz: number;
  rsPowerDbm: number;
  altitudeM: number;
  buildingHeightM: number;
  clutter: number;
  source: string;
}

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[([（【].*?[)\]）】]/g, '')
    .replace(/[\s_\-.]/g, '');
}

const ALIASES: Record<string, string[]> = {
  lon: ['lon', 'lng', 'long', 'longitude', 'londeg', '经度'],
  lat: ['lat', 'latitude', 'latdeg', '纬度'],
  rsrp: ['rsrp', 'rsrpdbm', 'ssrsrp', 'ssrsrpdbm', 'nrrsrp'],
  siteId: ['siteid', 'site', 'cellid', 'cell', 'servingsite', 'servingsiteid', 'servingcell', 'servingcellid', 'cellindex', '小区', '站点'],
  siteLon: ['sitelon', 'sitelng', 'sitelongitude', 'sitelondeg'],
  siteLat: ['sitelat', 'sitelatitude', 'sitelatdeg'],
  heightM: ['heightm', 'height', 'antennaheight', 'antennaheightm', 'siteheightm'],
  azimuthDeg: ['azimuthdeg', 'azimuth'],
  electricalTiltDeg: ['electricaltiltdeg', 'electricaltilt', 'electricaldowntilt', 'electricaldowntiltdeg'],
  mechanicalTiltDeg: ['mechanicaltiltdeg', 'mechanicaltilt', 'mechanicaldowntilt', 'mechanicaldowntiltdeg'],
  freqMhz: ['freqmhz', 'frequencymhz', 'frequency', 'frequencyband', 'freq'],
  rsPowerDbm: ['rspowerdbm', 'rspower', 'epredbm', 'rsepredbm'],
  altitudeM: ['altitudem', 'altitude', 'groundaltitudem', 'elevationm'],
  buildingHeightM: ['buildingheightm', 'buildingheight'],
  clutter: ['clutter', 'clutterindex', 'clutterclass'],
  siteAltitudeM: ['sitealtitudem', 'sitealtitude', 'cellaltitude'],
  siteBuildingHeightM: ['sitebuildingheightm', 'sitebuildingheight', 'cellbuildingheight'],
};

function columnFinder(table: CsvTable) {
  const byName = new Map(table.header.map((h, i) => [normalise(h), i]));
  return (key: string): number | undefined => {
    for (const alias of ALIASES[key]) {
      const i = byName.get(alias);
      if (i !== undefined) return i;
    }
    return undefined;
  };
}

type Getter = (key: string, options?: { optional?: boolean; check?: (v: number) => boolean; what?: string }) => number;

function rowGetter(table: CsvTable, fileName: string, find: (k: string) => number | undefined, r: number): Getter {
  const row = table.rows[r];
  const line = table.lineNumbers[r];
  return (key, options = {}) => {
    const c = find(key);
    if (c === undefined) {
      if (options.optional) return NaN;
      throw new Error(`${fileName}: missing column for ${key} (accepted names: ${ALIASES[key].join(', ')})`);
    }
    const raw = (row[c] ?? '').trim();
    if (raw === '' && options.optional) return NaN;
    const parsed = parseNumberText(raw);
    const v = 'value' in parsed ? parsed.value : NaN;
    if (!Number.isFinite(v) || (options.check && !options.check(v))) {
      throw new Error(`${fileName} line ${line}: field "${table.header[c]}" must be ${options.what ?? 'a number'}, got "${raw}"`);
    }
    return v;
  };
}

function siteFromRow(get: Getter, siteId: string, lonKey: string, latKey: string, altKey: string, bhKey: string, source: string): DriveTestSite {
  return {
    siteId,
    lonDeg: get(lonKey, { check: (v) => v >= -180 && v <= 180, what: 'a longitude in [-180, 180]' }),
    latDeg: get(latKey, { check: (v) => v >= -85 && v <= 85, what: 'a latitude in [-85, 85]' }),
    heightM: get('heightM', { check: (v) => v >= 0, what: 'a height >= 0 m' }),
    azimuthDeg: get('azimuthDeg'),
    electricalTiltDeg: get('electricalTiltDeg'),
    mechanicalTiltDeg: get('mechanicalTiltDeg'),
    freqMhz: get('freqMhz', { check: (v) => v > 0, what: 'a frequency > 0 MHz' }),
    rsPowerDbm: get('rsPowerDbm'),
    altitudeM: get(altKey, { optional: true }),
    buildingHeightM: get(bhKey, { optional: true, check: (v) => v >= 0, what: 'a height >= 0 m' }),
    clutter: get('clutter', { optional: true }) || 0,
    source,
  };
}

/**
 * Parses a sites CSV (site_id, lon, lat, height_m, azimuth_deg, electrical_tilt_deg, mechanical_tilt_deg,
 * freq_mhz, rs_power_dbm; optional altitude_m, building_height_m, clutter). Errors name file, line and field.
 * @example readDriveTestSitesCsv(bytes, 'sites.csv')[0].siteId
 */
export function readDriveTestSitesCsv(bytes: Uint8Array, fileName: string): DriveTestSite[] {
  const table = parseCsv(decodeText(bytes).text);
  if (table.rows.length === 0) throw new Error(`${fileName}: no data rows`);
  const find = columnFinder(table);
  const idCol = find('siteId');
  if (idCol === undefined) throw new Error(`${fileName}: missing column for siteId (accepted names: ${ALIASES.siteId.join(', ')})`);
  const seen = new Set<string>();
  return table.rows.map((row, r) => {
    const siteId = (row[idCol] ?? '').trim();
    const line = table.lineNumbers[r];
    if (siteId === '') throw new Error(`${fileName} line ${line}: field "${table.header[idCol]}" is empty`);
    if (seen.has(siteId)) throw new Error(`${fileName} line ${line}: duplicate site id "${siteId}"`);
    seen.add(siteId);
    return siteFromRow(rowGetter(table, fileName, find, r), siteId, 'lon', 'lat', 'altitudeM', 'buildingHeightM', `${fileName} line ${line}`);
  });
}

/**
 * Parses a drive-test CSV into planar measurements. With `options.sites` each row's site id must be among
 * them; otherwise each row must carry its site's parameters (site_lon, site_lat, height_m, ...).
 * `options.projection` fixes the planar frame (default: centred on the mean site position).
 * Missing altitude / building height become NaN (the calibration then treats the ground as flat).
 * @example readDriveTestCsv(bytes, 'dt.csv', { sites }).set.points.length
 */
export function readDriveTestCsv(
  bytes: Uint8Array,
  fileName: string,
  options: { sites?: readonly DriveTestSite[]; projection?: LocalProjection } = {},
): { set: MeasurementSet; projection: LocalProjection } {
  const table = parseCsv(decodeText(bytes).text);
  if (table.rows.length === 0) throw new Error(`${fileName}: no data rows`);
  const find = columnFinder(table);
  const idCol = find('siteId');
  if (idCol === undefined) throw new Error(`${fileName}: missing column for siteId (accepted names: ${ALIASES.siteId.join(', ')})`);
  const sitesById = new Map<string, DriveTestSite>((options.sites ?? []).map((s) => [s.siteId, s]));
  const raw: { siteId: string; lonDeg: number; latDeg: number; altitudeM: number; buildingHeightM: number; clutter: number; rsrpDbm: number }[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const get = rowGetter(table, fileName, find, r);
    const line = table.lineNumbers[r];
    const siteId = (table.rows[r][idCol] ?? '').trim();
    if (siteId === '') throw new Error(`${fileName} line ${line}: field "${table.header[idCol]}" is empty`);
    if (!sitesById.has(siteId)) {
      if (options.sites) throw new Error(`${fileName} line ${line}: site id "${siteId}" is not in the sites file`);
      const site = siteFromRow(get, siteId, 'siteLon', 'siteLat', 'siteAltitudeM', 'siteBuildingHeightM', `${fileName} line ${line}`);
      sitesById.set(siteId, site);
    }
    raw.push({
      siteId,
      lonDeg: get('lon', { check: (v) => v >= -180 && v <= 180, what: 'a longitude in [-180, 180]' }),
      latDeg: get('lat', { check: (v) => v >= -85 && v <= 85, what: 'a latitude in [-85, 85]' }),
      altitudeM: get('altitudeM', { optional: true }),
      buildingHeightM: get('buildingHeightM', { optional: true, check: (v) => v >= 0, what: 'a height >= 0 m' }),
      clutter: get('clutter', { optional: true }) || 0,
      rsrpDbm: get('rsrp', { optional: true, check: (v) => v < 0 && v > -200, what: 'an RSRP in (-200, 0) dBm' }),
    });
  }
  const used = [...new Set(raw.map((p) => p.siteId))].map((id) => sitesById.get(id)!);
  const projection =
    options.projection ??
    makeLocalProjection(
      used.reduce((s, x) => s + x.lonDeg, 0) / used.length,
      used.reduce((s, x) => s + x.latDeg, 0) / used.length,
    );
  const cellIndex = new Map<string, number>();
  const cells: CalibrationCell[] = used.map((s, i) => {
    cellIndex.set(s.siteId, i);
    const [xM, yM] = projection.forward([s.lonDeg, s.latDeg]);
    return {
      cellId: s.siteId, xM, yM, heightM: s.heightM, azimuthDeg: s.azimuthDeg, electricalTiltDeg: s.electricalTiltDeg,
      mechanicalTiltDeg: s.mechanicalTiltDeg, freqMhz: s.freqMhz, rsPowerDbm: s.rsPowerDbm, altitudeM: s.altitudeM,
      buildingHeightM: Number.isNaN(s.buildingHeightM) ? 0 : s.buildingHeightM, clutter: s.clutter, source: s.source,
    };
  });
  const points: MeasuredPoint[] = raw.map((p) => {
    const [xM, yM] = projection.forward([p.lonDeg, p.latDeg]);
    return {
      cellIndex: cellIndex.get(p.siteId)!, xM, yM, altitudeM: p.altitudeM,
      buildingHeightM: p.buildingHeightM, clutter: p.clutter, rsrpDbm: p.rsrpDbm,
    };
  });
  return { set: { cells, points }, projection };
}
