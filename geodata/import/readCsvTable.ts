import { fail, ok, type Result } from '../../core/result';
import { decodeText, parseCsv, type TextEncodingChoice } from '../text';
import { headerRowIndex } from './headerAliases';
import { IMPORT_LIMITS } from './importLimits';
import type { RawTable } from './types';

/**
 * Reads a CSV file (comma-separated, RFC 4180 quoting) with a header row into raw records keyed by header.
 * Encoding: UTF-8 with or without BOM, else GB18030 (decodeText). Title lines above the header are skipped
 * (headerRowIndex). Row numbers are the file's line numbers. More than IMPORT_LIMITS.maxRows lines or a line
 * longer than maxCsvLineBytes is refused ('too-large') before decoding.
 * @example readCsvTable(bytes).value.records[0].fields.get('站名')
 */
export function readCsvTable(bytes: Uint8Array, encoding: TextEncodingChoice = 'auto'): Result<RawTable> {
  const { maxRows, maxCsvLineBytes } = IMPORT_LIMITS;
  let lines = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i - lineStart > maxCsvLineBytes) {
      const sizeMb = ((i - lineStart) / 1e6).toFixed(1);
      return fail('too-large', `line ${lines} is ${sizeMb} MB long; at most ${maxCsvLineBytes / 1e6} MB per line are read`, { code: 'lineTooLong', params: { line: lines, sizeMb, maxMb: maxCsvLineBytes / 1e6 } });
    }
    lines++;
    lineStart = i + 1;
  }
  lines--;
  // The header and a trailing newline are not data rows.
  if (lines > maxRows + 2) return fail('too-large', `${lines} lines; at most ${maxRows} rows are imported (split the file)`, { code: 'tooManyRows', params: { count: lines - 1, max: maxRows } });
  const decoded = decodeText(bytes, encoding);
  if (decoded.text.includes('\u0000')) return fail('bad-file', 'not a text (CSV) file: it contains binary data', { code: 'binaryNotCsv' });
  const table = parseCsv(decoded.text);
  if (!table.header.length || table.header.every((h) => !h)) return fail('bad-file', 'the CSV file is empty (no header row)', { code: 'emptyFile' });
  // A title line above the header ('仁怀市站点表,,,') is skipped when a later line holds the known headers.
  const at = headerRowIndex([table.header, ...table.rows.slice(0, 19)]);
  const header = at === 0 ? table.header : table.rows[at - 1].map((h) => h.trim());
  const records = table.rows.slice(at).map((cells, i) => ({
    row: table.lineNumbers[at + i],
    fields: new Map(header.map((h, c) => [h, (cells[c] ?? '').trim()])),
  }));
  return ok({ format: 'csv', headers: header, records, encoding: decoded.encoding });
}
