import { DEFAULT_CAPACITY_SETTINGS } from '../../core/capacity';
import { DEFAULT_COST_TABLE } from '../../core/costs';
import type { RoadmapCountyEntry, RoadmapTargetId } from '../../core/roadmap';
import { DEFAULT_SCORING_SETTINGS } from '../../core/scoring';
import { ESTIMATE_MARK, UNVERIFIED_MARK, wanYuan } from './zhText';

/** A source line of the Chinese outputs: what, the figure, where it comes from (public title, body, year), its mark. */
export interface SourceLine {
  topic: string;
  value: string;
  source: string;
  mark: '' | typeof ESTIMATE_MARK | typeof UNVERIFIED_MARK;
}

const GZCA = '贵州省通信管理局《2024年1-10月贵州信息通信业发展情况通报》（2024年）';
const pct = (v: number) => `${+(v * 100).toFixed(1)}%`;

/** The targets of the roadmap and where each comes from. */
export function targetSources(): Record<RoadmapTargetId, SourceLine> {
  const k = DEFAULT_SCORING_SETTINGS.kpis;
  return {
    outdoorPopulation: {
      topic: '室外人口覆盖率',
      value: `≥${pct(k.popCoverageOutdoor.target)}`,
      source: '《贵州省“智慧黔城”建设规划（2021—2025年）》：5G城市和乡镇全面覆盖；门限为本工具取值',
      mark: ESTIMATE_MARK,
    },
    towns: {
      topic: '城镇覆盖（城区人口覆盖率，乡镇场所达标）',
      value: `≥${pct(k.popCoverageUrban.target)}`,
      source: '《贵州省“智慧黔城”建设规划（2021—2025年）》：城市和乡镇全面覆盖；基础数据无乡镇驻地位置，以每平方公里1500人以上的网格代表城镇；门限为本工具取值',
      mark: ESTIMATE_MARK,
    },
    keyPlaces: {
      topic: '重点场所5G网络通达率（深度覆盖）',
      value: `≥${pct(k.keyPlaceReach.target)}`,
      source: '工业和信息化部“千兆城市”评价指标（2021年）；深度覆盖＝关键点位均达标，工业和信息化部等十一部门《关于开展“信号升格”专项行动的通知》（2024年）；95%门限未见正式出处',
      mark: UNVERIFIED_MARK,
    },
    capacity: {
      topic: '忙时需求容量满足率',
      value: `≥${pct(k.capacityDemandShare.target)}`,
      source: '忙时下行需求中、在各小区目标负荷以内可承载的比例；无公开目标，门限为本工具取值',
      mark: ESTIMATE_MARK,
    },
  };
}

