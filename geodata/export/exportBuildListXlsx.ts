import ExcelJS from 'exceljs';
import type { BuildListRow } from '../../core/buildList';
import { SITE_KINDS } from '../../core/model';
import { formatterFor, roundCount, roundWan } from '../../core/text';
import type { BuildListExportOptions } from './buildListExportOptions';
import { buildListColumns } from './buildListColumns';
import { EXPORT_CRS_LABEL, rowsInCrs, type ExportCrs } from './exportCrs';
import { xmlSafeText } from './xmlText';

// Cells hold text and numbers only, never {formula}: exceljs stores a string as a shared string, so a name such
// as '=HYPERLINK(...)' is text in Excel. Its XML parts must stay well-formed: text goes through xmlSafeText.
const cell = (v: string | number | null) => (typeof v === 'string' ? xmlSafeText(v) : v);

/**
 * The build list as an XLSX workbook (exceljs), in the file's language: the list sheet with its headers, column
 * widths, a frozen bold header row and an auto-filter; a summary sheet (counts by type and status, total and
 * estimated investment in 万元, modelled new people, coordinate system, when it was made); and a notes sheet
 * saying what each figure means, the marks (估 / 待核实 / 模型) and the sources of the unit costs by their public
 * titles. Text is stored as text (a leading '=' stays a character, never a formula) with the characters XML 1.0
 * forbids dropped.
 * @example const bytes = await exportBuildListXlsx(rows, { crs: 'gcj02', title: '仁怀市 建设清单', generatedAt: new Date() });
 */
export async function exportBuildListXlsx(rows: readonly BuildListRow[], options: BuildListExportOptions = {}): Promise<Uint8Array> {
  const crs = options.crs ?? 'wgs84';
  const f = formatterFor(options.language ?? 'zh');
  const b = f.words.buildList;
  const columns = buildListColumns(crs, f.language);
  const wb = new ExcelJS.Workbook();
  wb.creator = f.language === 'zh' ? '黔城覆盖规划' : 'Qiancheng Planner';
  const sheet = wb.addWorksheet(b.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.widthChars + 2 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rowsInCrs(rows, crs)) sheet.addRow(columns.map((c) => cell(c.value(r))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const summary = wb.addWorksheet(b.summarySheetName);
  summary.columns = [{ width: 44 }, { width: 24 }];
  const s = b.summary;
  const sites = rows.filter((r) => r.kind === 'site');
  const sum = (xs: readonly BuildListRow[], v: (r: BuildListRow) => number | undefined) => xs.reduce((a, r) => a + (v(r) ?? 0), 0);
  const withPeople = rows.filter((r) => r.newPeopleCovered !== undefined);
  const lost = sum(rows, (r) => r.peopleLostToInterference);
  const lines: [string, string | number][] = [
    [s.title, xmlSafeText(options.title ?? b.sheetName)],
    [s.crs, EXPORT_CRS_LABEL[crs]],
    ...(options.generatedAt ? [[s.generated, f.dateTime(options.generatedAt)] as [string, string]] : []),
    [s.sites, sites.length],
    ...SITE_KINDS.map((t): [string, number] => [`  ${b.types[t]}`, sites.filter((r) => r.type === t).length]),
    [`  ${b.statuses.planned}`, sites.filter((r) => r.status === 'planned').length],
    [`  ${b.statuses.proposed}`, sites.filter((r) => r.status === 'proposed').length],
    [s.fibre, rows.length - sites.length],
    [s.total, roundWan(sum(rows, (r) => r.costWanCny))],
    [s.estimatedPart, roundWan(sum(rows.filter((r) => r.isCostEstimated), (r) => r.costWanCny))],
    [s.newPeople, withPeople.length ? roundCount(sum(withPeople, (r) => r.newPeopleCovered)) : s.notComputed],
    ...(lost > 0 ? [[s.peopleLost, roundCount(lost)] as [string, number]] : []),
  ];
  for (const l of lines) summary.addRow(l);
  summary.getColumn(1).font = { bold: true };

  const notes = wb.addWorksheet(b.notesSheetName);
  notes.columns = [{ width: 120 }];
  const e = b.explanations;
  const noteLines: { text: string; isHeading?: boolean }[] = [
    { text: e.heading, isHeading: true },
    { text: e.crs(EXPORT_CRS_LABEL[crs]) }, { text: e.costs }, { text: e.newPeople }, { text: e.peopleLost }, { text: e.newArea }, { text: e.priority },
    { text: e.marksHeading, isHeading: true },
    ...f.markLegend().map((text) => ({ text })),
  ];
  if (options.costSources?.length) {
    noteLines.push({ text: e.sourcesHeading, isHeading: true });
    for (const c of options.costSources) {
      const u = f.words.units;
      const value = c.unitCny >= 1e4 ? `${f.n.wan(c.unitCny)} ${u.wan}` : `${f.n.integer(c.unitCny)} ${u.cny}`;
      noteLines.push({ text: f.words.labelled(`${b.unitCostLabel(c.type, c.method)} ${value}`, f.provenance(c.provenance)) });
    }
  }
  for (const l of noteLines) {
    const row = notes.addRow([l.text]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (l.isHeading) row.font = { bold: true };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
