import { z } from 'zod';
import type { Olt } from '../../core/model';
import { ok, type Result } from '../../core/result';
import type { ImportField } from './headerAliases';
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

/**
 * Imports OLTs / central offices from CSV, XLSX, GeoJSON, KML or KMZ: 名称, 经度, 纬度, GPON端口数,
 * 10G-PON端口数 (or XGS-PON), 状态. Missing port counts are 0; ids from the file or 'O-<row>'.
 * @example const r = await importOlts(bytes, { fileName: 'olt.xlsx' })
 */
export async function importOlts(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult<Olt>>> {
  const read = await readImportRows(bytes, options, FIELDS, oltRow);
  if (!read.ok) return read;
  const { file, rows, problems, columns } = read.value;
  const seen = new Map<string, number>();
  const olts: Olt[] = [];
  for (const { row, value: v, geometry } of rows) {
    if (geometry.type !== 'Point') {
      problems.push({ file, row, field: 'geometry', reason: `an OLT must be a point, got ${geometry.type}`, code: 'wrongGeometry', params: { expected: 'point', got: geometry.type }, severity: 'error' });
      continue;
    }
    const id = v.id ?? `O-${row}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ file, row, field: columns.get('id') ?? null, reason: `duplicate id '${id}' (first on row ${first})`, code: 'duplicateId', params: { id, firstRow: first }, severity: 'error' });
      continue;
    }
    seen.set(id, row);
    olts.push({
      id, name: v.name, lonDeg: geometry.coordinates[0], latDeg: geometry.coordinates[1], gponPorts: v.gponPorts ?? 0, xgsPonPorts: v.xgsPonPorts ?? 0,
      status: v.status ?? 'existing', source: `${file} row ${row}`,
    });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return ok({ file, format: read.value.format, records: olts, problems, rowsRead: read.value.rowsRead });
}
