import type { BuildListRowMethod, BuildListRowType } from '../buildList/buildListRow';
import type { FibreUpgradeDetail, FibreUpgradeLabel } from '../ftth/fibreUpgrades';
import type { PlaceCategory } from '../model/place';
import type { BandId, BuildMethod, SiteKind, SiteStatus } from '../model/site';
import type { GapFix } from '../scoring/scoringState';
import type { KpiId } from '../scoring/settings';
import type { Language } from './language';
import type { Numbers } from './numbers';

/** The build-list columns every tabular export writes, in sheet order (geodata/export/buildListColumns). */
export type BuildListColumnId =
  | 'priority' | 'id' | 'name' | 'kind' | 'type' | 'buildMethod' | 'lon' | 'lat' | 'county' | 'township' | 'height' | 'band'
  | 'azimuths' | 'mechanicalTilts' | 'electricalTilts' | 'places' | 'newPeople' | 'peopleLost' | 'newArea' | 'cost' | 'costBasis'
  | 'status' | 'notes';

/** A reason an import row (or file) was refused or fixed, as a code with its figures (geodata/import). */
export interface ProblemReason {
  code: string;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * The words and sentences of one language that the UI, the report and every export share: domain words
 * (kinds, statuses, methods, KPI names), the marks and their legend, how a source is cited and a date written,
 * generated names and notes, import problems and the build-list sheet. One object per language (zh.ts, en.ts);
 * the renderer's i18next resources take their domain words from here, so a word is written once.
 */
export interface Catalogue {
  language: Language;
  /** BCP 47 tag for Intl and <html lang> */
  locale: string;
  /** '；' / '; ' between items of a list of sentences; '、' / ', ' between names */
  listSeparator: string;
  nameSeparator: string;
  /** wraps a remark: '（x）' / ' (x)' */
  paren(text: string): string;
  /** a label and its text: '标签：内容' / 'label: text' */
  labelled(label: string, text: string): string;
  /** money units: 万元 / 10k CNY and 元 / CNY */
  units: { wan: string; cny: string };
  /** local date and time, e.g. '2026年12月7日 11:58' / '7 December 2026, 11:58' */
  dateTime(parts: { year: number; month: number; day: number; hour: number; minute: number }): string;

  marks: { estimate: string; unverified: string; modelled: string; weak: string };
  /** one line per mark: what it means */
  markLegend: { estimate: string; unverified: string; modelled: string };
  /** a source cited by its public title, issuing body, year, document number and section */
  citation(parts: { title: string; issuer: string; year?: number; docNumber?: string; section?: string; isWeak?: boolean }): string;
  /** a figure set in the project settings with the planner's own words for its source */
  plannerSource(text: string): string;

  siteKinds: Record<SiteKind, string>;
  siteStatuses: Record<SiteStatus, string>;
  buildMethods: Record<BuildMethod, string>;
  bands: Record<BandId, string>;
  placeCategories: Record<PlaceCategory, string>;
  environments: { outdoor: string; indoor: string };
  kpiNames: Record<KpiId, string>;
  kpiUnits: { share: string; per10k: string; mbps: string };
  kpiStatuses: { green: string; amber: string; red: string; none: string };
  gapFixes: Record<GapFix, string>;

  buildList: {
    types: Record<BuildListRowType, string>;
    methods: Record<BuildListRowMethod, string>;
    kinds: { site: string; fibre: string };
    statuses: { planned: string; proposed: string };
    costBasis: { estimate: string; given: string };
    columns: Record<BuildListColumnId, string>;
    /** the longitude / latitude headers with their coordinate system */
    lonHeader(crs: string): string;
    latHeader(crs: string): string;
    sheetName: string;
    summarySheetName: string;
    notesSheetName: string;
    title(county: string): string;
    oltPorts(xgsPon: number, gpon: number): string;
    /** what a unit cost prices (buildListCostSources): a site kind and method per site, a port, ODN per home */
    unitCostLabel(type: string, method: string | undefined): string;
    fibreLabel(label: FibreUpgradeLabel): string;
    fibreDetail(detail: FibreUpgradeDetail, n: Numbers): string;
    summary: {
      title: string; crs: string; generated: string; sites: string; fibre: string; total: string; estimatedPart: string;
      newPeople: string; peopleLost: string; notComputed: string;
    };
    /** the 说明 sheet: what the figures mean, the marks, the sources of the unit costs */
    explanations: {
      heading: string; costs: string; newPeople: string; peopleLost: string; newArea: string; priority: string; crs: (crs: string) => string;
      marksHeading: string; sourcesHeading: string;
    };
    kmlDescription(crs: string): string;
    kmlPlacemark(parts: { type: string; method: string; status: string; cost: string }): string;
  };

  importProblems: {
    columns: { file: string; row: string; field: string; reason: string; severity: string };
    severities: { error: string; warning: string };
    wholeFile: string;
    wholeRow: string;
    /** the reason for a code; undefined for a code this catalogue does not know (the caller falls back) */
    reason(reason: ProblemReason): string | undefined;
  };
}
