import ExcelJS from 'exceljs';
import { DEFAULT_SCORING_SETTINGS, type KpiId } from '../../core/scoring';
import { formatterFor } from '../../core/text';
import { COUNTY_DATA_SOURCES } from '../../geodata/counties';
import { KPI_LABELS } from '../format/kpiLabels';
import { COMPOSITE_METHOD, type CountyRank } from './rankCounties';
import type { CountyOutcome } from './types';

const UNIT_NOTE = { share: 'share 0..1', per10k: 'per 10,000 residents', mbps: 'Mbit/s' } as const;

/** Sheet names of the province workbook. */
export const PROVINCE_SHEETS = { counties: 'Counties', targets: 'Targets' } as const;

/**
 * The province summary as an exceljs workbook: sheet 'Counties' with one row per county in rank order
 * (code, names, prefecture, pilot, population and its provenance, sites, places, OLTs, each KPI's value,
 * target and status, n/a reasons, input problems; failed counties last with the error) and sheet 'Targets'
 * with every KPI's target, amber edge and source, the composite method and the data sources. KPI values
 * come from predicted coverage and (mostly) modelled population: the sheet says so in its title row.
 * @example await (await provinceWorkbook(outcomes, ranks)).xlsx.writeBuffer()
 */
export function provinceWorkbook(outcomes: readonly CountyOutcome[], ranks: readonly CountyRank[], options: { title: string }): ExcelJS.Workbook {
  const kpiIds = Object.keys(DEFAULT_SCORING_SETTINGS.kpis) as KpiId[];
  const rankByCode = new Map(ranks.map((r) => [r.code, r]));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(PROVINCE_SHEETS.counties);
  const headers = [
    'rank', 'composite', 'KPIs counted', 'code', 'name', 'name (en)', 'prefecture', 'pilot', 'population', 'population provenance',
    'population source', 'sites', 'places', 'OLTs',
    ...kpiIds.flatMap((id) => [`${KPI_LABELS[id]} (${UNIT_NOTE[unitOf(id)]})`, `${id} target`, `${id} status`]),
    'KPIs n/a (reason)', 'input problems', 'error',
  ];
  sheet.addRow(headers).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 5, ySplit: 1 }];
  const ordered = [...outcomes].sort((a, b) => (rankByCode.get(a.code)?.rank ?? Infinity) - (rankByCode.get(b.code)?.rank ?? Infinity) || a.code.localeCompare(b.code));
  for (const o of ordered) {
    if (!o.ok) {
      const row: (string | number | null)[] = new Array(headers.length).fill(null);
      row[3] = o.code;
      row[headers.length - 1] = o.message;
      sheet.addRow(row);
      continue;
    }
    const r = o.value;
    const rank = rankByCode.get(r.code);
    const kpiCells = kpiIds.flatMap((id) => {
      const k = r.kpis.find((x) => x.id === id);
      return k ? [k.value, k.target, k.value === null ? 'n/a' : k.status] : [null, null, 'n/a'];
    });
    const naNotes = r.kpis.filter((k) => k.value === null).map((k) => `${k.id}: ${k.naReason}`).join('; ');
    const problems = r.inputs.flatMap((i) => i.problems.map((p) => `${p.file}${p.row === null ? '' : `:${p.row}`} ${p.severity}: ${p.reason}`)).join('; ');
    sheet.addRow([
      rank?.rank ?? null, rank?.composite ?? null, rank?.kpisCounted ?? 0, r.code, r.name, r.nameEn, r.prefecture, r.isPilot ? 'yes' : 'no',
      r.population.total === null ? null : Math.round(r.population.total), r.population.provenance, r.population.source,
      r.sites, r.places, r.olts, ...kpiCells, naNotes, problems, null,
    ]);
  }
  sheet.getColumn(2).numFmt = '0.000';
  kpiIds.forEach((id) => {
    if (unitOf(id) !== 'share') return;
    const valueColumn = headers.indexOf(`${id} target`); // 1-based column of the value, just left of its target
    sheet.getColumn(valueColumn).numFmt = '0.0%';
    sheet.getColumn(valueColumn + 1).numFmt = '0%';
  });

  const targets = wb.addWorksheet(PROVINCE_SHEETS.targets);
  targets.addRow(['KPI', 'name', 'unit', 'target', 'amber from', 'source', 'target unverified']).font = { bold: true };
  for (const id of kpiIds) {
    const t = DEFAULT_SCORING_SETTINGS.kpis[id];
    targets.addRow([id, KPI_LABELS[id], UNIT_NOTE[unitOf(id)], t.target, t.amberFrom ?? 0.9 * t.target, formatterFor('en').provenance(t.provenance), t.provenance.isUnverified ? 'yes' : 'no']);
  }
  targets.addRow([]);
  targets.addRow(['status', 'green when value >= target; amber when value >= amber from (default 90 % of target); red otherwise; n/a when the KPI has no value (reason in the Counties sheet)']);
  targets.addRow(['composite', COMPOSITE_METHOD]);
  targets.addRow(['values', `${options.title}. Coverage is predicted (radio model), not measured; population is modelled from the 2020 census total unless its provenance says file.`]);
  for (const [what, source] of Object.entries(COUNTY_DATA_SOURCES)) targets.addRow([`county ${what}`, source]);
  return wb;
}

function unitOf(id: KpiId): 'share' | 'per10k' | 'mbps' {
  if (id === 'sitesPer10k') return 'per10k';
  if (id === 'dlMeanBuiltUpMbps' || id === 'dlP10BuiltUpMbps') return 'mbps';
  return 'share';
}
