import ExcelJS from 'exceljs';

/** One column of an import template, with what the explanation sheet says about it. */
export interface TemplateColumn {
  /** header as the importer reads it (geodata/import/headerAliases.ts); units in brackets are allowed */
  header: string;
  isRequired: boolean;
  /** what the column holds, in Chinese */
  explain: string;
  /** allowed values and units, in Chinese */
  allowed: string;
  example: string;
  widthChars: number;
  /** a drop-down list of the words the importer understands */
  list?: readonly string[];
  /** kept as text so Excel does not turn '0/120/240' or '3/3/3' into a date or a number */
  isText?: boolean;
}

/** An import template: the sheet to fill (first, so the importer reads it) and its explanation sheet. */
export interface TemplateSpec {
  dataSheet: string;
  title: string;
  columns: readonly TemplateColumn[];
  /** general notes under the column table, in Chinese */
  notes: readonly string[];
}

/** Rows of the data sheet that get the drop-down lists and text formats. */
export const TEMPLATE_ROWS = 2000;

/**
 * Writes an import template as XLSX (exceljs): the data sheet with its header row (bold, frozen, required
 * columns marked with a pale fill), drop-down lists where the importer takes fixed words and text format where
 * a cell holds a list; then a sheet '填写说明' with one row per column (required, meaning, allowed values and
 * units, example) and the notes. Empty of data: importing the template as it is imports nothing.
 * @example const bytes = await templateWorkbook(SITE_TEMPLATE_SPEC);
 */
export async function templateWorkbook(spec: TemplateSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiancheng coverage planner';
  const data = wb.addWorksheet(spec.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.columns.map((c) => ({ header: c.header, width: c.widthChars + 2 }));
  const header = data.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, k) => {
    const cell = header.getCell(k + 1);
    if (c.isRequired) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    cell.note = `${c.isRequired ? '必填。' : '选填。'}${c.explain} ${c.allowed}`;
    const letter = data.getColumn(k + 1).letter;
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    if (c.list) {
      // exceljs keeps range validations in worksheet.dataValidations (written as one sqref); its types omit it
      (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list', allowBlank: !c.isRequired, formulae: [`"${c.list.join(',')}"`], showErrorMessage: true,
        errorStyle: 'warning', errorTitle: c.header, error: `可选：${c.list.join('、')}`,
      });
    }
    if (c.isText) data.getColumn(k + 1).numFmt = '@';
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 8 }, { width: 48 }, { width: 46 }, { width: 26 }];
  help.addRow([spec.title]).font = { bold: true, size: 14 };
  help.addRow([`请在第一张工作表“${spec.dataSheet}”中从第2行起逐行填写，不要改动第1行的列名；不需要的选填列可以留空或删除。`]);
  help.addRow([]);
  const head = help.addRow(['列名', '是否必填', '说明', '取值与单位', '示例']);
  head.font = { bold: true };
  for (const c of spec.columns) {
    const row = help.addRow([c.header, c.isRequired ? '必填' : '选填', c.explain, c.allowed, c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  help.addRow(['注意事项']).font = { bold: true };
  for (const n of spec.notes) help.addRow([n]).alignment = { wrapText: false };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
