import type { Olt } from '../model/project';
import type { FibreSettings } from './fibreSettings';
import type { GigabitReach } from './gigabitReach';
import type { HouseholdSet } from './households';
import type { PlaceFibreStatus } from './placeFibreTargets';
import { splitSchemeLoss } from './splitSchemeLoss';

/** County fibre KPIs (kpis.md §1 indicators 1-2 and §5 formulas). Shares are 0..1, NaN when the base is 0. */
export interface FibreKpis {
  households: number;
  gigabitHouseholds: number;
  /** 城市家庭千兆光纤网络覆盖率 computed over all households */
  gigabitShare: number;
  urbanHouseholds: number;
  urbanGigabitHouseholds: number;
  /** the MIIT indicator proper: urban households only */
  urbanGigabitShare: number;
  ruralHouseholds: number;
  ruralGigabitHouseholds: number;
  ruralGigabitShare: number;
  gponPorts: number;
  xgsPonPorts: number;
  /** 10G-PON端口占比: XGS-PON ports / all PON ports */
  xgsPortShare: number;
  /** households the 10G-PON ports can serve: ports x split (ftth.md §3 capacity check) */
  xgsPortCapacityHouseholds: number;
  /** gigabit capacity / urban households, the MIIT-style ratio that can exceed 100 % (kpis.md §1) */
  urbanCapacityRatio: number;
  placesWithTarget: number;
  placesMet: number;
  placesMetShare: number;
}

/**
 * Fibre KPIs: gigabit-capable households (all, urban, rural), 10G-PON port share and capacity, and places
 * meeting their fibre target. Sources: kpis.md §1 (MIIT 千兆城市 indicators 1 and 2), §5; ftth.md §3.
 * @example fibreKpis(households, reach, olts, settings, places).urbanGigabitShare // 0.82
 */
export function fibreKpis(
  set: HouseholdSet,
  reach: GigabitReach,
  olts: readonly Olt[],
  settings: FibreSettings,
  places: readonly PlaceFibreStatus[],
): FibreKpis {
  let households = 0, gigabit = 0, urban = 0, urbanGigabit = 0;
  for (let i = 0; i < set.households.length; i++) {
    const h = set.households[i];
    if (!(h > 0)) continue;
    households += h;
    if (reach.isGigabit[i]) gigabit += h;
    if (set.isUrban[i]) {
      urban += h;
      if (reach.isGigabit[i]) urbanGigabit += h;
    }
  }
  let gponPorts = 0, xgsPonPorts = 0;
  for (const o of olts) {
    gponPorts += o.gponPorts;
    xgsPonPorts += o.xgsPonPorts;
  }
  const capacity = xgsPonPorts * splitSchemeLoss(settings.splitScheme).splitRatio;
  const placesMet = places.filter((p) => p.isMet).length;
  const share = (a: number, b: number) => (b > 0 ? a / b : NaN);
  return {
    households,
    gigabitHouseholds: gigabit,
    gigabitShare: share(gigabit, households),
    urbanHouseholds: urban,
    urbanGigabitHouseholds: urbanGigabit,
    urbanGigabitShare: share(urbanGigabit, urban),
    ruralHouseholds: households - urban,
    ruralGigabitHouseholds: gigabit - urbanGigabit,
    ruralGigabitShare: share(gigabit - urbanGigabit, households - urban),
    gponPorts,
    xgsPonPorts,
    xgsPortShare: share(xgsPonPorts, gponPorts + xgsPonPorts),
    xgsPortCapacityHouseholds: capacity,
    urbanCapacityRatio: share(capacity, urban),
    placesWithTarget: places.length,
    placesMet,
    placesMetShare: share(placesMet, places.length),
  };
}
