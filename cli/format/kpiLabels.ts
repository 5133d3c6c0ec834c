import type { KpiId } from '../../core/scoring';

/** KPI names for the command line's tables: the planners' Chinese term and an English gloss (glossary.md). */
export const KPI_LABELS: Record<KpiId, string> = {
  popCoverageOutdoor: '人口覆盖率(室外) population coverage, outdoor',
  popCoverageIndoor: '人口覆盖率(室内) population coverage, indoor',
  areaCoverageOutdoor: '面积覆盖率(室外) area coverage, outdoor',
  areaCoverageIndoor: '面积覆盖率(室内) area coverage, indoor',
  popCoverageUrban: '城镇人口覆盖率 urban population coverage',
  popCoverageRural: '农村人口覆盖率 rural population coverage',
  keyPlaceReach: '重点场所5G网络通达率 key places reached',
  sitesPer10k: '每万人5G基站数 5G sites per 10k residents',
  dlMeanBuiltUpMbps: '建成区平均下行速率 mean DL rate, built-up',
  dlP10BuiltUpMbps: '建成区10%下行速率 10th pct DL rate, built-up',
  householdsGigabit: '千兆光网家庭覆盖率 households gigabit-capable',
  pon10gShare: '10G-PON端口占比 10G-PON port share',
  capacityDemandShare: '忙时需求容量满足率 busy-hour demand within target load',
};
