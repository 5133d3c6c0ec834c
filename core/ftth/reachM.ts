import type { FibreSettings } from './fibreSettings';
import { maxReachKm } from './maxReach';
import type { BudgetClass, SplitScheme } from './ponTables';

/**
 * Optical reach of a budget class and scheme under the project's link components, m (maxReachKm x 1000).
 * @example reachM(settings, settings.xgsPonClass, '1:4x1:16') // 18500 for N2 with the defaults
 */
export function reachM(settings: FibreSettings, budgetClass: BudgetClass, scheme: SplitScheme): number {
  return (
    1000 *
    maxReachKm(budgetClass, scheme, {
      fibreDbPerKm: settings.fibreDbPerKm,
      connectorCount: settings.connectorCount,
      spliceCount: settings.spliceCount,
      marginDb: settings.marginDb,
    })
  );
}