/** The traffic model's figures and their sources, in Chinese. */
export function capacitySources(): SourceLine[] {
  const d = DEFAULT_CAPACITY_SETTINGS;
  const t = d.traffic;
  return [
    { topic: '5G用户渗透（每常住人口）', value: String(t.fiveGUsersPerResident.value), source: `${GZCA}：全省5G移动电话用户2589.1万户；除以第七次全国人口普查贵州常住人口3856.21万（2020年）`, mark: '' },
    { topic: '户均移动互联网流量（DOU）', value: `${t.douGbPerMonth.value} GB/户·月（${t.douYear}年）`, source: `${GZCA}：10月当月户均流量`, mark: '' },
    { topic: 'DOU年增长', value: pct(t.douGrowthPerYear.value), source: '工业和信息化部《2024年上半年通信业经济运行情况》（2024年）：全国6月DOU同比增长8.1%；全国增速用于贵州', mark: ESTIMATE_MARK },
    {
      topic: '本网络承载的5G用户份额',
      value: `n78 ${pct(t.networkShare.n78.value)}；n41/n79/n28 ${pct(t.networkShare.n41.value)}`,
      source: '中国移动、中国电信、中国联通2024年10月运营数据公告（2024年）：中国移动5G网络客户5.46亿户、中国电信5G套餐用户3.48亿户、中国联通5G套餐用户2.88亿户；全国比例用于贵州',
      mark: ESTIMATE_MARK,
    },
    { topic: '忙时流量占全天比例', value: pct(t.busyHourShare.value), source: '规划假设，未见贵州公开数据', mark: ESTIMATE_MARK },
    { topic: '下行流量占比', value: pct(t.downlinkShare.value), source: '规划假设', mark: ESTIMATE_MARK },
    {
      topic: '小区目标负荷',
      value: pct(d.targetLoad.value),
      source: '运营商按下行PRB利用率门限扩容（如《基于用户感知的NR网络扩容标准研究》，《邮电设计技术》2023年）；70%为本工具取值',
      mark: ESTIMATE_MARK,
    },
    {
      topic: 'MIMO平均层数',
      value: `宏站 ${d.macroLayers.n78.value} 层（n28 ${d.macroLayers.n28.value} 层），微站与室分 ${d.smallCellLayers.value} 层`,
      source: '规划假设；宏站在信干噪比10 dB时约8 bit/s/Hz，与ITU-R M.2410-0（2017年）密集城区下行平均频谱效率7.8 bit/s/Hz同一量级',
      mark: ESTIMATE_MARK,
    },
    {
      topic: '单层速率与小区容量',
      value: '衰减香农公式',
      source: '3GPP TR 36.942 附录A.1；小区负荷＝各网格忙时需求除以该网格单层速率之和，再除以层数',
      mark: '',
    },
  ];
}

/** The unit costs behind every estimated investment, all estimates. */
export function costSources(): SourceLine[] {
  const c = DEFAULT_COST_TABLE;
  const line = (topic: string, cny: number | undefined, [lo, hi]: [number, number]): SourceLine => ({
    topic,
    value: `${wanYuan(cny ?? NaN)} 万元（区间 ${wanYuan(lo)}–${wanYuan(hi)} 万元）`,
    source: '项目默认单价表；国内公开单价极少，均为估算，可在项目设置中修改',
    mark: ESTIMATE_MARK,
  });
  return [
    line('宏站（新建铁塔）', c.macro['new-tower']?.costCny, c.macro['new-tower']!.rangeCny),
    line('宏站（共享铁塔）', c.macro['shared-tower']?.costCny, c.macro['shared-tower']!.rangeCny),
    line('微站（智慧杆）', c.micro['smart-pole']?.costCny, c.micro['smart-pole']!.rangeCny),
    line('室分系统', c.indoor['indoor-system']?.costCny, c.indoor['indoor-system']!.rangeCny),
  ];
}

/** Where a county's population and terrain come from, by public title (never a file name). */
export function layerSourceZh(entry: Pick<RoadmapCountyEntry, 'population' | 'terrain'>): { population: string; terrain: string } {
  const p = entry.population;
  const population =
    p.provenance === 'absent'
      ? '无人口数据'
      : p.provenance === 'modelled'
        ? /gpw/i.test(p.source)
          ? '第七次全国人口普查县级常住人口（2020年），按GPW v4.11人口密度（CIESIN，2020年）分布（模型值）'
          : '第七次全国人口普查县级常住人口（2020年），按县城与乡村模型分布（模型值）'
        : /gpw/i.test(p.source)
          ? 'GPW v4.11 2020年人口密度栅格（CIESIN，CC BY 4.0）'
          : /worldpop/i.test(p.source)
            ? 'WorldPop 人口栅格'
            : '用户提供的人口栅格';
  const t = entry.terrain;
  const terrain =
    t === null
      ? '无地形（按平地计算，地形遮挡未计入）'
      : /srtm30/i.test(t)
        ? 'SRTM30_PLUS 地形（Becker 等，2009年；约2公里分辨率，粗略）'
        : /srtm|hgt/i.test(t)
          ? 'SRTM 数字高程'
          : '用户提供的数字高程';
  return { population, terrain };
}
