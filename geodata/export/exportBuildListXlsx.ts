import ExcelJS from 'exceljs';
import type { BuildListRow } from '../../core/model';
import { buildListColumns } from './buildListColumns';
import { EXPORT_CRS_LABEL, rowsInCrs, type ExportCrs } from './exportCrs';
import { xmlSafeText } from './xmlText';

// Cells hold text and numbers only, never {formula}: exceljs stores a string as a shared string, so a name such
// as '=HYPERLINK(...)' is text in Excel. Its XML parts must stay well-formed: text goes through xmlSafeText.
const cell = (v: string | number | null) => (typeof v === 'string' ? xmlSafeText(v) : v);

/**
 * The build list as an XLSX workbook (exceljs): sheet '建设清单' with Chinese headers, column widths, a frozen
 * bold header row and an auto-filter; sheet '汇总' with counts by type and status, total and estimated
 * investment (万元), modelled new people covered, and the coordinate system. Text is stored as text (a leading
 * '=' stays a character, never a formula) with the characters XML 1.0 forbids dropped.
 * @example const bytes = await exportBuildListXlsx(rows, { crs: 'gcj02', title: '仁怀市 5G 建设清单' });
 */
export async function exportBuildListXlsx(rows: readonly BuildListRow[], options: { crs?: ExportCrs; title?: string } = {}): Promise<Uint8Array> {
  const crs = options.crs ?? 'wgs84';
  const columns = buildListColumns(crs);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiancheng coverage planner';
  const sheet = wb.addWorksheet('建设清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.widthChars + 2 }));
  sheet.getRow(1).font = { bold: true };
  const inCrs = rowsInCrs(rows, crs);
  for (const r of inCrs) sheet.addRow(columns.map((c) => cell(c.value(r))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ width: 28 }, { width: 18 }];
  const sites = rows.filter((r) => r.kind === 'site');
  const sum = (xs: readonly BuildListRow[], f: (r: BuildListRow) => number | undefined) => xs.reduce((a, r) => a + (f(r) ?? 0), 0);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const lines: [string, string | number][] = [
    ['标题', xmlSafeText(options.title ?? '建设清单')],
    ['坐标系', EXPORT_CRS_LABEL[crs]],
    ['基站 (行)', sites.length],
    ...(['宏站', '微站', '室分'] as const).map((t): [string, number] => [`  ${t}`, sites.filter((r) => r.type === t).length]),
    ['  规划', sites.filter((r) => r.status === '规划').length],
    ['  建议', sites.filter((r) => r.status === '建议').length],
    ['光网 (行)', rows.length - sites.length],
    ['估算投资合计 (万元)', round2(sum(rows, (r) => r.costWanCny))],
    ['  其中按单价估算 (万元)', round2(sum(rows.filter((r) => r.isCostEstimated), (r) => r.costWanCny))],
    ['新增覆盖人口合计 (模型)', sum(rows, (r) => r.newPeopleCovered)],
    ['说明', '单价估算见 shared/reference/ftth.md 第4节 (估算值); 新增覆盖人口与面积为模型结果'],
  ];
  for (const l of lines) summary.addRow(l);
  summary.getColumn(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
