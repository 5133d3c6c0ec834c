import { buildListCostSources, buildListRows, type SiteGains } from '../../core/buildList';
import { resolveScoringSettings } from '../../core/scoring';
import { curveKnee } from '../../core/suggest';
import type { Formatter } from '../../core/text';
import { suggestionIdOf } from '../actions/suggestActions';
import { coverageCurveOption } from '../charts/coverageCurveOption';
import { countyPopulationWeights, rsrpHistogram } from '../charts/rsrpHistogram';
import { rsrpHistogramOption } from '../charts/rsrpHistogramOption';
import { RSRP_PALETTE } from '../map/palettes';
import type { PlanCompute } from '../session/PlanCompute';
import { currentProject, type ProjectSession } from '../session/ProjectSession';
import { chartSvg } from './chartSvg';
import type { Translate } from '../i18n/translate';
import { countyReportHtml } from './countyReportHtml';
import { renderMapSnapshot, snapshotStatusColour } from './renderMapSnapshot';

/** How many of the worst gaps the report lists. */
const REPORT_GAPS = 10;
const CHART_WIDTH_PX = 640;
const CHART_HEIGHT_PX = 280;

/**
 * Gathers the county report of an open project as it stands (scores, rasters, last suggestion) and writes
 * it as self-contained HTML (countyReportHtml) in the language of `f` (the UI's). Needs a DOM (the map snapshot is
 * drawn on a canvas). Accepted suggestions carry their modelled gains into the build list.
 * @example const html = buildCountyReport(session, compute, i18n.t, formatterFor('zh'), new Date())
 */
export function buildCountyReport(session: ProjectSession, compute: PlanCompute, t: Translate, f: Formatter, generatedAt: Date): string {
  const language = f.language;
  const project = currentProject(session);
  const snapshot = compute.getSnapshot();
  const report = snapshot.report;
  const suggestion = compute.suggest.getSnapshot().last;
  const countyName = language === 'zh' ? session.county.name : session.county.nameEn;

  const perSite: Record<string, SiteGains> = {};
  if (suggestion) {
    const gains = new Map(suggestion.result.sites.map((s) => [s.candidateId, s]));
    for (const site of project.sites) {
      const id = suggestionIdOf(site);
      const g = id && gains.get(id);
      if (g) perSite[site.id] = { newPeopleCovered: g.gainPeople, newAreaKm2: g.gainAreaKm2, priority: g.rank };
    }
  }
  const fibreUpgrades = snapshot.fibre?.upgrades ?? [];
  const buildList = buildListRows(project, { countyName: { zh: session.county.name, en: session.county.nameEn }, perSite, fibreUpgrades });

  const charts: { title: string; svg: string }[] = [];
  const thresholdDbm = resolveScoringSettings(project.settings).baseline.rsrpDbm;
  const weights = countyPopulationWeights(session.base);
  if (weights && report) {
    const title = t('charts.rsrpTitle');
    const option = rsrpHistogramOption(rsrpHistogram(compute.rasters.rsrpDbm, weights), { title, xAxis: t('charts.rsrpX'), yAxis: t('charts.rsrpY'), threshold: t('charts.threshold', { dbm: thresholdDbm }) }, thresholdDbm);
    charts.push({ title: t('charts.rsrpNote'), svg: chartSvg(option, CHART_WIDTH_PX, CHART_HEIGHT_PX) });
  }
  if (suggestion) {
    const knee = curveKnee(suggestion.result.curve);
    const option = coverageCurveOption(
      suggestion.result.curve,
      { title: t('suggest.chartTitle'), xAxis: t('suggest.chartX'), yAxis: t('suggest.chartY'), knee: t('layout.kneeMark') },
      { language, kneeCostCny: knee?.costCny },
    );
    charts.push({ title: t('report.curveNote'), svg: chartSvg(option, CHART_WIDTH_PX, CHART_HEIGHT_PX) });
  }

  const mapDataUrl = report
    ? renderMapSnapshot({ grid: project.grid, values: compute.rasters.rsrpDbm, palette: RSRP_PALETTE, boundary: project.boundary, sites: project.sites }).toDataURL('image/png')
    : null;
  const mapLegend = [
    ...RSRP_PALETTE.steps.map((s) => ({ colour: `rgba(${s.rgba[0]}, ${s.rgba[1]}, ${s.rgba[2]}, ${(s.rgba[3] / 255).toFixed(2)})`, label: `${t(s.labelKey)} dBm` })),
    ...(['existing', 'planned', 'proposed'] as const).map((s) => ({ colour: snapshotStatusColour[s], label: f.words.siteStatuses[s] })),
  ];
  const count = (status: string) => project.sites.filter((s) => s.status === status).length;
  return countyReportHtml(
    {
      countyName,
      countyCode: session.county.code,
      projectName: project.name,
      generatedAt,
      mapDataUrl,
      mapLegend,
      kpis: report?.kpis ?? [],
      gaps: report?.gaps.slice(0, REPORT_GAPS) ?? [],
      placeNames: Object.fromEntries(project.places.map((p) => [p.id, p.name])),
      buildList,
      costSources: buildListCostSources(project),
      siteCounts: { existing: count('existing'), planned: count('planned'), proposed: count('proposed') },
      charts,
    },
    t,
    f,
  );
}
