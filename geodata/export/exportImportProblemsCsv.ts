import { formatterFor, type Language } from '../../core/text';
import type { ImportProblem } from '../import';
import { csvBytes } from './csvText';

/**
 * Every problem of an import as CSV (UTF-8 with BOM), for files with more problems than the import dialog lists:
 * file, row, field, reason and severity, headed and worded in `language` (Chinese by default; reasons from their
 * codes through the formatter). An empty row or field is the whole file or the whole row.
 * @example exportImportProblemsCsv([{ file: 'a.csv', row: 3, field: '纬度', reason: "'x' is not a number", code: 'notNumber', params: { value: 'x' }, severity: 'error' }])
 */
export function exportImportProblemsCsv(problems: readonly ImportProblem[], language: Language = 'zh'): Uint8Array {
  const f = formatterFor(language);
  const w = f.words.importProblems;
  return csvBytes([
    [w.columns.file, w.columns.row, w.columns.field, w.columns.reason, w.columns.severity],
    ...problems.map((p) => [p.file, p.row ?? w.wholeFile, p.field ?? w.wholeRow, f.problemReason(p), w.severities[p.severity]]),
  ]);
}
