import type { BuildListCostSource, BuildListRow } from '../../core/buildList';
import type { Kpi, RankedGap } from '../../core/scoring';
import { cite } from '../../core/sources';
import { roundKm2, type Formatter } from '../../core/text';
import { formatScore } from '../components/formatScore';
import type { Translate } from '../i18n/translate';

/** Everything the county report shows; plain data, gathered by the app (buildCountyReport). */
export interface CountyReportData {
  countyName: string;
  countyCode: string;
  projectName: string;
  /** when the report was made (passed in: no hidden clock); written as local time */
  generatedAt: Date;
  /** the map snapshot as a data: URL (PNG), null when the coverage is not computed */
  mapDataUrl: string | null;
  /** the map's legend: colour (CSS) and label */
  mapLegend: { colour: string; label: string }[];
  kpis: readonly Kpi[];
  /** the worst gaps, worst first */
  gaps: readonly RankedGap[];
  placeNames: Readonly<Record<string, string>>;
  /** the build list (planned and proposed sites, fibre upgrades) */
  buildList: readonly BuildListRow[];
  /** the unit costs that priced the build list, cited under the sources */
  costSources: readonly BuildListCostSource[];
  siteCounts: { existing: number; planned: number; proposed: number };
  /** charts as inline SVG (chartSvg) */
  charts: { title: string; svg: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Rows of the build list shown in full; the summary by type counts every row. */
const BUILD_ROWS_SHOWN = 30;

const STYLE = `
body { font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1a202c; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; border-bottom: 2px solid #1f3a5f; padding-bottom: 2px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid #cbd5e0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #edf2f7; } td[class^='status-'], td.marks { white-space: nowrap; } td.num { text-align: right; white-space: nowrap; } .muted { color: #4a5568; font-size: 12px; }
.status-green { color: #276749; font-weight: 600; } .status-amber { color: #b7791f; font-weight: 600; } .status-red { color: #c53030; font-weight: 600; }
.mark { display: inline-block; font-size: 11px; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; margin-left: 3px; color: #b7791f; }
.legend span { display: inline-block; margin-right: 12px; font-size: 12px; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border: 1px solid #718096; }
img.map { max-width: 100%; border: 1px solid #cbd5e0; } .chart { margin: 8px 0; } ol.sources { font-size: 12px; padding-left: 20px; }
@media print { body { margin: 0; } h2 { break-after: avoid; } table, .chart, img { break-inside: avoid; } }
`;

/**
 * The county report as one self-contained HTML page (issue 7): map snapshot, KPIs against their targets with their
 * sources by public title, the worst gaps, a summary of the build list, the charts, the marks and their legend
 * (估 estimate, 待核实 unverified, 模型 modelled) and the list of sources, all inline (no script, no external
 * file), so it opens offline, prints, and can go to Electron's printToPDF as it is. Words, numbers and the date
 * come from the formatter `f` of the report's language, as in the exports; `t` gives the page's own sentences.
 * Text is escaped; chart SVG comes from ECharts and is inlined as is.
 * @example const html = countyReportHtml(data, i18n.t, formatterFor('zh'))
 */
export function countyReportHtml(data: CountyReportData, t: Translate, f: Formatter): string {
  const title = t('report.title', { county: data.countyName });
  const w = f.words;
  const b = w.buildList;
  const mark = (text: string) => `<span class="mark">${esc(text)}</span>`;
  const cited = new Map<string, string>();
  const noteSources = (cites: readonly { source: string }[]) => {
    for (const c of cites) if (!cited.has(c.source)) cited.set(c.source, f.citation({ source: c.source }));
  };

  const kpiRows = data.kpis
    .map((k) => {
      const unit = w.kpiUnits[k.unit];
      noteSources(k.provenance.cites);
      const marks = [...f.marksOf(k.provenance), k.isModelled ? w.marks.modelled : ''].filter(Boolean).map(mark).join('');
      const value = Number.isFinite(k.value) ? `${formatScore(k.value, k.unit)} ${unit}` : '–';
      return `<tr data-kpi="${esc(k.id)}"><td>${esc(w.kpiNames[k.id])}</td><td class="num">${esc(value)}</td><td class="num">≥ ${esc(formatScore(k.target, k.unit))} ${esc(unit)}</td><td class="status-${k.status}">${esc(w.kpiStatuses[k.status])}</td><td class="marks">${marks}</td><td class="muted">${esc(f.provenance(k.provenance, { marks: false }))}</td></tr>`;
    })
    .join('\n');
  const gapRows = data.gaps
    .map((g) => {
      const places = g.placeIds.map((id) => data.placeNames[id] ?? id).join(w.nameSeparator);
      return `<tr><td class="num">${g.rank}</td><td class="num">${esc(f.n.fixed(roundKm2(g.areaM2 / 1e6), 2))}</td><td class="num">${esc(f.n.integer(g.people))}</td><td class="num">${esc(f.n.integer(g.weightedPeople))}</td><td>${esc(places || '–')}</td><td>${esc(w.gapFixes[g.fix])}</td></tr>`;
    })
    .join('\n');
  const byType = new Map<BuildListRow['type'], { count: number; costWan: number }>();
  let totalWan = 0;
  for (const r of data.buildList) {
    const e = byType.get(r.type) ?? { count: 0, costWan: 0 };
    e.count++;
    e.costWan += r.costWanCny;
    totalWan += r.costWanCny;
    byType.set(r.type, e);
  }
  const summaryRows = [...byType]
    .map(([type, e]) => `<tr><td>${esc(b.types[type])}</td><td class="num">${e.count}</td><td class="num">${esc(f.n.fixed(e.costWan, 2))}</td></tr>`)
    .join('\n');
  const buildRows = data.buildList
    .slice(0, BUILD_ROWS_SHOWN)
    .map((r) => `<tr><td class="num">${r.priority}</td><td>${esc(f.rowName(r))}</td><td>${esc(b.types[r.type])}</td><td>${esc(b.methods[r.buildMethod])}</td><td>${esc(b.statuses[r.status])}</td><td class="num">${r.newPeopleCovered === undefined ? '–' : esc(f.n.integer(r.newPeopleCovered))}</td><td class="num">${esc(f.n.fixed(r.costWanCny, 2))}${r.isCostEstimated ? mark(w.marks.estimate) : ''}</td></tr>`)
    .join('\n');
  const costLines = data.costSources.map((c) => {
    noteSources(c.provenance.cites);
    const value = c.unitCny >= 1e4 ? `${f.n.wan(c.unitCny)} ${w.units.wan}` : `${f.n.integer(c.unitCny)} ${w.units.cny}`;
    return `<li>${esc(w.labelled(`${b.unitCostLabel(c.type, c.method)} ${value}`, f.provenance(c.provenance)))}</li>`;
  });
  const boundarySource = cite('countyBoundaries');
  noteSources([boundarySource]);
  const legend = data.mapLegend.map((l) => `<span><i style="background:${esc(l.colour)}"></i>${esc(l.label)}</span>`).join('');

  return `<!DOCTYPE html>
<html lang="${esc(w.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(t('report.meta', { project: data.projectName, code: data.countyCode, date: f.dateTime(data.generatedAt) }))}</p>
<p class="muted">${esc(t('report.sites', data.siteCounts))}</p>
<p class="muted">${esc(t('report.modelledNote'))}</p>

<h2>${esc(t('report.mapHeading'))}</h2>
${data.mapDataUrl ? `<img class="map" alt="${esc(t('report.mapAlt', { county: data.countyName }))}" src="${data.mapDataUrl}">` : `<p>${esc(t('report.noMap'))}</p>`}
<p class="legend">${legend}</p>
<p class="muted">${esc(t('report.mapNote', { boundary: f.citation(boundarySource) }))}</p>

<h2>${esc(t('report.kpiHeading'))}</h2>
<table class="kpis"><thead><tr><th>${esc(t('score.kpi'))}</th><th>${esc(t('score.value'))}</th><th>${esc(t('score.target'))}</th><th>${esc(t('score.status'))}</th><th>${esc(t('report.marks'))}</th><th>${esc(t('report.source'))}</th></tr></thead>
<tbody>
${kpiRows}
</tbody></table>

<h2>${esc(t('report.gapsHeading', { count: data.gaps.length }))}</h2>
${data.gaps.length === 0 ? `<p>${esc(t('report.noGaps'))}</p>` : `<table class="gaps"><thead><tr><th>${esc(t('score.rank'))}</th><th>${esc(t('score.area'))}</th><th>${esc(t('score.people'))}</th><th>${esc(t('score.weightedPeople'))}</th><th>${esc(t('score.placesAffected'))}</th><th>${esc(t('score.fix'))}</th></tr></thead>
<tbody>
${gapRows}
</tbody></table>`}

<h2>${esc(t('report.buildHeading'))}</h2>
${data.buildList.length === 0 ? `<p>${esc(t('report.noBuild'))}</p>` : `<table class="build-summary"><thead><tr><th>${esc(t('report.type'))}</th><th>${esc(t('report.count'))}</th><th>${esc(t('report.costWan'))}</th></tr></thead>
<tbody>
${summaryRows}
<tr><th>${esc(t('report.total'))}</th><th class="num">${data.buildList.length}</th><th class="num">${esc(f.n.fixed(totalWan, 2))}</th></tr>
</tbody></table>
<p class="muted">${esc(t('report.buildShown', { shown: Math.min(BUILD_ROWS_SHOWN, data.buildList.length), total: data.buildList.length }))}</p>
<table class="build-list"><thead><tr><th>${esc(t('report.priority'))}</th><th>${esc(t('score.name'))}</th><th>${esc(t('report.type'))}</th><th>${esc(t('report.method'))}</th><th>${esc(t('score.status'))}</th><th>${esc(t('report.newPeople'))}</th><th>${esc(t('report.costWan'))}</th></tr></thead>
<tbody>
${buildRows}
</tbody></table>`}

<h2>${esc(t('report.chartsHeading'))}</h2>
${data.charts.map((c) => `<figure class="chart"><figcaption class="muted">${esc(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}

<h2>${esc(t('report.marksHeading'))}</h2>
<ul class="muted">${f.markLegend().map((l) => `<li>${esc(l)}</li>`).join('')}</ul>

<h2>${esc(t('report.sourcesHeading'))}</h2>
${costLines.length ? `<p class="muted">${esc(t('report.unitCosts'))}</p><ul class="muted">${costLines.join('')}</ul>` : ''}
<ol class="sources">${[...cited.values()].map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
</body>
</html>
`;
}
