import { clustersDbscan, clustersKmeans, featureCollection, point } from '@turf/turf';
import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken } from '../cancel';
import type { GridSpec } from '../grid/gridSpec';
import type { Olt } from '../model/project';
import { fibreDistances } from './fibreDistances';
import type { FibreSettings } from './fibreSettings';
import type { GigabitReach } from './gigabitReach';
import type { HouseholdSet } from './households';
import { ponPortsNeeded } from './ponPortsNeeded';
import type { BudgetClass, SplitScheme } from './ponTables';
import { reachM } from './reachM';
import type { RoadGraph } from './roadGraph';
import { splitSchemeLoss } from './splitSchemeLoss';

/** Kinds of fibre upgrade. */
export type FibreUpgradeType = 'xgs_line_card' | 'new_odn' | 'new_olt';

/**
 * What an upgrade is called, as data: the formatter (core/text) names it in the reader's language, e.g.
 * "ODN分区 3" / "ODN area 3", "城区北局：10G-PON板卡升级".
 */
export type FibreUpgradeLabel =
  | { kind: 'xgsCards'; oltName: string }
  | { kind: 'xgsCapacity'; oltName: string }
  | { kind: 'odnArea'; index: number }
  | { kind: 'newOlt'; index: number };

/** Where a distribution area's feeder comes from: an existing OLT, a new OLT of this list, or none in reach. */
export type FibreFeeder =
  | { kind: 'olt'; oltName: string; distanceKm: number; isCardsCostedHere: boolean }
  | { kind: 'newOlt'; index: number; distanceKm: number }
  | { kind: 'beyondReach'; nearestOltKm: number | null };

/** How an upgrade was sized and costed, as plain figures; the formatter writes the note from them. */
export type FibreUpgradeDetail =
  | { kind: 'xgsCards'; ports: number; portCostCny: number; splitScheme: SplitScheme; reachKm: number; budgetClass: BudgetClass }
  | { kind: 'xgsCapacity'; gigabitHouseholds: number; takeRate: number; portsNeeded: number; portsInstalled: number; portsShort: number; portCostCny: number }
  | { kind: 'area'; isUrban: boolean; splitScheme: SplitScheme; ports: number; portCostCny: number; homes: number; odnPerHomeCny: number; feeder: FibreFeeder };

/**
 * One fibre upgrade, shaped for the build list (建设清单): plain fields, WGS-84 position, estimated cost.
 * `costCny` is always an estimate from the ftth.md §4 [EST] unit costs (editable in settings.fibre.costs).
 * Its name and note are data (`label`, `detail`), worded by the formatter in the reader's language.
 */
export interface FibreUpgradeRow {
  kind: 'fibre';
  label: FibreUpgradeLabel;
  type: FibreUpgradeType;
  lonDeg: number;
  latDeg: number;
  /** households that become gigabit-capable (fractional when derived from population) */
  householdsGained: number;
  /** XGS-PON ports the upgrade adds (at the settings' take rate and the row's split) */
  xgsPortsAdded: number;
  costCny: number;
  isCostEstimate: true;
  /** the OLT upgraded or fed from: an existing OLT's id, or `new-olt-<n>` for a new OLT of this list */
  oltId?: string;
  splitScheme?: SplitScheme;
  /** households per km2 over the blocks the distribution area covers (areas only) */
  householdDensityPerKm2?: number;
  detail: FibreUpgradeDetail;
}

/** The oltId of the n-th new OLT (1-based) of an upgrade list. @example newOltId(2) // 'new-olt-2' */
export function newOltId(index: number): string {
  return `new-olt-${index}`;
}

/**
 * The fibre upgrade list, in three steps:
 * 1. XGS-PON line cards on an OLT with no 10G-PON ports for the non-gigabit households it serves within the
 *    XGS-PON reach (10G-PON ports replace or join its GPON cards).
 * 2. The remaining non-gigabit households, summed per block of half `areaLinkDistanceM`, are grouped into
 *    distribution areas (光交 areas): DBSCAN (turf clustersDbscan, eps `areaLinkDistanceM`, minPoints 1) joins
 *    blocks, and areas above
 *    `maxHouseholdsPerArea` are split by k-means (turf clustersKmeans). Each area gets a splitting scheme by
 *    density (ftth.md §2: one-stage 1:64 for urban density, two-stage 1:4x1:16 in villages, 1:4x1:8 when the
 *    longer reach of a 1:32 split is needed) and a new ODN when its household-weighted centre is within that
 *    reach of an OLT by fibre route.
 * 3. Areas beyond every OLT's reach get a new OLT at their centre, largest first; later areas within reach of
 *    a new OLT (straight line x detour) are fed from it with a new ODN.
 * Costs: ports x `xgsPonPortCny` + households x ODN per home (urban or rural) [EST]; site, power and room
 * costs of new OLTs are not in ftth.md and are not included.
 * @example fibreUpgrades(project.olts, households, reach, settings, project.grid).map((r) => r.costCny)
 */
