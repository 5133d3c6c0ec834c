import { strToU8 } from 'fflate';

/** One CSV cell; null is an empty field. */
export type CsvValue = string | number | null;

// A spreadsheet takes text starting with one of these as a formula (OWASP "CSV Injection": = + - @, tab and CR).
const FORMULA_START = /^[=+\-@\t\r]/;
// ...except a plain number, which is data however it starts ('-41', '+86'): it stays a number.
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Text a spreadsheet will show as text and never run: a value starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe, as the OWASP CSV-injection guidance says ("=HYPERLINK(...)" ->
 * "'=HYPERLINK(...)", Excel then shows the text); plain numbers ('-41') are left alone.
 * @example neutraliseFormula('=1+2') // "'=1+2"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180 quoting) of a value, text neutralised against formula injection (neutraliseFormula);
 * numbers are written as numbers. Every CSV writer uses it.
 * @example csvField('a,"b"') // '"a,""b"""'
 */
export function csvField(v: CsvValue): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Lines of cells as CSV (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel on Chinese Windows opens Chinese
 * text correctly; text cells are neutralised against formula injection (csvField). Shared by the CSV exports.
 * @example csvBytes([['名称', '经度'], ['茅台站', 106.39]]) // EF BB BF, then 名称,经度\r\n茅台站,106.39\r\n
 */
export function csvBytes(lines: Iterable<readonly CsvValue[]>): Uint8Array {
  const text: string[] = [];
  for (const line of lines) text.push(line.map(csvField).join(','));
  return strToU8(`\uFEFF${text.join('\r\n')}\r\n`);
}
