import ExcelJS from 'exceljs';
import { strFromU8, zipSync } from 'fflate';
import { fail, ok, type Result } from '../../core/result';
import { headerRowIndex, knownHeaderCount } from './headerAliases';
import { IMPORT_LIMITS } from './importLimits';
import { readZipEntries } from './readZipEntries';
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

function sheetTable(sheet: ExcelJS.Worksheet): RawTable | undefined {
  const rows: { rowNumber: number; texts: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const texts = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
    if (texts.some((t) => t)) rows.push({ rowNumber, texts });
  });
  if (!rows.length) return undefined;
  const headerAt = headerRowIndex(rows.map((r) => r.texts));
  const headers = rows[headerAt].texts;
  const records = rows.slice(headerAt + 1).map((r) => ({ row: r.rowNumber, fields: new Map(headers.map((h, c) => [h, r.texts[c] ?? ''])) }));
  return { format: 'xlsx', headers, records };
}

/**
 * Reads an XLSX workbook (exceljs) into raw records: the first worksheet whose header row (the first of its
 * first 20 non-empty rows with two or more known headers, so title rows above it are skipped) is found, else
 * the first non-empty sheet from its first row. Formula cells give their cached result, rich text its plain
 * text. Row numbers are sheet rows.
 * Limits: the zip is inflated by fflate after its directory passed readZipEntries (entries, declared
 * uncompressed bytes: 'too-large'), then handed to exceljs re-stored without compression, so exceljs (JSZip)
 * never inflates a zip bomb; more than IMPORT_LIMITS.maxRows rows in a sheet (by its <dimension>, then by the
 * rows exceljs read) is 'too-large'.
 * @example (await readXlsxTable(bytes)).value.headers // ['站名', '经度', ...]
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<Result<RawTable>> {
  const unzipped = readZipEntries(bytes, () => true);
  if (!unzipped.ok) {
    const isUnreadable = unzipped.reason?.code === 'notZip';
    return fail(unzipped.code, isUnreadable ? `not a readable XLSX workbook: ${unzipped.message}` : `XLSX: ${unzipped.message}`, isUnreadable ? { code: 'notXlsx' } : unzipped.reason);
  }
  // The sheet's <dimension ref="A1:E250001"> (ECMA-376 18.3.1.35) refuses a huge sheet before exceljs builds it.
  for (const [name, data] of Object.entries(unzipped.value)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const lastRow = Number(/<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(strFromU8(data.subarray(0, 2048), true))?.[1]);
    if (lastRow > IMPORT_LIMITS.maxRows + 1) return fail('too-large', `${name} spans ${lastRow} rows; at most ${IMPORT_LIMITS.maxRows} are imported`, { code: 'tooManyRows', params: { count: lastRow - 1, max: IMPORT_LIMITS.maxRows } });
  }
  const stored = zipSync(unzipped.value, { level: 0 });
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; it reads any ArrayBuffer-backed bytes through JSZip.
    await wb.xlsx.load(stored.buffer as never);
  } catch (err) {
    return fail('bad-file', `not a readable XLSX workbook: ${err instanceof Error ? err.message : String(err)}`, { code: 'notXlsx' });
  }
  if (!wb.worksheets.length) return fail('bad-file', 'the workbook has no worksheet', { code: 'noWorksheet' });
  const big = wb.worksheets.find((w) => w.actualRowCount > IMPORT_LIMITS.maxRows);
  if (big) return fail('too-large', `worksheet ${big.name} has ${big.actualRowCount} rows; at most ${IMPORT_LIMITS.maxRows} are imported`, { code: 'tooManyRows', params: { count: big.actualRowCount, max: IMPORT_LIMITS.maxRows } });
  const tables = wb.worksheets.map(sheetTable);
  const known = tables.find((t) => t && knownHeaderCount(t.headers) >= 2);
  const table = known ?? tables.find((t) => t);
  if (!table) return fail('bad-file', 'every worksheet is empty', { code: 'worksheetsEmpty' });
  return ok(table);
}
