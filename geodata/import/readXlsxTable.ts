import ExcelJS from 'exceljs';
import { fail, ok, type Result } from '../../core/result';
import type { RawTable } from './types';

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return value.result == null || typeof value.result === 'object' ? '' : String(value.result); // formula
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * Reads the first worksheet of an XLSX workbook (exceljs) into raw records: the first non-empty row is the
 * header; formula cells give their cached result, rich text its plain text. Row numbers are sheet rows.
 * @example (await readXlsxTable(bytes)).value.headers // ['站名', '经度', ...]
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<Result<RawTable>> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; it reads any ArrayBuffer-backed bytes through JSZip.
    await wb.xlsx.load(bytes.slice().buffer as never);
  } catch (err) {
    return fail('bad-file', `not a readable XLSX workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return fail('bad-file', 'the workbook has no worksheet');
  let headers: string[] | undefined;
  const records: RawTable['records'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const texts = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
    if (!headers) {
      if (texts.some((t) => t)) headers = texts;
      return;
    }
    if (texts.every((t) => !t)) return;
    records.push({ row: rowNumber, fields: new Map(headers.map((h, c) => [h, texts[c] ?? ''])) });
  });
  if (!headers) return fail('bad-file', `worksheet '${sheet.name}' is empty (no header row)`);
  return ok({ format: 'xlsx', headers, records });
}
