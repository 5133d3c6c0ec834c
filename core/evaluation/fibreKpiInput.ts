import type { FibreResult } from '../ftth';
import type { FibreKpiInput } from '../scoring';

/**
 * The fibre figures the county dashboard shows, from an FTTH analysis: 城市家庭千兆光纤网络覆盖率 over urban
 * households (the MIIT indicator counts urban households; kpis.md §1) and the 10G-PON port share. Modelled
 * unless the households came from a loaded file or imported points.
 * @example fibreKpiInput(analyseFibre(project).value).pon10gPortShare
 */
export function fibreKpiInput(result: FibreResult): FibreKpiInput {
  return {
    householdsGigabitShare: result.kpis.urbanGigabitShare,
    pon10gPortShare: result.kpis.xgsPortShare,
    isModelled: result.householdProvenance !== 'file' && result.householdProvenance !== 'points',
  };
}
