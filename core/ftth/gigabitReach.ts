import type { CancelToken, ProgressFn } from '../cancel';
import { fibreDistances } from './fibreDistances';
import type { FibreSettings } from './fibreSettings';
import type { HouseholdSet } from './households';
import { reachM } from './reachM';
import type { RoadGraph } from './roadGraph';

/** OLT positions in the grid CRS with their technology, as flat arrays. */
export interface OltPoints {
  xM: Float64Array;
  yM: Float64Array;
  /** 1 where the OLT has XGS-PON (10G-PON) ports */
  isXgs: Uint8Array;
}

/** Per household entry: serving OLT, route lengths and whether it is gigabit-capable. */
export interface GigabitReach {
  /** nearest OLT of any technology by fibre route (its catchment); -1 when there are no OLTs */
  servingOltIdx: Int32Array;
  servingDistanceM: Float64Array;
  /** nearest 10G-PON-capable OLT by fibre route; -1 when there is none */
  xgsOltIdx: Int32Array;
  xgsDistanceM: Float64Array;
  /** 1 when the route to `xgsOltIdx` is within the XGS-PON optical reach */
  isGigabit: Uint8Array;
  /** 1 where the serving route follows roads */
  isViaRoad: Uint8Array;
  /** longest route the XGS-PON / GPON optics allow with the settings' scheme, m */
  xgsReachM: number;
  gponReachM: number;
}

/**
 * Which households are gigabit-capable: a household is when its nearest 10G-PON-capable OLT (xgsPonPorts
 * > 0) by fibre route is within the XGS-PON optical reach (ftth.md §3 "home passed (gigabit)"; the route
 * follows roads when a graph is given, else straight line x detour factor). Also returns the serving OLT
 * of any technology, which defines road-distance catchments and port demand.
 * @example gigabitReach(households, olts, settings, graph).isGigabit
 */
export function gigabitReach(
  set: HouseholdSet,
  olts: OltPoints,
  settings: FibreSettings,
  graph?: RoadGraph,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): GigabitReach {
  const all = fibreDistances(set.xM, set.yM, olts.xM, olts.yM, graph, {
    detourFactor: settings.detourFactor,
    cancel: options.cancel,
    onProgress: options.onProgress && ((f) => options.onProgress!(0.5 * f)),
  });
  const xgsIdx: number[] = [];
  for (let k = 0; k < olts.isXgs.length; k++) if (olts.isXgs[k]) xgsIdx.push(k);
  const xgs = fibreDistances(
    set.xM,
    set.yM,
    Float64Array.from(xgsIdx, (k) => olts.xM[k]),
    Float64Array.from(xgsIdx, (k) => olts.yM[k]),
    graph,
    {
      detourFactor: settings.detourFactor,
      cancel: options.cancel,
      onProgress: options.onProgress && ((f) => options.onProgress!(0.5 + 0.5 * f)),
    },
  );
  const xgsReach = reachM(settings, settings.xgsPonClass, settings.splitScheme);
  const n = set.xM.length;
  const xgsOltIdx = new Int32Array(n);
  const isGigabit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    xgsOltIdx[i] = xgs.sourceIdx[i] >= 0 ? xgsIdx[xgs.sourceIdx[i]] : -1;
    isGigabit[i] = xgs.distanceM[i] <= xgsReach ? 1 : 0;
  }
  return {
    servingOltIdx: all.sourceIdx,
    servingDistanceM: all.distanceM,
    xgsOltIdx,
    xgsDistanceM: xgs.distanceM,
    isGigabit,
    isViaRoad: all.isViaRoad,
    xgsReachM: xgsReach,
    gponReachM: reachM(settings, settings.gponClass, settings.splitScheme),
  };
}
