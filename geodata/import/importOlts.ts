import { z } from 'zod';
import type { Olt } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
import { isOutsideCounty, outsideCountyCode, outsideCountyReason } from './outsideCounty';
import { readImportRows } from './readImportRows';
import { numberCell, textCell, wordCell } from './rowSchema';
import type { ImportOptions, ImportResult } from './types';
import { lookupWord, STATUS_WORDS } from './vocabulary';

const FIELDS: ImportField[] = ['id', 'name', 'gponPorts', 'xgsPonPorts', 'status'];

const oltRow = z.object({
  id: textCell(false),
  name: textCell(true).pipe(z.string()),
  gponPorts: numberCell(0, 100_000, { integer: true }),
  xgsPonPorts: numberCell(0, 100_000, { integer: true }),
  status: wordCell((s) => lookupWord(STATUS_WORDS, s), '现网/规划/建议 (existing/planned/proposed)', 'siteStatus'),
});

/** Options of importOlts beyond the common ones. */
export interface ImportOltsOptions extends ImportOptions {
  /** status of rows without one; no default (as ImportSitesOptions.defaultStatus): without it such rows are errors */
  defaultStatus?: Olt['status'];
}

/**
 * Imports OLTs / central offices from CSV, XLSX, GeoJSON, KML or KMZ: 名称, 经度, 纬度, GPON端口数,
 * 10G-PON端口数 (or XGS-PON), 状态. Missing port counts are 0; ids from the file or 'O-<row>'. Rows without a
 * status take options.defaultStatus or are errors; a repeated id is an error naming both rows, or a warning when
 * the rows are the same; with options.county an OLT outside it is an error naming the distance.
 * @example const r = await importOlts(bytes, { fileName: 'olt.xlsx', defaultStatus: 'existing' })
 */
export async function importOlts(bytes: Uint8Array, options: ImportOltsOptions): Promise<Result<ImportResult<Olt>>> {
  const read = await readImportRows(bytes, options, FIELDS, oltRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns } = read.value;
  const seen = new Map<string, { row: number; text: string }>();
  const olts: Olt[] = [];
  let defaultStatusRows = 0;
  for (const { row, value: v, geometry, outsideCountyM } of rows) {
    if (geometry.type !== 'Point') {
      problems.push({ file, row, field: 'geometry', reason: `an OLT must be a point, got ${geometry.type}`, code: 'wrongGeometry', params: { expected: 'point', got: geometry.type }, severity: 'error' });
      continue;
    }
    if (options.county && isOutsideCounty(outsideCountyM)) {
      problems.push({
        file, row, field: columns.get('lon') ?? 'geometry', reason: outsideCountyReason('OLT', v.name, outsideCountyM, options.county.name),
        ...outsideCountyCode('OLT', v.name, outsideCountyM, options.county.name, false), severity: 'error',
      });
      continue;
    }
    const status = v.status ?? options.defaultStatus;
    if (!status) {
      problems.push({ file, row, field: columns.get('status') ?? '状态', reason: 'no status (现网/规划/建议), and none was chosen for rows without one (existing, planned or proposed)', code: 'noStatus', severity: 'error' });
      continue;
    }
    const id = v.id ?? `O-${row}`;
    const text = JSON.stringify([v, geometry]);
    const first = seen.get(id);
    if (first !== undefined) {
      const isSame = first.text === text;
      problems.push({
        file, row, field: columns.get('id') ?? null, severity: isSame ? 'warning' : 'error',
        reason: isSame ? `repeats OLT '${id}' of row ${first.row} exactly; skipped` : `rows ${first.row} and ${row} both give OLT '${id}' but differ`,
        code: isSame ? 'exactRepeat' : 'conflictingDuplicate', params: { what: 'OLT', key: id, firstRow: first.row, row },
      });
      continue;
    }
    seen.set(id, { row, text });
    if (!v.status) defaultStatusRows++;
    olts.push({
      id, name: v.name, lonDeg: geometry.coordinates[0], latDeg: geometry.coordinates[1], gponPorts: v.gponPorts ?? 0, xgsPonPorts: v.xgsPonPorts ?? 0,
      status, source: `${file} row ${row}`,
    });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok({ file, format: read.value.format, records: olts, problems, rowsRead: read.value.rowsRead, defaultStatusRows });
}
