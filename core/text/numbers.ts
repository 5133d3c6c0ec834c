import type { Language } from './language';

/**
 * Numbers as people read them in one language: grouped integers, fixed decimals, percentages and 万元. Values
 * are rounded first (rounding.ts) so no floating-point noise reaches a reader.
 */
export interface Numbers {
  /** 52,258 */
  integer(x: number): string;
  /** `digits` decimals, grouped: 1,234.50 */
  fixed(x: number, digits: number): string;
  /** a share 0..1 as 32.6% */
  percent(share: number, digits?: number): string;
  /** CNY as 万元 with 2 decimals, without the unit: 32.50 */
  wan(cny: number): string;
  /** a short axis label: 15000 as 1.5万 (Chinese) or 15k (English); smaller values as they are */
  compact(x: number): string;
}

const DASH = '–';

/**
 * Number formats of `language` (zh-CN / en-GB grouping, '–' for a missing value).
 * @example numbersFor('zh').percent(0.3261) // '32.6%'
 */
export function numbersFor(language: Language): Numbers {
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const cache = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number) => {
    let f = cache.get(digits);
    if (!f) cache.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  const fixed = (x: number, digits: number) => (Number.isFinite(x) ? nf(digits).format(x + 0) : DASH);
  return {
    integer: (x) => fixed(Math.round(x), 0),
    fixed,
    percent: (share, digits = 1) => (Number.isFinite(share) ? `${fixed(share * 100, digits)}%` : DASH),
    wan: (cny) => fixed(Math.round(cny / 100) / 100, 2),
    compact: (x) => {
      const a = Math.abs(x);
      if (language === 'zh' && a >= 1e4) return `${Number((x / 1e4).toFixed(1))}万`;
      if (language === 'en' && a >= 1e3) return `${Number((x / 1e3).toFixed(1))}k`;
      return String(Number(x.toFixed(1)));
    },
  };
}
