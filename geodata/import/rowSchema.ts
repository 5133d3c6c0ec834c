import { z } from 'zod';

const clean = (s: string) => s.normalize('NFKC').trim();

/**
 * A zod field for a numeric cell: empty -> undefined; units written after the number ('35m', '35米', '120°')
 * are ignored; anything else not a finite number in [min, max] is an issue naming the value.
 * @example numberCell(0, 360).parse('120°') // 120
 */
export function numberCell(min: number, max: number, options: { integer?: boolean } = {}) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : clean(raw).replace(/,/g, '');
    if (!s) return undefined;
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(?:m|米|°|度|deg|万元|元)?$/i.exec(s);
    const v = m ? Number(m[1]) : NaN;
    if (!Number.isFinite(v)) {
      ctx.addIssue({ code: 'custom', message: `'${raw}' is not a number`, params: { code: 'notNumber', value: String(raw) } });
      return z.NEVER;
    }
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
 * A zod field for a list of numbers in one cell ('0/120/240', '0,120,240', '0;120;240', '0、120、240');
 * empty -> []. Each value must lie in [min, max].
 * @example numberListCell(0, 360).parse('0/120/240') // [0, 120, 240]
 */
export function numberListCell(min: number, max: number) {
  return z.string().optional().transform((raw, ctx) => {
    const s = raw === undefined ? '' : clean(raw);
    if (!s) return [] as number[];
    const parts = s.split(/[/,;、|\s]+/).filter(Boolean);
    const out: number[] = [];
    for (const p of parts) {
      const v = Number(p.replace(/[°度]$/, ''));
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
