import type { BandId } from '../model/site';
import type { ScoringPrep } from '../scoring';
import { busyHourMbpsPerResident, type BusyHourDemand } from './busyHourMbpsPerResident';
import type { CapacitySettings } from './capacitySettings';

/** What the capacity model keeps of a project that does not change when sites change. */
export interface CapacityPrep {
  /** the scoring preparation it shares: grid, county mask, population, places and their cells */
  scoring: ScoringPrep;
  settings: CapacitySettings;
  /** the band whose preset the coverage raster's DL rates use (settings.radio.band) */
  band: BandId;
  demand: BusyHourDemand;
  /** busy-hour downlink demand per grid cell, Mbit/s; 0 outside the county */
  demandMbps: Float32Array;
  /** sum of demandMbps (county), Mbit/s */
  totalDemandMbps: number;
  /** busy-hour visitors added at places (settings.traffic.placeVisitors), persons */
  visitors: number;
}

/**
 * Busy-hour downlink demand per cell: residents (the scoring population, county cells only) plus each place's
 * busy-hour visitors spread evenly over the place's cells, times the demand per person of
 * busyHourMbpsPerResident. Visitors of a place with no cell on the grid are left out.
 * @example const prep = prepareCapacity(scoringState.prep, resolveCapacitySettings(project.settings), 'n78')
 */
export function prepareCapacity(scoring: ScoringPrep, settings: CapacitySettings, band: BandId): CapacityPrep {
  const demand = busyHourMbpsPerResident(settings, band);
  const { inCounty, populationPerCell } = scoring;
  const n = inCounty.length;
  const people = new Float64Array(n);
  for (let i = 0; i < n; i++) if (inCounty[i]) people[i] = populationPerCell[i];
  let visitors = 0;
  scoring.places.forEach((place, k) => {
    const v = settings.traffic.placeVisitors[place.id];
    const cells = scoring.placeCells[k].cells;
    if (!v || v.busyHourVisitors <= 0 || cells.length === 0) return;
    visitors += v.busyHourVisitors;
    for (const i of cells) people[i] += v.busyHourVisitors / cells.length;
  });
  const demandMbps = new Float32Array(n);
  let totalDemandMbps = 0;
  for (let i = 0; i < n; i++) {
    demandMbps[i] = people[i] * demand.mbpsPerResident;
    totalDemandMbps += demandMbps[i];
  }
  return { scoring, settings, band, demand, demandMbps, totalDemandMbps, visitors };
}
