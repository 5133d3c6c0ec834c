import { basename } from 'node:path';
import { mergeMeasurementSets, type MeasurementSet } from '../core/calibration';
import type { LocalProjection } from '../core/geo/localProjection';
import { decodeText, parseCsv, type CsvTable } from '../geodata/text';
import {
  isHuaweiHeader,
  readDriveTestCsv,
  readDriveTestSitesCsv,
  readHuaweiCalibrationCsv,
  type DriveTestSite,
} from '../geodata/measurements';
import { readCliInput } from './inputFiles';

/** One input file as read: its layout and parsed table (to echo its rows in order). */
export interface MeasurementFile {
  path: string;
  layout: 'huawei' | 'drive-test';
  table: CsvTable;
}

/**
 * Reads measurement CSVs for `qcplan calibrate` / `predict`: each file is the Huawei 2019 layout (detected by
 * its header) or a plain drive-test CSV (lon, lat, RSRP, serving site; site parameters from `sitesPath` or on
 * each row). Drive-test files share the first one's planar frame. Returns the merged set, points in file and
 * row order, one point per data row. Errors name the file, line and field. Files are read with readCliInput
 * (regular files of at most 200 MB).
 * @example const { set } = await readMeasurementFiles(['train_1023901.csv'], process.cwd())
 */
export async function readMeasurementFiles(
  paths: readonly string[],
  cwd: string,
  options: { sitesPath?: string; onFile?: (path: string, rows: number) => void } = {},
): Promise<{ set: MeasurementSet; files: MeasurementFile[] }> {
  const sites: DriveTestSite[] | undefined = options.sitesPath
    ? readDriveTestSitesCsv(await readCliInput(options.sitesPath, cwd, 'measurements'), basename(options.sitesPath))
    : undefined;
  let projection: LocalProjection | undefined;
  const sets: MeasurementSet[] = [];
  const files: MeasurementFile[] = [];
  for (const path of paths) {
    const bytes = await readCliInput(path, cwd, 'measurements');
    const name = basename(path);
    const table = parseCsv(decodeText(bytes).text);
    let set: MeasurementSet;
    let layout: MeasurementFile['layout'];
    if (isHuaweiHeader(table.header)) {
      layout = 'huawei';
      set = readHuaweiCalibrationCsv(bytes, name);
    } else {
      layout = 'drive-test';
      const read = readDriveTestCsv(bytes, name, { sites, projection });
      projection = read.projection;
      set = read.set;
    }
    if (set.points.length !== table.rows.length) {
      throw new Error(`${name}: read ${set.points.length} points from ${table.rows.length} rows`);
    }
    sets.push(set);
    files.push({ path, layout, table });
    options.onFile?.(path, table.rows.length);
  }
  return { set: mergeMeasurementSets(sets), files };
}
