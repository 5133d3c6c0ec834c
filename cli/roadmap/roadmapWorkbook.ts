import ExcelJS from 'exceljs';
import { isTargetOpen, type RoadmapCountyEntry, type RoadmapIndex } from '../../core/roadmap';
import type { KpiId } from '../../core/scoring';
import { costSources, capacitySources, layerSourceZh, targetSources, type SourceLine } from './roadmapSources';
import {
  BAND_NETWORK_ZH, ESTIMATE_MARK, kpiNameZh, localTimeZh, MARK_LEGEND, networkBasisZh, reasonZh, TARGET_NAMES_ZH, UNVERIFIED_MARK, yiYuan,
} from './zhText';

/** Sheet names of roadmap.xlsx. */
export const ROADMAP_SHEETS = { counties: '县区路线图', province: '全省汇总', sources: '目标与来源', notes: '说明' } as const;

/** The KPIs shown before and after for each county. */
const KPIS: readonly KpiId[] = ['popCoverageOutdoor', 'popCoverageUrban', 'keyPlaceReach', 'capacityDemandShare', 'sitesPer10k'];

const kpiValue = (s: RoadmapCountyEntry['before'], id: KpiId): number | null => s.kpis.find((k) => k.id === id)?.value ?? null;

/** Counties in the order of the ranking: most proposed sites per 10,000 residents first, counties without population last. */
export function rankedCounties(index: RoadmapIndex): RoadmapCountyEntry[] {
  return [...index.counties].sort((a, b) => (b.proposedPer10k ?? -1) - (a.proposedPer10k ?? -1) || b.proposed.costCny - a.proposed.costCny || a.code.localeCompare(b.code));
}

/** What stays unmet, with why, in one cell. */
export function unmetZh(entry: RoadmapCountyEntry): string {
  const unmet = entry.targets.filter(isTargetOpen);
  if (unmet.length === 0) return '';
  return unmet.map((t) => `${TARGET_NAMES_ZH[t.id]}：${reasonZh(t)}`).join('；');
}

function addSources(sheet: ExcelJS.Worksheet, title: string, lines: readonly SourceLine[]): void {
  sheet.addRow([title]).font = { bold: true };
  for (const l of lines) sheet.addRow([l.topic, l.value, l.mark, l.source]);
  sheet.addRow([]);
}

/**
 * roadmap.xlsx in Chinese: sheet 县区路线图 with one row per county in the ranking's order (existing sites and
 * what they rest on, sites to add by kind, estimated investment, per-10,000-resident figures, the targets' KPIs
 * before and after, what stays unmet and why; failed counties last with the error); 全省汇总 with the province
 * totals against the plan's 16万; 目标与来源 with every target, traffic figure and unit cost and its source;
 * 说明 with the marks' legend, the method and the run's settings. Estimates are marked 估, unconfirmed targets 待核实.
 * @example await roadmapWorkbook(index).xlsx.writeBuffer()
 */
