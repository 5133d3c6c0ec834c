import type { Olt } from '../model/project';
import type { FibreSettings } from './fibreSettings';
import type { FibreUpgradeRow } from './fibreUpgrades';
import type { OltCapacity } from './oltCapacity';

/**
 * Port additions where a 10G-PON OLT lacks XGS-PON ports for the gigabit households it serves at the take
 * rate (oltCapacity's `xgsPortsShort`). These households already count as gigabit-capable (within reach), so
 * `householdsGained` is 0; the rows keep the ports able to carry them. Cost: ports x `xgsPonPortCny` [EST].
 * @example capacityUpgrades(olts, oltCapacity(olts, households, reach, settings), settings)
 */
export function capacityUpgrades(olts: readonly Olt[], capacity: readonly OltCapacity[], settings: FibreSettings): FibreUpgradeRow[] {
  if (capacity.length !== olts.length) throw new RangeError(`capacity must have ${olts.length} entries, got ${capacity.length}`);
  const rows: FibreUpgradeRow[] = [];
  olts.forEach((o, k) => {
    const c = capacity[k];
    if (o.xgsPonPorts === 0 || c.xgsPortsShort === 0) return;
    rows.push({
      kind: 'fibre',
      label: { kind: 'xgsCapacity', oltName: o.name },
      type: 'xgs_line_card',
      lonDeg: o.lonDeg,
      latDeg: o.latDeg,
      householdsGained: 0,
      xgsPortsAdded: c.xgsPortsShort,
      costCny: c.xgsPortsShort * settings.costs.xgsPonPortCny,
      isCostEstimate: true,
      oltId: o.id,
      splitScheme: settings.splitScheme,
      detail: {
        kind: 'xgsCapacity', gigabitHouseholds: c.gigabitHouseholds, takeRate: settings.takeRate, portsNeeded: c.xgsPortsNeeded,
        portsInstalled: o.xgsPonPorts, portsShort: c.xgsPortsShort, portCostCny: settings.costs.xgsPonPortCny,
      },
    });
  });
  return rows;
}
