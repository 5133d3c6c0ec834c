import type { BuildListRow } from '../../core/model';
import type { Kpi, RankedGap } from '../../core/scoring';
import { formatScore } from '../components/formatScore';

import type { Translate } from '../i18n/translate';

/** Everything the county report shows; plain data, gathered by the app (buildCountyReport). */
export interface CountyReportData {
  countyName: string;
  countyCode: string;
  projectName: string;
  /** when the report was made, ISO 8601 (passed in: no hidden clock) */
  generatedIso: string;
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
th { background: #edf2f7; } td[class^='status-'] { white-space: nowrap; } td.num { text-align: right; white-space: nowrap; } .muted { color: #4a5568; font-size: 12px; }
.status-green { color: #276749; font-weight: 600; } .status-amber { color: #b7791f; font-weight: 600; } .status-red { color: #c53030; font-weight: 600; }
.legend span { display: inline-block; margin-right: 12px; font-size: 12px; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border: 1px solid #718096; }
img.map { max-width: 100%; border: 1px solid #cbd5e0; } .chart { margin: 8px 0; }
@media print { body { margin: 0; } h2 { break-after: avoid; } table, .chart, img { break-inside: avoid; } }
`;

/**
 * The county report as one self-contained HTML page (issue 7): map snapshot, KPIs against their targets with
 * sources, the worst gaps, a summary of the build list, and the charts, all inline (no script, no external
 * file), so it opens offline, prints, and can go to Electron's printToPDF as it is. Modelled and estimated
 * figures are labelled so. Text is escaped; chart SVG comes from ECharts and is inlined as is.
 * @example const html = countyReportHtml(data, i18n.t); host.saveFile({ suggestedName: 'report.html', bytes: new TextEncoder().encode(html), ... })
 */
export function countyReportHtml(data: CountyReportData, t: Translate): string {
  const title = t('report.title', { county: data.countyName });
  const kpiRows = data.kpis
    .map((k) => {
      const unit = t(`score.units.${k.unit}`);
      const tags = [k.isModelled ? t('score.modelled') : '', k.isUnverified ? t('score.unverified') : ''].filter(Boolean).join('; ');
      return `<tr data-kpi="${esc(k.id)}"><td>${esc(t(`score.kpiNames.${k.id}`))}</td><td class="num">${esc(formatScore(k.value, k.unit))} ${Number.isFinite(k.value) ? esc(unit) : ''}</td><td class="num">≥ ${esc(formatScore(k.target, k.unit))} ${esc(unit)}</td><td class="status-${k.status}">${esc(t(`score.statuses.${k.status}`))}</td><td class="muted">${esc(k.source)}${tags ? ` (${esc(tags)})` : ''}</td></tr>`;
    })
    .join('\n');
  const gapRows = data.gaps
    .map((g) => {
      const places = g.placeIds.map((id) => data.placeNames[id] ?? id).join('、');
      return `<tr><td class="num">${g.rank}</td><td class="num">${esc((g.areaM2 / 1e6).toFixed(g.areaM2 < 1e6 ? 3 : 1))} km²</td><td class="num">${Math.round(g.people)}</td><td class="num">${Math.round(g.weightedPeople)}</td><td>${esc(places || '–')}</td><td>${esc(t(`score.fixes.${g.fix}`))}</td></tr>`;
    })
    .join('\n');
  const byType = new Map<string, { count: number; costWan: number }>();
  let totalWan = 0;
  for (const r of data.buildList) {
    const e = byType.get(r.type) ?? { count: 0, costWan: 0 };
    e.count++;
    e.costWan += r.costWanCny;
    totalWan += r.costWanCny;
    byType.set(r.type, e);
  }
  const summaryRows = [...byType]
    .map(([type, e]) => `<tr><td>${esc(type)}</td><td class="num">${e.count}</td><td class="num">${e.costWan.toFixed(1)}</td></tr>`)
    .join('\n');
  const buildRows = data.buildList
    .slice(0, BUILD_ROWS_SHOWN)
    .map((r) => `<tr><td class="num">${r.priority}</td><td>${esc(r.name)}</td><td>${esc(r.type)}</td><td>${esc(r.buildMethod)}</td><td>${esc(r.status)}</td><td class="num">${r.newPeopleCovered === undefined ? '–' : Math.round(r.newPeopleCovered)}</td><td class="num">${r.costWanCny.toFixed(1)}${r.isCostEstimated ? '*' : ''}</td></tr>`)
    .join('\n');
  const legend = data.mapLegend.map((l) => `<span><i style="background:${esc(l.colour)}"></i>${esc(l.label)}</span>`).join('');

  return `<!DOCTYPE html>
<html lang="${esc(t('report.lang'))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(t('report.meta', { project: data.projectName, code: data.countyCode, date: data.generatedIso }))}</p>
<p class="muted">${esc(t('report.sites', data.siteCounts))}</p>
<p class="muted">${esc(t('report.modelledNote'))}</p>

<h2>${esc(t('report.mapHeading'))}</h2>
${data.mapDataUrl ? `<img class="map" alt="${esc(t('report.mapAlt', { county: data.countyName }))}" src="${data.mapDataUrl}">` : `<p>${esc(t('report.noMap'))}</p>`}
<p class="legend">${legend}</p>
<p class="muted">${esc(t('report.mapNote'))}</p>

<h2>${esc(t('report.kpiHeading'))}</h2>
<table class="kpis"><thead><tr><th>${esc(t('score.kpi'))}</th><th>${esc(t('score.value'))}</th><th>${esc(t('score.target'))}</th><th>${esc(t('score.status'))}</th><th>${esc(t('report.source'))}</th></tr></thead>
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
<tr><th>${esc(t('report.total'))}</th><th class="num">${data.buildList.length}</th><th class="num">${totalWan.toFixed(1)}</th></tr>
</tbody></table>
<p class="muted">${esc(t('report.buildShown', { shown: Math.min(BUILD_ROWS_SHOWN, data.buildList.length), total: data.buildList.length }))}</p>
<table class="build-list"><thead><tr><th>${esc(t('report.priority'))}</th><th>${esc(t('score.name'))}</th><th>${esc(t('report.type'))}</th><th>${esc(t('report.method'))}</th><th>${esc(t('score.status'))}</th><th>${esc(t('report.newPeople'))}</th><th>${esc(t('report.costWan'))}</th></tr></thead>
<tbody>
${buildRows}
</tbody></table>
<p class="muted">${esc(t('report.costNote'))}</p>`}

<h2>${esc(t('report.chartsHeading'))}</h2>
${data.charts.map((c) => `<figure class="chart"><figcaption class="muted">${esc(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}
</body>
</html>
`;
}
