import type { PlaceCategory } from '../model/place';
import { sectorLoad, type CapacityState } from './capacityState';

/** One sector's busy-hour load. */
export interface SectorLoad {
  /** `${siteId}/${sectorId}`, as the coverage raster's cellIds */
  cellId: string;
  siteId: string;
  sectorId: string;
  /** busy-hour downlink demand of the cells it serves, Mbit/s */
  demandMbps: number;
  /** share of its downlink resources that demand needs (>1: more than it has) */
  load: number;
  /** what it carries at full load with this mix of cells (demand-weighted harmonic mean rate x layers), Mbit/s */
  capacityMbps: number;
  layers: number;
  /** grid cells with demand it serves */
  cells: number;
  isOverTarget: boolean;
  /** demand above what the target load carries, Mbit/s (0 when within target) */
  excessMbps: number;
  /** sectors of the same capacity to add so each is within the target: ceil(load / target) - 1 */
  extraSectorsNeeded: number;
  /** micro sites (small-cell layers, same radio conditions) to carry the excess at the target load */
  microSitesNeeded: number;
  /** demand of its cells with no usable SINR, Mbit/s (cannot be carried at all) */
  unservedMbps: number;
}

/** A priority place's capacity: how much of its busy-hour demand the sectors serving it carry within the target. */
export interface PlaceCapacity {
  id: string;
  name: string;
  category: PlaceCategory;
  /** busy-hour demand of the place's cells, residents and visitors, Mbit/s */
  demandMbps: number;
  /** the highest load among the sectors serving its cells; 0 when none serves it */
  maxLoad: number;
  /**
   * share of its served demand that fits within the target load of the sectors serving it (a cell on a sector at
   * load L counts min(1, target / L) of its demand); NaN when nothing is served
   */
  shareWithinTarget: number;
  /** shareWithinTarget >= the place requirement (default: all of it) */
  isMet: boolean;
}

/** The county's capacity figures, the worst sectors and the places; all modelled. */
export interface CapacityReport {
  /** the planning year and the demand chain behind the figures */
  year: number;
  targetLoad: number;
  douGbPerMonth: number;
  mbpsPerUser: number;
  usersPerResident: number;
  mbpsPerResident: number;
  /** busy-hour demand of the county, Mbit/s */
  totalDemandMbps: number;
  /** demand of cells with a best server, Mbit/s */
  servedDemandMbps: number;
  /**
   * served demand that fits within the sectors' target load, Mbit/s: per sector its carried demand (demand with
   * a usable SINR) x min(1, target / load); a sector at twice the target carries half its demand within it
   */
  demandWithinTargetMbps: number;
  /** the capacity KPI: demandWithinTargetMbps / servedDemandMbps; NaN with no served demand */
  demandShareWithinTarget: number;
  /** demand-weighted mean sector load */
  meanLoad: number;
  sectorsWithDemand: number;
  overloadedSectors: number;
  extraSectorsNeeded: number;
  microSitesNeeded: number;
  /** overloaded sectors first (highest load first), then the busiest others; at most `sectorLimit` */
  worstSectors: SectorLoad[];
  places: PlaceCapacity[];
  /** every figure behind the demand with its source, for hover and reports */
  sources: { figure: string; value: number; source: string; isEstimate: boolean }[];
}

/** One sector's figures from the state. */
export function sectorLoadOf(state: CapacityState, k: number): SectorLoad {
  const s = state.sectors;
  const target = state.prep.settings.targetLoad.value;
  const small = state.prep.settings.smallCellLayers.value;
  const cellId = s.cellIds[k];
  const slash = cellId.lastIndexOf('/');
  const load = sectorLoad(state, k);
  const demandMbps = Math.max(0, s.demandMbps[k]);
  const carried = demandMbps - Math.max(0, s.unservedMbps[k]);
  const capacityMbps = load > 0 ? carried / load : 0;
  const isOverTarget = load > target;
  const excessMbps = isOverTarget ? carried * (1 - target / load) : 0;
  const microCapacityMbps = (target * capacityMbps * small) / s.layers[k];
  return {
    cellId,
    siteId: cellId.slice(0, slash),
    sectorId: cellId.slice(slash + 1),
    demandMbps,
    load,
    capacityMbps,
    layers: s.layers[k],
    cells: s.cells[k],
    isOverTarget,
    excessMbps,
    extraSectorsNeeded: isOverTarget ? Math.ceil(load / target - 1e-9) - 1 : 0,
    microSitesNeeded: isOverTarget && microCapacityMbps > 0 ? Math.ceil(excessMbps / microCapacityMbps - 1e-9) : 0,
    unservedMbps: Math.max(0, s.unservedMbps[k]),
  };
}

