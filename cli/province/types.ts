import type { GeoRaster } from '../../core/grid/geoRaster';
import type { Kpi, ScoreReport } from '../../core/scoring';
import type { SiteStatus } from '../../core/model';
import type { ImportProblem } from '../../geodata/import';
import type { CountyJobOutcome } from './countyPool';

/** The per-county input files qcplan province looks for: <code>.sites.csv, <code>.places.xlsx, ... */
export const COUNTY_INPUT_KINDS = ['sites', 'places', 'olts'] as const;
export type CountyInputKind = (typeof COUNTY_INPUT_KINDS)[number];

/** A raster read once by the command and shared with every county (plain data: it crosses to workers). */
export interface NamedRaster {
  raster: GeoRaster;
  fileName: string;
}

/** One county's job: plain data, so it can be posted to a worker thread. */
export interface CountyRequest {
  code: string;
  cellSizeM: number;
  /** persons per pixel (geodata/population readPopulationGeoTiff); replaces the default census-by-GPW layer */
  population?: NamedRaster;
  /** heights, m (geodata/dem readDemGeoTiff); default the shipped coarse SRTM30_PLUS, as in a new project */
  dem?: NamedRaster;
  /** absolute paths of this county's input files */
  inputs: Partial<Record<CountyInputKind, string>>;
  /** import the good rows of a file with row errors (qcplan import --accept-good); default the file is left out */
  acceptGood: boolean;
  /** status of input sites and OLTs without one (qcplan import --default-status); none = such rows are errors */
  defaultStatus?: SiteStatus;
  /** coverage worker threads for the footprints (evaluateProject); 0 = inline */
  coverageWorkers: number;
}

/** What became of one input file. */
export interface CountyInputReport {
  kind: CountyInputKind;
  file: string;
  rowsRead: number;
  imported: number;
  /** false when the file could not be read or had row errors without acceptGood */
  isImported: boolean;
  problems: ImportProblem[];
}

/** A KPI as the province summary keeps it: value null when n/a, with the reason. */
export interface CountyKpi extends Omit<Kpi, 'value' | 'delta'> {
  value: number | null;
  naReason?: string;
}

/** One county's scores, the per-county JSON of qcplan province. */
export interface CountyResult {
  code: string;
  name: string;
  nameEn: string;
  prefectureCode: string;
  prefecture: string;
  isPilot: boolean;
  grid: { cols: number; rows: number; cellSizeM: number };
  population: {
    provenance: 'file' | 'modelled' | 'absent';
    /** persons on the county's grid; null when absent */
    total: number | null;
    source: string;
  };
  terrain: string;
  sites: number;
  places: number;
  olts: number;
  inputs: CountyInputReport[];
  kpis: CountyKpi[];
  /** the evaluator's place scores, as qcplan score --json prints them */
  placeScores: ScoreReport['places'];
  gapCount: number;
  /** the 20 worst gaps without their outlines */
  topGaps: Omit<ScoreReport['gaps'][number], 'outline'>[];
  /** fibre analysis failure, when OLTs were given but the analysis could not run */
  fibreNote?: string;
  /** wall time of this county, ms (measured) */
  durationMs: number;
}

/** One county's outcome in a province run: its scores, or why it failed. */
export type CountyOutcome = CountyJobOutcome<CountyResult>;