export function fibreUpgrades(
  olts: readonly Olt[],
  set: HouseholdSet,
  reach: GigabitReach,
  settings: FibreSettings,
  grid: GridSpec,
  graph?: RoadGraph,
  options: { cancel?: CancelToken } = {},
): FibreUpgradeRow[] {
  const toMetric = proj4('WGS84', grid.crs);
  const costs = settings.costs;
  const rows: FibreUpgradeRow[] = [];

  // 1. line cards
  const cardGain = new Float64Array(olts.length);
  const isHandled = new Uint8Array(set.households.length);
  for (let i = 0; i < set.households.length; i++) {
    if (reach.isGigabit[i] || !(set.households[i] > 0)) {
      isHandled[i] = 1;
      continue;
    }
    const k = reach.servingOltIdx[i];
    if (k >= 0 && olts[k].xgsPonPorts === 0 && reach.servingDistanceM[i] <= reach.xgsReachM) {
      cardGain[k] += set.households[i];
      isHandled[i] = 1;
    }
  }
  const baseSplit = splitSchemeLoss(settings.splitScheme).splitRatio;
  olts.forEach((o, k) => {
    if (!(cardGain[k] > 0)) return;
    const ports = ponPortsNeeded(cardGain[k], settings.takeRate, baseSplit);
    rows.push({
      kind: 'fibre',
      label: { kind: 'xgsCards', oltName: o.name },
      type: 'xgs_line_card',
      lonDeg: o.lonDeg,
      latDeg: o.latDeg,
      householdsGained: cardGain[k],
      xgsPortsAdded: ports,
      costCny: ports * costs.xgsPonPortCny,
      isCostEstimate: true,
      oltId: o.id,
      splitScheme: settings.splitScheme,
      detail: { kind: 'xgsCards', ports, portCostCny: costs.xgsPonPortCny, splitScheme: settings.splitScheme, reachKm: reach.xgsReachM / 1000, budgetClass: settings.xgsPonClass },
    });
  });
  throwIfCancelled(options.cancel);

  // 2. distribution areas from the remaining households, aggregated per block of half the DBSCAN distance
  const blockM = Math.max(grid.cellSizeM, settings.areaLinkDistanceM / 2);
  const cells = aggregateByBlock(set, isHandled, blockM);
  if (cells.households.length === 0) return rows;
  const pts = featureCollection(
    Array.from(cells.households, (_, c) => point(toMetric.inverse([cells.xM[c], cells.yM[c]]), { c, cluster: -1 })),
  );
  clustersDbscan(pts, settings.areaLinkDistanceM / 1000, { units: 'kilometers', minPoints: 1, mutate: true });
  const groups = new Map<number, number[]>();
  pts.features.forEach((f, c) => {
    const id = f.properties.cluster ?? -1 - c;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(c);
  });
  const areas: number[][] = [];
  for (const members of groups.values()) {
    const hh = members.reduce((s, c) => s + cells.households[c], 0);
    const k = Math.min(members.length, Math.ceil(hh / settings.maxHouseholdsPerArea));
    if (k <= 1) {
      areas.push(members);
      continue;
    }
    const sub = clustersKmeans(featureCollection(members.map((c) => pts.features[c])), { numberOfClusters: k });
    const parts = new Map<number, number[]>();
    sub.features.forEach((f, j) => {
      const id = f.properties.cluster as number;
      if (!parts.has(id)) parts.set(id, []);
      parts.get(id)!.push(members[j]);
    });
    areas.push(...parts.values());
  }
  throwIfCancelled(options.cancel);

  const blockKm2 = (blockM * blockM) / 1e6;
  const summary = areas.map((members) => {
    let hh = 0, sx = 0, sy = 0, urbanHh = 0;
    for (const c of members) {
      const h = cells.households[c];
      hh += h;
      sx += h * cells.xM[c];
      sy += h * cells.yM[c];
      urbanHh += h * cells.urbanShare[c];
    }
    // urban when most of its households are (classifyUrban: density or seat town)
    return { hh, xM: sx / hh, yM: sy / hh, isUrban: urbanHh >= hh / 2, densityPerKm2: hh / (members.length * blockKm2) };
  });
  const oltXY = olts.map((o) => toMetric.forward([o.lonDeg, o.latDeg]));
  const centreRoute = fibreDistances(
    Float64Array.from(summary, (a) => a.xM),
    Float64Array.from(summary, (a) => a.yM),
    Float64Array.from(oltXY, (p) => p[0]),
    Float64Array.from(oltXY, (p) => p[1]),
    graph,
    { detourFactor: settings.detourFactor, cancel: options.cancel },
  );

  const order = summary.map((_, a) => a).sort((a, b) => summary[b].hh - summary[a].hh);
  const newOlts: { index: number; xM: number; yM: number }[] = [];
  // the scheme an area gets at a feeder distance: by density, or 1:4x1:8 when only a 1:32 split reaches
  const schemeAt = (isUrban: boolean, distanceM: number): SplitScheme => {
    const primary: SplitScheme = isUrban ? '1:64' : '1:4x1:16';
    return distanceM <= reachM(settings, settings.xgsPonClass, primary) ? primary : '1:4x1:8';
  };
  let areaNo = 0;
  for (const a of order) {
    const s = summary[a];
    const dM = centreRoute.distanceM[a];
    let scheme = schemeAt(s.isUrban, dM);
    let feeder: FibreFeeder;
    let feederId: string | undefined;
    if (dM <= reachM(settings, settings.xgsPonClass, scheme)) {
      const o = olts[centreRoute.sourceIdx[a]];
      feederId = o.id;
      feeder = { kind: 'olt', oltName: o.name, distanceKm: dM / 1000, isCardsCostedHere: o.xgsPonPorts === 0 };
    } else {
      // the nearest new OLT placed so far whose reach covers this area
      let bestM = Infinity;
      let best: (typeof newOlts)[number] | undefined;
      for (const n of newOlts) {
        const d = settings.detourFactor * Math.hypot(n.xM - s.xM, n.yM - s.yM);
        if (d < bestM && d <= reachM(settings, settings.xgsPonClass, schemeAt(s.isUrban, d))) {
          bestM = d;
          best = n;
        }
      }
      feederId = best && newOltId(best.index);
      feeder = best
        ? { kind: 'newOlt', index: best.index, distanceKm: bestM / 1000 }
        : { kind: 'beyondReach', nearestOltKm: Number.isFinite(dM) ? dM / 1000 : null };
      scheme = schemeAt(s.isUrban, best ? bestM : 0);
    }
    const split = splitSchemeLoss(scheme).splitRatio;
    const ports = ponPortsNeeded(s.hh, settings.takeRate, split);
    const odnPerHome = s.isUrban ? costs.odnUrbanPerHomeCny : costs.odnRuralPerHomeCny;
    const [lonDeg, latDeg] = toMetric.inverse([s.xM, s.yM]);
    const isNewOlt = feederId === undefined;
    const label: FibreUpgradeLabel = isNewOlt ? { kind: 'newOlt', index: newOlts.length + 1 } : { kind: 'odnArea', index: ++areaNo };
    if (isNewOlt) newOlts.push({ index: newOlts.length + 1, xM: s.xM, yM: s.yM });
    rows.push({
      kind: 'fibre',
      label,
      type: isNewOlt ? 'new_olt' : 'new_odn',
      lonDeg,
      latDeg,
      householdsGained: s.hh,
      xgsPortsAdded: ports,
      costCny: ports * costs.xgsPonPortCny + s.hh * odnPerHome,
      isCostEstimate: true,
      oltId: feederId ?? newOltId(newOlts.length),
      splitScheme: scheme,
      householdDensityPerKm2: s.densityPerKm2,
      detail: { kind: 'area', isUrban: s.isUrban, splitScheme: scheme, ports, portCostCny: costs.xgsPonPortCny, homes: s.hh, odnPerHomeCny: odnPerHome, feeder },
    });
  }
  return rows;
}

