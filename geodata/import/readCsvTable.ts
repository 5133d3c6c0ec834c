import { fail, ok, type Result } from '../../core/result';
import { parseCsv } from '../measurements/csvText';
import { decodeText } from './decodeText';
import type { RawTable } from './types';

/**
 * Reads a CSV file (comma-separated, RFC 4180 quoting) with a header row into raw records keyed by header.
 * Encoding: UTF-8 with or without BOM, else GBK (decodeText). Row numbers are the file's line numbers.
 * @example readCsvTable(bytes).value.records[0].fields.get('站名')
 */
export function readCsvTable(bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'gbk' = 'auto'): Result<RawTable> {
  const decoded = decodeText(bytes, encoding);
  if (decoded.text.includes('\u0000')) return fail('bad-file', 'not a text (CSV) file: it contains binary data');
  const table = parseCsv(decoded.text);
  if (!table.header.length || table.header.every((h) => !h)) return fail('bad-file', 'the CSV file is empty (no header row)');
  const records = table.rows.map((cells, i) => ({
    row: table.lineNumbers[i],
    fields: new Map(table.header.map((h, c) => [h, (cells[c] ?? '').trim()])),
  }));
  return ok({ format: 'csv', headers: table.header, records, encoding: decoded.encoding });
}
