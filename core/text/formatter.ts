import type { BuildListRow } from '../buildList/buildListRow';
import { sourceOf } from '../sources/registry';
import type { Citation, Localized, Provenance } from '../sources/types';
import type { Catalogue, ProblemReason } from './catalogue';
import { EN } from './en';
import type { Language } from './language';
import { numbersFor, type Numbers } from './numbers';
import { ZH } from './zh';

/**
 * Everything a reader sees written in one language: the words of the catalogue (zh.ts / en.ts), numbers, local
 * dates, sources by their public title with the estimate and unverified marks, and the generated names and notes
 * of the build list. One per language ({@link formatterFor}); the UI, the county report and every export use it,
 * so the same figure reads the same everywhere.
 * @example formatterFor('zh').dateTime(new Date(2026, 11, 7, 11, 58)) // '2026年12月7日 11:58'
 */
export class Formatter {
  readonly language: Language;
  readonly n: Numbers;

  constructor(readonly words: Catalogue) {
    this.language = words.language;
    this.n = numbersFor(words.language);
  }

  /** Text in this language of a two-language text. */
  pick(text: Localized): string {
    return text[this.language];
  }

  /** Local date and time of `date` (the machine's time zone): '2026年12月7日 11:58' / '7 December 2026, 11:58'. */
  dateTime(date: Date): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`date must be a valid Date, got ${String(date)}`);
    return this.words.dateTime({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() });
  }

  /** One source by its public title, issuing body, year and the section cited. An unknown id is printed as is. */
  citation(c: Citation): string {
    const s = sourceOf(c);
    if (!s) return c.source;
    return this.words.citation({
      title: this.pick(s.title), issuer: this.pick(s.issuer), year: s.year, docNumber: s.docNumber, isWeak: s.isWeak,
      section: c.section && this.pick(c.section),
    });
  }

  /** The marks of a figure, in this language: estimate (估 / est.) and unverified (待核实 / unverified). */
  marksOf(p: Pick<Provenance, 'isEstimate' | 'isUnverified'>): string[] {
    return [p.isEstimate ? this.words.marks.estimate : '', p.isUnverified ? this.words.marks.unverified : ''].filter(Boolean);
  }

  /**
   * Where a figure comes from, as one line: the citations, the note, the planner's words, and the marks in
   * parentheses. `marks: false` leaves the marks out (for a table that shows them in a column of their own).
   */
  provenance(p: Provenance, options: { marks?: boolean } = {}): string {
    const parts = p.cites.map((c) => this.citation(c));
    if (p.text) parts.push(this.words.plannerSource(p.text));
    if (p.note) parts.push(this.pick(p.note));
    const marks = options.marks === false ? [] : this.marksOf(p);
    return parts.join(this.words.listSeparator) + (marks.length ? this.words.paren(marks.join(this.words.nameSeparator)) : '');
  }

  /** The legend of the marks, one line each (estimate, unverified, modelled). */
  markLegend(): string[] {
    const l = this.words.markLegend;
    return [l.estimate, l.unverified, l.modelled];
  }

  /** A build-list row's name: the site's or OLT's own, or the generated name of a fibre upgrade. */
  rowName(row: Pick<BuildListRow, 'name' | 'label'>): string {
    return row.label ? this.words.buildList.fibreLabel(row.label) : row.name;
  }

  /** A build-list row's notes: the planner's own, then how a generated upgrade was sized, or a new OLT's ports. */
  rowNotes(row: Pick<BuildListRow, 'notes' | 'detail' | 'ports'>): string {
    const b = this.words.buildList;
    return [
      row.notes,
      row.detail ? b.fibreDetail(row.detail, this.n) : '',
      row.ports ? b.oltPorts(row.ports.xgsPon, row.ports.gpon) : '',
    ].filter(Boolean).join(this.words.listSeparator);
  }

  /**
   * The reason of an import problem in this language: from its code and figures when the catalogue knows the code,
   * else the reader's own `reason` text (English, from a reader that has no code for it yet).
   */
  problemReason(p: { reason: string; code?: string; params?: ProblemReason['params'] }): string {
    return (p.code && this.words.importProblems.reason({ code: p.code, params: p.params })) || p.reason;
  }
}

const FORMATTERS: Record<Language, Formatter> = { zh: new Formatter(ZH), en: new Formatter(EN) };

/**
 * The formatter of `language`.
 * @example formatterFor('en').words.siteKinds.macro // 'Macro'
 */
export function formatterFor(language: Language): Formatter {
  const f = FORMATTERS[language];
  if (!f) throw new RangeError(`language must be zh or en, got ${String(language)}`);
  return f;
}