/**
 * Non-handled households summed per square block of `blockM` (household-weighted position), so clustering
 * cost depends on the area uncovered, not on the grid or household count.
 */
function aggregateByBlock(set: HouseholdSet, isHandled: Uint8Array, blockM: number) {
  const slotOfBlock = new Map<number, number>();
  const xM: number[] = [], yM: number[] = [], hh: number[] = [], urbanHh: number[] = [];
  for (let i = 0; i < set.households.length; i++) {
    if (isHandled[i]) continue;
    const h = set.households[i];
    // blocks keyed by (column, row); 2^21 columns cover any county at metre-scale blocks
    const key = (Math.floor(set.yM[i] / blockM) + 2 ** 20) * 2 ** 21 + Math.floor(set.xM[i] / blockM) + 2 ** 20;
    let slot = slotOfBlock.get(key);
    if (slot === undefined) {
      slot = hh.length;
      slotOfBlock.set(key, slot);
      xM.push(0), yM.push(0), hh.push(0), urbanHh.push(0);
    }
    xM[slot] += h * set.xM[i];
    yM[slot] += h * set.yM[i];
    hh[slot] += h;
    urbanHh[slot] += set.isUrban[i] ? h : 0;
  }
  return {
    xM: Float64Array.from(xM, (v, s) => v / hh[s]),
    yM: Float64Array.from(yM, (v, s) => v / hh[s]),
    households: Float64Array.from(hh),
    urbanShare: Float64Array.from(urbanHh, (v, s) => v / hh[s]),
  };
}
