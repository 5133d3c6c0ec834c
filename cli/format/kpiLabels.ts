import type { KpiId } from '../../core/scoring';
import { EN } from '../../core/text/en';
import { ZH } from '../../core/text/zh';

/** KPI names for the command line's tables: the planners' Chinese term and the English one (core/text). */
export const KPI_LABELS: Record<KpiId, string> = Object.fromEntries(
  (Object.keys(ZH.kpiNames) as KpiId[]).map((id) => [id, `${ZH.kpiNames[id]} ${EN.kpiNames[id]}`]),
) as Record<KpiId, string>;
