/** A number cell's text after NFKC and trimming: full-width digits, ，and ． are plain ASCII from here on. */
export function normaliseNumberText(raw: string): string {
  // NFKC maps full-width forms (２５，５ -> 25,5); the minus sign U+2212 and the ideographic full stop are not
  // compatibility characters, so they are mapped by hand, before any other rule sees the text.
  return raw.normalize('NFKC').replace(/\u2212/g, '-').replace(/\u3002/g, '.').trim();
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
// Groups of three after a lead of one to three digits: 1,234 / 12,345,678.9 (the only place a comma may stand).
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Reads a number as a person typed it, never guessing: full-width digits and separators are normalised first
 * (normaliseNumberText), then a comma is a thousands separator only where the grouping says so (1,234 and
 * 12,345,678.9); any other comma ("12,5", "1,5", "２５，５": a decimal comma) is an error, as are a second
 * decimal point, spaces inside the digits and anything not a finite number. Returns the value, or the
 * reason for the cell's error.
 * @example parseNumberText('1,234.5') // { value: 1234.5 }
 * @example parseNumberText('12,5') // { error: "'12,5' has a comma that is not a thousands separator (1,234): for a decimal write 12.5" }
 */
export function parseNumberText(raw: string): { value: number } | { error: string; code: 'decimalComma' | 'notNumber' } {
  const s = normaliseNumberText(raw);
  if (s.includes(',')) {
    if (!GROUPED.test(s)) {
      return { error: `'${raw}' has a comma that is not a thousands separator (1,234): for a decimal write ${s.replace(/,/g, '.')}`, code: 'decimalComma' };
    }
    return { value: Number(s.replace(/,/g, '')) };
  }
  const value = PLAIN.test(s) ? Number(s) : NaN;
  return Number.isFinite(value) ? { value } : { error: `'${raw}' is not a number`, code: 'notNumber' };
}
