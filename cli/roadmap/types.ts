import type { BandId } from '../../core/model';
import type { RoadmapCountyEntry } from '../../core/roadmap';
import type { CountyInputReport, CountyRequest } from '../province/types';

/** One county's roadmap job: plain data, so it can be posted to a worker thread. */
export interface RoadmapRequest extends Omit<CountyRequest, 'coverageWorkers'> {
  /** the planning year (settings.capacity.year) */
  year: number;
  minGainPer10kCny: number;
  /** per-county cost ceiling, CNY; null = none */
  maxCostCny: number | null;
  maxRounds: number;
  /** the roadmap folder (absolute); the county writes counties/<code>.gpkg and .json there */
  outDir: string;
  /** modification times of the county's input files, ms since 1970, by kind */
  inputModifiedMs: Partial<Record<'sites' | 'places' | 'olts', number>>;
}

/** What a county's job returns to the main thread (small: the GeoPackage and the detail are on disk already). */
export interface RoadmapCountyOutcome {
  entry: RoadmapCountyEntry;
  inputs: CountyInputReport[];
  /** the band the county's network was planned on (its project's settings.radio.band) */
  band: BandId;
}
