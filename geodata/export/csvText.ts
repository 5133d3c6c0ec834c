import { strToU8 } from 'fflate';

/** One CSV cell; null is an empty field. */
export type CsvValue = string | number | null;

function csvField(v: CsvValue): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Lines of cells as CSV (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel on Chinese Windows opens Chinese
 * text correctly. Shared by the CSV exports.
 * @example csvBytes([['名称', '经度'], ['茅台站', 106.39]]) // EF BB BF, then 名称,经度\r\n茅台站,106.39\r\n
 */
export function csvBytes(lines: Iterable<readonly CsvValue[]>): Uint8Array {
  const text: string[] = [];
  for (const line of lines) text.push(line.map(csvField).join(','));
  return strToU8(`\uFEFF${text.join('\r\n')}\r\n`);
}