export function roadmapWorkbook(index: RoadmapIndex): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(ROADMAP_SHEETS.counties);
  const headers = [
    '排名', '县区代码', '县区', '市州', '试点', '常住人口（网格内）', '人口依据', '地形依据', '现网依据', '现网站点', '已规划站点',
    '新增宏站', '新增微站', '新增室分', '新增站点合计', `估算投资（万元，${ESTIMATE_MARK}）`, '每万人新增站点', `人均投资（元，${ESTIMATE_MARK}）`,
    ...KPIS.flatMap((id) => [`${kpiNameZh(id)}（规划前）`, `${kpiNameZh(id)}（规划后）`]),
    '目标全部达成', '未达目标及原因', '待扩容扇区（未计价）', '建议轮次', '用时（秒）', '错误',
  ];
  sheet.addRow(headers).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  rankedCounties(index).forEach((c, k) => {
    const layers = layerSourceZh(c);
    sheet.addRow([
      k + 1, c.code, c.name, c.prefecture, c.isPilot ? '是' : '否', c.population.total === null ? null : Math.round(c.population.total), layers.population, layers.terrain,
      networkBasisZh(c.network), c.network.existingSites, c.network.plannedSites,
      c.proposed.macro, c.proposed.micro, c.proposed.indoor, c.proposed.total, Math.round(c.proposed.costCny / 100) / 100,
      c.proposedPer10k === null ? null : Math.round(c.proposedPer10k * 100) / 100, c.costPerResidentCny === null ? null : Math.round(c.costPerResidentCny),
      ...KPIS.flatMap((id) => [kpiValue(c.before, id), kpiValue(c.after, id)]),
      c.targets.some(isTargetOpen) ? '否' : '是', unmetZh(c), c.extraSectorsNeeded, c.rounds.length,
      Math.round(c.durationMs / 100) / 10, null,
    ]);
  });
  for (const f of index.failed) {
    const row: (string | number | null)[] = new Array(headers.length).fill(null);
    row[1] = f.code;
    row[2] = f.name;
    row[headers.length - 1] = f.message;
    sheet.addRow(row);
  }
  KPIS.forEach((id) => {
    if (id === 'sitesPer10k') return;
    for (const label of [`${kpiNameZh(id)}（规划前）`, `${kpiNameZh(id)}（规划后）`]) sheet.getColumn(headers.indexOf(label) + 1).numFmt = '0.0%';
  });
  for (const label of [`${kpiNameZh('sitesPer10k')}（规划前）`, `${kpiNameZh('sitesPer10k')}（规划后）`]) sheet.getColumn(headers.indexOf(label) + 1).numFmt = '0.0';

  const p = index.province;
  const prov = wb.addWorksheet(ROADMAP_SHEETS.province);
  prov.addRow(['项目', '数值', '说明']).font = { bold: true };
  const rows: [string, string | number, string][] = [
    ['规划年份', index.year, '需求按该年测算（DOU按年增长外推）'],
    ['规划网络', BAND_NETWORK_ZH[index.band], '本路线图只规划这一张网络；全省16万+是各运营商5G基站的合计，两者口径不同'],
    ['县区数', p.counties, index.failed.length ? `另有${index.failed.length}个县区计算失败，见“县区路线图”` : ''],
    ['从零测算的县区', p.fromZeroCounties, '未提供运营商现网站点表的县区：现网按零计，所有站点均按新建测算'],
    ['常住人口（网格内）', Math.round(p.people), ''],
    ['现网站点', p.existingSites, ''],
    ['已规划站点', p.plannedSites, ''],
    ['新增宏站', p.proposed.macro, ''],
    ['新增微站', p.proposed.micro, ''],
    ['新增室分', p.proposed.indoor, ''],
    ['新增站点合计', p.proposed.total, ''],
    [`估算投资（亿元，${ESTIMATE_MARK}）`, Number(yiYuan(p.proposed.costCny)), '按单价表估算，非报价'],
    ['规划后5G站点合计', p.sitesAfter, '现网＋已规划＋新增；每站计1个基站（与统计口径可能不同，待核实）'],
    ['“智慧黔城”2025年目标', p.planTargetBaseStations, '《贵州省“智慧黔城”建设规划（2021—2025年）》：全省5G基站16万个以上'],
    ['规划后站点占目标比例', p.planTargetBaseStations > 0 ? Math.round((1000 * p.sitesAfter) / p.planTargetBaseStations) / 10 + '%' : '–', '单张网络对全省多运营商目标，仅供参考'],
    ['室外人口覆盖率（规划前）', p.people > 0 ? Math.round((1000 * p.peopleCoveredBefore) / p.people) / 10 + '%' : '–', '模型预测值'],
    ['室外人口覆盖率（规划后）', p.people > 0 ? Math.round((1000 * p.peopleCoveredAfter) / p.people) / 10 + '%' : '–', '模型预测值'],
  ];
  for (const r of rows) prov.addRow(r);
  prov.getColumn(1).width = 30;
  prov.getColumn(3).width = 80;

  const src = wb.addWorksheet(ROADMAP_SHEETS.sources);
  src.addRow(['项目', '取值', '标注', '来源']).font = { bold: true };
  addSources(src, '目标', Object.values(targetSources()));
  addSources(src, '话务与容量', capacitySources());
  addSources(src, '投资单价', costSources());
  src.getColumn(1).width = 30;
  src.getColumn(4).width = 100;

  const notes = wb.addWorksheet(ROADMAP_SHEETS.notes);
  const noteRows = [
    ['生成时间', localTimeZh(index.generatedAtMs)],
    ['标注', MARK_LEGEND],
    ['现网依据', `${p.fromZeroCounties}个县区从零测算（未提供运营商现网站点表）：这些县区的新增站点与投资包含现网已有的站点，实际需求更少。提供站点表（--inputs 目录下 <县区代码>.sites.xlsx 等）即按现网测算。`],
    ['方法', '每个县区：在现网（或零）基础上，按“建议选址”在候选站址（缺口中心、缺口网格、地形高点、室分、过载小区热点微站）中逐轮选择每万元收益最高的站点，逐批加入并重新评估覆盖（计信干噪比与干扰）和容量，直到四项目标全部达成，或下一个站点每万元收益低于门限、达到投资上限、无候选可用。'],
    ['收益门限', `每万元至少新增${index.settings.minGainPer10kCny}个加权人口（含容量缓解）；低于门限即停止（${ESTIMATE_MARK}，本工具取值）`],
    ['建议轮数上限', String(index.settings.maxRounds)],
    ['投资上限', index.settings.maxCostCny === null ? '无' : `每县区${(index.settings.maxCostCny / 1e4).toFixed(0)}万元`],
    ['网格', `${index.cellSizeM}米`],
    ['县区项目', '每个县区的完整项目（含建议站点，状态为“建议”）在 counties 文件夹中，以县区代码命名，可在本工具中打开'],
    ['覆盖与负荷', '传播模型预测值，非实测；人口为模型或栅格数据，见各县区“人口依据”'],
    ['待核实', `标“${UNVERIFIED_MARK}”的目标值未见可引用的正式出处`],
  ];
  for (const r of noteRows) notes.addRow(r);
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 120;
  return wb;
}
