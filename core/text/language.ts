/** The languages of the product: Chinese (default; the deliverables a county office signs) and English. */
export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/**
 * The language of a UI locale string ('zh-CN', 'en', 'en-GB' ...); anything not English is Chinese.
 * @example languageOf('en-US') // 'en'
 */
export function languageOf(locale: string | undefined | null): Language {
  return typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'zh';
}
