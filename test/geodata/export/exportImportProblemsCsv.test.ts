import { describe, expect, it } from 'vitest';
import { exportImportProblemsCsv } from '../../../geodata/export';
import { readCsvTable } from '../../../geodata/import';

describe('exportImportProblemsCsv', () => {
  it('writes file,row,field,reason in UTF-8 with BOM; our CSV reader reads it back, quotes and all', () => {
    const bytes = exportImportProblemsCsv([
      { file: '站点.csv', row: 3, field: '纬度', reason: '"北纬27度" is not a number, nor a DMS value', severity: 'error' },
      { file: '站点.csv', row: null, field: null, reason: 'no header row', severity: 'warning' },
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('file,row,field,reason\r\n站点.csv,3,纬度,"""北纬27度"" is not a number, nor a DMS value"\r\n');
    const table = readCsvTable(bytes);
    if (!table.ok) throw new Error(table.message);
    expect(table.value.headers).toEqual(['file', 'row', 'field', 'reason']);
    expect(table.value.records.map((r) => [...r.fields.values()])).toEqual([
      ['站点.csv', '3', '纬度', '"北纬27度" is not a number, nor a DMS value'],
      ['站点.csv', '', '', 'no header row'],
    ]);
  });
});
