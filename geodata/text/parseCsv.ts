/**
 * CSV text (RFC 4180): comma-separated, double-quoted fields with "" escapes, CRLF or LF line ends. The one
 * CSV parser of the project: imports (readCsvTable) and measurement files (decodeText, then this) share it.
 */

/** Parsed CSV: header names and data rows (1-based `lineNumbers` for error messages). */
export interface CsvTable {
  header: string[];
  rows: string[][];
  lineNumbers: number[];
}

const isBlank = (record: readonly string[]) => record.every((f) => f.trim() === '');

/**
 * Parses CSV text with a header row. Blank lines and lines of nothing but separators and spaces (what Excel
 * leaves after rows are deleted: ',,,,') are skipped.
 * @example parseCsv('a,b\n1,"x,y"\n').rows // [['1', 'x,y']]
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (!isBlank(record)) {
        records.push(record);
        lines.push(recordLine);
      }
      record = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    if (!isBlank(record)) {
      records.push(record);
      lines.push(recordLine);
    }
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, lineNumbers: lines.slice(1) };
}