/**
 * The capacity report of a state: county totals, the KPI (share of the served busy-hour demand that fits within
 * the sectors' target load: continuous, so relieving an overloaded sector in part shows), the worst sectors,
 * and each priority place's capacity. Sector sums are read as
 * they stand; place figures are computed over each place's cells (cheap: places are small).
 * @example capacityReport(state).demandShareWithinTarget
 */
export function capacityReport(state: CapacityState, options: { sectorLimit?: number; placeMinShare?: number } = {}): CapacityReport {
  const { prep } = state;
  const s = state.sectors;
  const target = prep.settings.targetLoad.value;
  const loads = new Float64Array(s.count);
  let served = 0;
  let within = 0;
  let weightedLoad = 0;
  let withDemand = 0;
  const overloaded: SectorLoad[] = [];
  const busiest: number[] = [];
  let extra = 0;
  let micro = 0;
  for (let k = 0; k < s.count; k++) {
    const d = s.demandMbps[k];
    if (!(s.cells[k] > 0 && d > 0)) continue;
    withDemand++;
    const load = sectorLoad(state, k);
    loads[k] = load;
    served += d;
    weightedLoad += d * load;
    const carried = d - Math.max(0, s.unservedMbps[k]);
    within += load > target ? (carried * target) / load : carried;
    if (load > target) {
      const sl = sectorLoadOf(state, k);
      overloaded.push(sl);
      extra += sl.extraSectorsNeeded;
      micro += sl.microSitesNeeded;
    } else busiest.push(k);
  }
  const limit = options.sectorLimit ?? 200;
  overloaded.sort((a, b) => b.load - a.load);
  busiest.sort((a, b) => loads[b] - loads[a]);
  const worstSectors = [...overloaded.slice(0, limit), ...busiest.slice(0, Math.max(0, limit - overloaded.length)).map((k) => sectorLoadOf(state, k))];
  const placeMinShare = options.placeMinShare ?? 1;
  const { places, placeCells } = prep.scoring;
  const placeReports = places.map((place, p): PlaceCapacity => {
    let demandMbps = 0;
    let servedMbps = 0;
    let withinMbps = 0;
    let maxLoad = 0;
    for (const i of placeCells[p].cells) {
      const d = prep.demandMbps[i];
      demandMbps += d;
      const k = state.server[i];
      if (k < 0 || d === 0) continue;
      const load = sectorLoad(state, k);
      servedMbps += d;
      if (state.rateMbps[i] > 0) withinMbps += load > target ? (d * target) / load : d;
      if (load > maxLoad) maxLoad = load;
    }
    const share = servedMbps > 0 ? withinMbps / servedMbps : NaN;
    return { id: place.id, name: place.name, category: place.category, demandMbps, maxLoad, shareWithinTarget: share, isMet: !(share < placeMinShare - 1e-9) };
  });
  const t = prep.settings.traffic;
  const band = prep.band;
  return {
    year: prep.settings.year,
    targetLoad: target,
    douGbPerMonth: prep.demand.douGbPerMonth,
    mbpsPerUser: prep.demand.mbpsPerUser,
    usersPerResident: prep.demand.usersPerResident,
    mbpsPerResident: prep.demand.mbpsPerResident,
    totalDemandMbps: prep.totalDemandMbps,
    servedDemandMbps: served,
    demandWithinTargetMbps: within,
    demandShareWithinTarget: served > 0 ? within / served : NaN,
    meanLoad: served > 0 ? weightedLoad / served : NaN,
    sectorsWithDemand: withDemand,
    overloadedSectors: overloaded.length,
    extraSectorsNeeded: extra,
    microSitesNeeded: micro,
    worstSectors,
    places: placeReports,
    sources: [
      { figure: 'fiveGUsersPerResident', ...t.fiveGUsersPerResident },
      { figure: `networkShare.${band}`, ...t.networkShare[band] },
      { figure: 'douGbPerMonth', ...t.douGbPerMonth },
      { figure: 'douGrowthPerYear', ...t.douGrowthPerYear },
      { figure: 'busyHourShare', ...t.busyHourShare },
      { figure: 'downlinkShare', ...t.downlinkShare },
      { figure: 'targetLoad', ...prep.settings.targetLoad },
      { figure: `macroLayers.${band}`, ...prep.settings.macroLayers[band] },
      { figure: 'smallCellLayers', ...prep.settings.smallCellLayers },
    ],
  };
}
