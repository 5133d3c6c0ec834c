/**
 * Reader for the measured-RSRP CSV layout of the 2019 China graduate mathematical-modelling contest,
 * problem A (data by Huawei; ../shared/data/README.md): one row per 5 m square, each row carrying its cell's
 * engineering parameters, planar metres.
 */
import type { CalibrationCell, MeasuredPoint, MeasurementSet } from '../../core/calibration/measurement';
import { decodeText, parseCsv } from '../text';
import { parseNumberText } from '../import/parseNumberText';

/** Column names of the Huawei layout (RSRP is optional: test files leave it out). */
export const HUAWEI_COLUMNS = [
  'Cell Index', 'Cell X', 'Cell Y', 'Height', 'Azimuth', 'Electrical Downtilt', 'Mechanical Downtilt',
  'Frequency Band', 'RS Power', 'Cell Altitude', 'Cell Building Height', 'Cell Clutter Index',
  'X', 'Y', 'Altitude', 'Building Height', 'Clutter Index', 'RSRP',
] as const;

/** True when a CSV header looks like the Huawei layout (has 'Cell Index', 'Cell X' and 'RS Power'). */
export function isHuaweiHeader(header: readonly string[]): boolean {
  const set = new Set(header.map((h) => h.trim()));
  return set.has('Cell Index') && set.has('Cell X') && set.has('RS Power');
}

/**
 * Parses one Huawei-layout CSV. Throws an Error naming the file, line and field for a missing column, a
 * non-numeric value, a NaN or negative height, a non-positive frequency, or a cell whose parameters change
 * between rows. Rows without an RSRP column (or with an empty RSRP) get rsrpDbm = NaN.
 * @example readHuaweiCalibrationCsv(bytes, 'train_1023901.csv').points.length // 2326
 */
export function readHuaweiCalibrationCsv(bytes: Uint8Array, fileName: string): MeasurementSet {
  const table = parseCsv(decodeText(bytes).text);
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const name of HUAWEI_COLUMNS) {
    if (name !== 'RSRP' && !col.has(name)) throw new Error(`${fileName}: missing column "${name}" (Huawei calibration layout)`);
  }
  if (table.rows.length === 0) throw new Error(`${fileName}: no data rows`);
  const cells: CalibrationCell[] = [];
  const cellIndexById = new Map<string, number>();
  const points: MeasuredPoint[] = [];
  const rsrpCol = col.get('RSRP');
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const line = table.lineNumbers[r];
    const num = (name: string, check?: (v: number) => boolean, what = 'a number'): number => {
      const raw = (row[col.get(name)!] ?? '').trim();
      const parsed = raw === '' ? undefined : parseNumberText(raw);
      const v = parsed && 'value' in parsed ? parsed.value : NaN;
      if (!Number.isFinite(v) || (check && !check(v))) {
        throw new Error(`${fileName} line ${line}: field "${name}" must be ${what}, got "${raw}"`);
      }
      return v;
    };
    const cellId = (row[col.get('Cell Index')!] ?? '').trim();
    if (cellId === '') throw new Error(`${fileName} line ${line}: field "Cell Index" is empty`);
    const cell: CalibrationCell = {
      cellId,
      xM: num('Cell X'),
      yM: num('Cell Y'),
      heightM: num('Height', (v) => v >= 0, 'a number >= 0 m'),
      azimuthDeg: num('Azimuth'),
      electricalTiltDeg: num('Electrical Downtilt'),
      mechanicalTiltDeg: num('Mechanical Downtilt'),
      freqMhz: num('Frequency Band', (v) => v > 0, 'a frequency > 0 MHz'),
      rsPowerDbm: num('RS Power'),
      altitudeM: num('Cell Altitude'),
      buildingHeightM: num('Cell Building Height', (v) => v >= 0, 'a number >= 0 m'),
      clutter: num('Cell Clutter Index', (v) => Number.isInteger(v) && v >= 0, 'a class number'),
      source: `${fileName} line ${line}`,
    };
    let cellIndex = cellIndexById.get(cellId);
    if (cellIndex === undefined) {
      cellIndex = cells.length;
      cells.push(cell);
      cellIndexById.set(cellId, cellIndex);
    } else {
      const first = cells[cellIndex];
      for (const key of ['xM', 'yM', 'heightM', 'azimuthDeg', 'electricalTiltDeg', 'mechanicalTiltDeg', 'freqMhz', 'rsPowerDbm'] as const) {
        if (first[key] !== cell[key]) {
          throw new Error(`${fileName} line ${line}: cell ${cellId} changes ${key} from ${first[key]} (${first.source}) to ${cell[key]}`);
        }
      }
    }
    let rsrpDbm = NaN;
    if (rsrpCol !== undefined && (row[rsrpCol] ?? '').trim() !== '') rsrpDbm = num('RSRP', (v) => v < 0 && v > -200, 'an RSRP in (-200, 0) dBm');
    points.push({
      cellIndex,
      xM: num('X'),
      yM: num('Y'),
      altitudeM: num('Altitude'),
      buildingHeightM: num('Building Height', (v) => v >= 0, 'a number >= 0 m'),
      clutter: num('Clutter Index', (v) => Number.isInteger(v) && v >= 0, 'a class number'),
      rsrpDbm,
    });
  }
  return { cells, points };
}
