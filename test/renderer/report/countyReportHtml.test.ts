import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BuildListRow } from '../../../core/buildList';
import type { Kpi, RankedGap } from '../../../core/scoring';
import { formatterFor } from '../../../core/text';
import { rsrpHistogramOption } from '../../../renderer/charts/rsrpHistogramOption';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';
import { chartSvg } from '../../../renderer/report/chartSvg';
import { countyReportHtml, type CountyReportData } from '../../../renderer/report/countyReportHtml';

const kpi = (id: Kpi['id'], value: number, target: number, status: Kpi['status']): Kpi => ({
  id, value, unit: 'share', target, amberFrom: target - 0.1, status, isUnverified: false, isEstimate: true, isModelled: true,
  provenance: { cites: [{ source: 'smartQiancheng', section: { zh: '城市和乡镇全面覆盖', en: 'all cities and towns' } }], isEstimate: true },
});
const gap: RankedGap = {
  id: 7, rank: 1, cellCount: 40, areaM2: 25_000, people: 812.4, weightedPeople: 1624.8, urbanShare: 1, isIndoorOnly: false, fix: 'micro',
  centroidLonLat: [106.4, 27.8], bbox: [0, 0, 5, 5], placeIds: ['P1'], noServiceCells: 0, regionId: 7, regionAreaM2: 25_000, pieceCount: 1, noServiceShare: 0,
};
const row = (id: string, type: BuildListRow['type'], costWanCny: number, isCostEstimated: boolean): BuildListRow => ({
  kind: 'site', id, name: `站 ${id}`, type, buildMethod: 'new-tower', lonDeg: 106.4, latDeg: 27.8, countyCode: '520382', azimuthsDeg: [], mechanicalTiltsDeg: [],
  electricalTiltsDeg: [], placesServed: [], costWanCny, isCostEstimated, priority: 1, status: 'planned', notes: '',
});

async function translator(lng: 'zh' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
}

function data(t: (k: string, o?: Record<string, unknown>) => string): CountyReportData {
  const hist = { binStarts: [-110, -105, -100], counts: [10, 30, 60], total: 100 };
  return {
    countyName: '仁怀市', countyCode: '520382', projectName: 'plan <draft> & co', generatedAt: new Date(2026, 11, 7, 11, 58, 29),
    mapDataUrl: 'data:image/png;base64,iVBORw0KGgo=', mapLegend: [{ colour: '#c53030', label: 'proposed' }],
    kpis: [kpi('popCoverageOutdoor', 0.912, 0.95, 'amber'), kpi('keyPlaceReach', 1, 1, 'green')],
    gaps: [gap], placeNames: { P1: '茅台镇中心' },
    buildList: [row('S1', 'macro', 45, true), row('S2', 'macro', 40, false), row('S3', 'micro', 8.5, true)],
    costSources: [{ type: 'micro', method: 'smart-pole', unitCny: 50_000, provenance: { cites: [{ source: 'toolEstimate' }, { source: 'webPriceQuotes' }], isEstimate: true } }],
    siteCounts: { existing: 60, planned: 3, proposed: 0 },
    charts: [{ title: 'RSRP', svg: chartSvg(rsrpHistogramOption(hist, { title: t('charts.rsrpTitle'), xAxis: 'x', yAxis: 'y', threshold: 't' }, -105), 640, 280) }],
  };
}

describe('countyReportHtml', () => {
  it('writes a self-contained page: map, KPIs against targets with sources, gaps, build summary, inline SVG charts', async () => {
    const t = await translator('zh');
    const html = countyReportHtml(data(t), t, formatterFor('zh'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>仁怀市 5G 与千兆光网覆盖规划报告</title>');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain('plan &lt;draft&gt; &amp; co');
    // local time, not ISO
    expect(html).toContain('生成时间 2026年12月7日 11:58');
    // KPI rows: value, target, status word, marks and the source by its public title
    expect(html).toContain('<td class="num">91.2 %</td><td class="num">≥ 95.0 %</td><td class="status-amber">接近</td><td class="marks"><span class="mark">估</span><span class="mark">模型</span></td>');
    expect(html).toContain('《贵州省“十四五”“智慧黔城”建设发展规划》（贵州省发展和改革委员会、住房和城乡建设厅、大数据发展管理局、通信管理局），城市和乡镇全面覆盖</td>');
    // the marks' legend and the sources list
    expect(html).toContain('估：估算值');
    expect(html).toContain('<li>微站（智慧杆，每站） 5.00 万元：本工具估算（黔城覆盖规划）；网络公开的设备与建设报价（网络问答资料）（网络资料，弱来源）（估）</li>');
    expect(html).toContain('中国区县边界数据');
    // the worst gap with its place name and fix
    expect(html).toContain('<td>茅台镇中心</td><td>微站</td>');
    // build summary: two macro sites 85.00, one micro 8.50, total 3 rows 93.50; estimated costs marked 估
    expect(html).toContain('<tr><td>宏站</td><td class="num">2</td><td class="num">85.00</td></tr>');
    expect(html).toContain('<th class="num">3</th><th class="num">93.50</th>');
    expect(html).toContain('<td class="num">45.00<span class="mark">估</span></td>');
    expect(html).toContain('<td class="num">0.03</td><td class="num">812</td><td class="num">1,625</td>');
    expect(html).toContain('<svg');
    expect(html).toContain('人口按 SS-RSRP 分布');
  });

  it('is written in the UI language and says when there is nothing to list', async () => {
    const t = await translator('en');
    const html = countyReportHtml({ ...data(t), gaps: [], buildList: [], mapDataUrl: null }, t, formatterFor('en'));
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('made 7 December 2026, 11:58');
    expect(html).toContain('No coverage gaps.');
    expect(html).toContain('No planned or proposed sites or fibre upgrades yet.');
    expect(html).toContain('The coverage is not computed yet.');
    expect(html).toContain('<h2>County KPIs against their targets</h2>');
  });
});
