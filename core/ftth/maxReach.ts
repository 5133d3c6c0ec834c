import { opticalBudgetDb, type OpticalLink } from './opticalBudget';
import { BUDGET_CLASSES, type BudgetClass, type SplitScheme } from './ponTables';

/**
 * Longest fibre run a budget class allows with a splitting scheme, km: (class budget - loss at 0 km) /
 * fibre dB/km, capped at the class's maximum differential reach (GPON 20 km, XGS-PON 40 km; ftth.md §1).
 * 0 when the fixed losses alone exceed the budget. Source: ftth.md §1 budget check.
 * @example maxReachKm('C+', '1:4x1:16') // 20 ((32 - 23.6) / 0.4 = 21 km, capped at the 20 km GPON differential reach)
 * @example maxReachKm('B+', '1:4x1:16') // 11 ((28 - 23.6) / 0.4)
 */
export function maxReachKm(
  budgetClass: BudgetClass,
  scheme: SplitScheme,
  components: Omit<OpticalLink, 'fibreKm' | 'scheme'> = {},
): number {
  const spec = BUDGET_CLASSES[budgetClass];
  if (!spec) throw new RangeError(`budgetClass must be one of ${Object.keys(BUDGET_CLASSES).join(', ')}, got ${budgetClass}`);
  const fixedDb = opticalBudgetDb({ ...components, fibreKm: 0, scheme });
  const fibreDbPerKm = opticalBudgetDb({ ...components, fibreKm: 1, scheme }) - fixedDb;
  if (!(fibreDbPerKm > 0)) throw new RangeError(`components.fibreDbPerKm must be > 0, got ${fibreDbPerKm}`);
  const budgetKm = Math.max(0, (spec.budgetDb - fixedDb) / fibreDbPerKm);
  return Math.min(budgetKm, spec.maxDifferentialReachKm);
}
