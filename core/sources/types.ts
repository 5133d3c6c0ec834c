/** A text in both languages of the product: Chinese (the default, deliverables) and English. */
export interface Localized {
  zh: string;
  en: string;
}

/**
 * A document, standard or data set a figure rests on, as a reader finds it: its public title and issuing body
 * in both languages, the year it was issued and, where it has one, its document number (文号). `url` is where
 * the reference notes found it (often a re-post, see ../shared/reference/kpis.md); it is kept for checking,
 * not printed in deliverables.
 */
export interface Source {
  title: Localized;
  issuer: Localized;
  /** year of issue; absent when the reference notes do not give it (never guessed) */
  year?: number;
  /** 文号, e.g. 工信部联通信〔2023〕257号 */
  docNumber?: string;
  url?: string;
  /** a weak source (a forum post, a price quoted on a web page): the figure needs checking before use */
  isWeak?: boolean;
}

/** One reference of a figure: the source (an id of the registry, core/sources) and where in it. */
export interface Citation<Id extends string = string> {
  source: Id;
  /** the section, table or attachment, e.g. { zh: '附件1', en: 'attachment 1' } */
  section?: Localized;
}

/**
 * Where a figure comes from and how far to trust it: the citations it rests on (most direct first), and the
 * marks every deliverable shows with it: an estimate (估 / est.: a value chosen or derived for the tool, not
 * read from a source) or unverified (待核实 / unverified: quoted, but not found in a citable source). `note`
 * says in a few words how the figure follows from the sources. `text` holds a planner's own words when the
 * figure came from the project settings rather than the registry.
 */
export interface Provenance<Id extends string = string> {
  cites: readonly Citation<Id>[];
  isEstimate?: boolean;
  isUnverified?: boolean;
  note?: Localized;
  text?: string;
}
