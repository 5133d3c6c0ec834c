import type { ImportProblem } from '../import';
import { csvBytes } from './csvText';

/**
 * Every problem of an import as CSV (columns file,row,field,reason; UTF-8 with BOM), for files with more
 * problems than the import dialog lists. An empty row or field is the whole file or the whole row.
 * @example exportImportProblemsCsv([{ file: 'a.csv', row: 3, field: '纬度', reason: '不是数字', severity: 'error' }])
 */
export function exportImportProblemsCsv(problems: readonly ImportProblem[]): Uint8Array {
  return csvBytes([['file', 'row', 'field', 'reason'], ...problems.map((p) => [p.file, p.row, p.field, p.reason])]);
}
