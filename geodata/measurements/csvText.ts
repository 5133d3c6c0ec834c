/**
 * Minimal CSV over bytes for the measurement readers: UTF-8 (BOM stripped), comma-separated, double-quoted
 * fields with "" escapes, CRLF or LF line ends.
 */

/**
 * Decodes UTF-8 bytes to a string (invalid sequences become U+FFFD); strips a leading BOM.
 * Written here because core/geodata compile without DOM or Node types (no TextDecoder).
 * @example decodeUtf8(new Uint8Array([0x61, 0xe4, 0xb8, 0xad])) // 'a中'
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    let cp: number;
    let len: number;
    if (b < 0x80) {
      cp = b;
      len = 1;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      len = 4;
    } else {
      cp = 0xfffd;
      len = 1;
    }
    if (len > 1) {
      let ok = i + len <= n;
      for (let k = 1; ok && k < len; k++) {
        const c = bytes[i + k];
        if ((c & 0xc0) !== 0x80) ok = false;
        else cp = (cp << 6) | (c & 0x3f);
      }
      if (!ok) {
        cp = 0xfffd;
        len = 1;
      }
    }
    codes.push(cp);
    i += len;
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  if (codes.length) parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** Parsed CSV: header names and data rows (1-based `lineNumbers` for error messages). */
export interface CsvTable {
  header: string[];
  rows: string[][];
  lineNumbers: number[];
}

/**
 * Parses CSV text with a header row. Blank lines are skipped.
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
      if (record.length > 1 || record[0].trim() !== '') {
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
    if (record.length > 1 || record[0].trim() !== '') {
      records.push(record);
      lines.push(recordLine);
    }
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, lineNumbers: lines.slice(1) };
}
