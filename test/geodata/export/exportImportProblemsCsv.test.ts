import { describe, expect, it } from 'vitest';
import { exportImportProblemsCsv } from '../../../geodata/export';
import { readCsvTable } from '../../../geodata/import';

describe('exportImportProblemsCsv', () => {
  const problems = [
    { file: '站点.csv', row: 3, field: '纬度', reason: "'北纬27度' is not a number", code: 'notNumber', params: { value: '北纬"27"度' }, severity: 'error' as const },
    { file: '站点.csv', row: null, field: null, reason: 'no header row', severity: 'warning' as const },
  ];

  it('writes file, row, field, reason and severity in Chinese, UTF-8 with BOM; our CSV reader reads it back, quotes and all', () => {
    const bytes = exportImportProblemsCsv(problems);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('文件,行,字段,原因,级别\r\n站点.csv,3,纬度,"“北纬""27""度”不是数字",错误：该行跳过\r\n');
    const table = readCsvTable(bytes);
    if (!table.ok) throw new Error(table.message);
    expect(table.value.headers).toEqual(['文件', '行', '字段', '原因', '级别']);
    expect(table.value.records.map((r) => [...r.fields.values()])).toEqual([
      ['站点.csv', '3', '纬度', '“北纬"27"度”不是数字', '错误：该行跳过'],
      // a reason without a code (none of ours, today) falls back to the reader's English text
      ['站点.csv', '整个文件', '整行', 'no header row', '警告：该行保留'],
    ]);
  });

  it('writes English for an English UI', () => {
    const text = new TextDecoder().decode(exportImportProblemsCsv(problems, 'en'));
    expect(text).toContain('File,Row,Field,Reason,Severity\r\n站点.csv,3,纬度,"‘北纬""27""度’ is not a number",error: row skipped\r\n');
  });
});
