import type { Olt } from '../model/project';
import type { FibreSettings } from './fibreSettings';
import type { GigabitReach } from './gigabitReach';
import type { HouseholdSet } from './households';
import { ponPortsNeeded } from './ponPortsNeeded';
import { splitSchemeLoss } from './splitSchemeLoss';

/** Port demand and supply of one OLT. */
export interface OltCapacity {
  oltId: string;
  /** households in the OLT's catchment (nearest OLT by fibre route) */
  households: number;
  /** ceil(households x take rate / split) */
  portsNeeded: number;
  portsInstalled: number;
  portsShort: number;
  portsSpare: number;
  /** gigabit-capable households this OLT's 10G-PON ports serve */
  gigabitHouseholds: number;
  xgsPortsNeeded: number;
  xgsPortsShort: number;
  xgsPortsSpare: number;
}

/**
 * PON ports needed per OLT and the shortfall or spare against installed ports (ftth.md §3 port capacity
 * check): all ports against the OLT's catchment, and XGS-PON ports against the gigabit households it serves.
 * The split is the settings' scheme total (1:64 for 1:4x1:16).
 * @example oltCapacity(project.olts, households, reach, settings)[0].portsShort
 */
export function oltCapacity(olts: readonly Olt[], set: HouseholdSet, reach: GigabitReach, settings: FibreSettings): OltCapacity[] {
  const served = new Float64Array(olts.length);
  const gigabit = new Float64Array(olts.length);
  for (let i = 0; i < set.households.length; i++) {
    const h = set.households[i];
    if (reach.servingOltIdx[i] >= 0) served[reach.servingOltIdx[i]] += h;
    if (reach.isGigabit[i] && reach.xgsOltIdx[i] >= 0) gigabit[reach.xgsOltIdx[i]] += h;
  }
  const { splitRatio } = splitSchemeLoss(settings.splitScheme);
  return olts.map((o, k) => {
    const portsNeeded = ponPortsNeeded(served[k], settings.takeRate, splitRatio);
    const portsInstalled = o.gponPorts + o.xgsPonPorts;
    const xgsPortsNeeded = ponPortsNeeded(gigabit[k], settings.takeRate, splitRatio);
    return {
      oltId: o.id,
      households: served[k],
      portsNeeded,
      portsInstalled,
      portsShort: Math.max(0, portsNeeded - portsInstalled),
      portsSpare: Math.max(0, portsInstalled - portsNeeded),
      gigabitHouseholds: gigabit[k],
      xgsPortsNeeded,
      xgsPortsShort: Math.max(0, xgsPortsNeeded - o.xgsPonPorts),
      xgsPortsSpare: Math.max(0, o.xgsPonPorts - xgsPortsNeeded),
    };
  });
}
