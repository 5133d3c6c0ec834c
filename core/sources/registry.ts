import { DATA_SOURCES } from './dataSources';
import { ESTIMATE_SOURCES } from './estimateSources';
import { POLICY_SOURCES } from './policySources';
import { TECHNICAL_SOURCES } from './technicalSources';
import type { Citation, Localized, Provenance, Source } from './types';

/**
 * Every source the product cites, by id. Adding one: put an entry in the family file it belongs to
 * (policySources, technicalSources, dataSources, estimateSources) or a new family file spread in here; the
 * id is then a `SourceId` and `cite()` accepts it (an unknown id is a type error). README, "Sources".
 */
export const SOURCES = {
  ...POLICY_SOURCES,
  ...TECHNICAL_SOURCES,
  ...DATA_SOURCES,
  ...ESTIMATE_SOURCES,
} satisfies Record<string, Source>;

/** The id of a registered source. */
export type SourceId = keyof typeof SOURCES;

/** A citation of a registered source. */
export type SourceCitation = Citation<SourceId>;

/** The provenance of a figure, citing registered sources. */
export type FigureProvenance = Provenance<SourceId>;

/**
 * A citation of `source`, optionally naming the section (a plain string is used for both languages, e.g. '附件1'
 * where no English form is wanted, or '§5.3' for a standard's clause).
 * @example cite('signalUpgrade', { zh: '2025年目标', en: '2025 targets' })
 */
export function cite(source: SourceId, section?: Localized | string): SourceCitation {
  if (!Object.hasOwn(SOURCES, source)) throw new RangeError(`source must be a registered id, got ${String(source)}`);
  if (section === undefined) return { source };
  return { source, section: typeof section === 'string' ? { zh: section, en: section } : section };
}

/**
 * The registered source of a citation, or undefined for an id the registry does not know (a project file from
 * a newer version, say): callers print the id then.
 * @example sourceOf({ source: 'ictPlan14' })?.year // 2021
 */
export function sourceOf(citation: Pick<Citation, 'source'>): Source | undefined {
  return Object.hasOwn(SOURCES, citation.source) ? (SOURCES as Record<string, Source>)[citation.source] : undefined;
}

/**
 * A figure's provenance in one expression.
 * @example figure([cite('ictPlan14', '§2')], { isEstimate: true, note: { zh: '作为替代指标', en: 'used as a proxy' } })
 */
export function figure(cites: readonly SourceCitation[], marks: Omit<FigureProvenance, 'cites'> = {}): FigureProvenance {
  return { cites, ...marks };
}
