import { useTranslation } from 'react-i18next';
import { formatterFor, languageOf, type Formatter } from '../../core/text';

/**
 * The formatter (core/text) of the UI's language: the domain words, numbers, local dates, sources with their marks
 * and the build list's generated names, exactly as the report and the exports write them. Re-renders on a
 * language switch (through useTranslation).
 * @example const f = useFormatter(); f.provenance(kpi.provenance)
 */
export function useFormatter(): Formatter {
  const { i18n } = useTranslation();
  return formatterFor(languageOf(i18n.language));
}
