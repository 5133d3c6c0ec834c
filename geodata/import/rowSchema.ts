import { z } from 'zod';
import { normaliseNumberText, parseNumberText } from './parseNumberText';

const clean = (s: string) => s.normalize('NFKC').trim();
const UNIT = /\s*(?:m|米|°|度|deg|万元|元)$/i;

/**
 * A zod field for a numeric cell: empty -> undefined; units written after the number ('35m', '35米', '120°')
 * are ignored; commas and full-width forms follow parseNumberText (1,234 is a thousands separator, "12,5" an
 * error, never 125); anything else not a finite number in [min, max] is an issue naming the value.
 * @example numberCell(0, 360).parse('120°') // 120
 */
export function numberCell(min: number, max: number, options: { integer?: boolean } = {}) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : normaliseNumberText(raw).replace(UNIT, '');
    if (!s) return undefined;
    const parsed = parseNumberText(s);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error.replace(`'${s}'`, `'${raw}'`), params: { code: parsed.code, value: String(raw) } });
      return z.NEVER;
    }
    const v = parsed.value;
    if (v < min || v > max) {
      ctx.addIssue({ code: 'custom', message: `${v} is outside ${min}..${max}`, params: { code: 'outOfRange', value: v, min, max } });
      return z.NEVER;
    }
    if (options.integer && !Number.isInteger(v)) {
      ctx.addIssue({ code: 'custom', message: `${v} is not a whole number`, params: { code: 'notWholeNumber', value: v } });
      return z.NEVER;
    }
    return v;
  });
}

/**
 * A zod field for a list of numbers in one cell ('0/120/240', '0,120,240', '0;120;240', '0、120、240', full-width
 * forms normalised first); empty -> []. Each value must be a plain number in [min, max]. A comma here separates
 * values, so "12,5" is the list [12, 5]: importSites checks the list lengths against the azimuths.
 * @example numberListCell(0, 360).parse('0/120/240') // [0, 120, 240]
 */
export function numberListCell(min: number, max: number) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : normaliseNumberText(raw);
    if (!s) return [] as number[];
    const parts = s.split(/[/,;、|\s]+/).filter(Boolean);
    const out: number[] = [];
    for (const p of parts) {
      const parsed = parseNumberText(p.replace(/[°度]$/, ''));
      const v = 'value' in parsed ? parsed.value : NaN;
      if (!Number.isFinite(v) || v < min || v > max) {
        ctx.addIssue({ code: 'custom', message: `'${p}' is not a number in ${min}..${max}`, params: { code: 'listItemNotNumber', value: p, min, max } });
        return z.NEVER;
      }
      out.push(v);
    }
    return out;
  });
}

/**
 * A zod field for a word looked up in a vocabulary; empty -> undefined; unknown words are an issue listing
 * what is accepted (`vocabulary` names the word list for the formatter: siteKind, siteStatus, buildMethod, band,
 * placeCategory).
 * @example wordCell((s) => ({ 宏站: 'macro' })[s], '宏站/微站/室分').parse('宏站') // 'macro'
 */
export function wordCell<T>(lookup: (cell: string) => T | undefined, accepted: string, vocabulary?: string) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : clean(raw);
    if (!s) return undefined;
    const v = lookup(s);
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: `'${raw}' is not one of ${accepted}`, params: { code: 'notOneOf', value: String(raw), vocabulary: vocabulary ?? accepted } });
      return z.NEVER;
    }
    return v;
  });
}

/**
 * A zod field for free text; `required` makes an empty cell an issue. Text is trimmed and capped at 1000 characters.
 * @example textCell(true).parse(' 仁怀1 ') // '仁怀1'
 */
export function textCell(required: boolean) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : raw.trim();
    if (!s && required) {
      ctx.addIssue({ code: 'custom', message: 'is required', params: { code: 'required' } });
      return z.NEVER;
    }
    return s ? s.slice(0, 1000) : undefined;
  });
}
