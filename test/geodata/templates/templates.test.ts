import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PLACE_CATEGORIES } from '../../../core/model';
import { importPlaces, importSites, placeCategoryOf } from '../../../geodata/import';
import { PLACE_TEMPLATE_CATEGORIES, PLACE_TEMPLATE_SPEC, SITE_TEMPLATE_SPEC, placeTemplateXlsx, siteTemplateXlsx } from '../../../geodata/templates';

/** Opens a template, writes `rows` (header -> cell text) from row 2 of its first sheet, and saves it. */
async function fill(template: Uint8Array, rows: Record<string, string>[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.buffer as never);
  const sheet = wb.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  rows.forEach((r, k) => {
    for (const [h, v] of Object.entries(r)) {
      const col = headers.indexOf(h);
      if (col < 0) throw new Error(`no column ${h}`);
      sheet.getRow(k + 2).getCell(col + 1).value = v;
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetsOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as never);
  return wb;
}

describe('import templates', () => {
  it('site template: Chinese headers, drop-downs, an explanation sheet; a filled row imports cleanly', async () => {
    const template = await siteTemplateXlsx();
    const wb = await sheetsOf(template);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['站点工参', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(SITE_TEMPLATE_SPEC.columns.map((c) => c.header));
    expect(wb.worksheets[0].getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"宏站,微站,室分"'] });
    const help = wb.worksheets[1];
    const helpText = help.getSheetValues().flat().filter(Boolean).map(String).join('\n');
    for (const c of SITE_TEMPLATE_SPEC.columns) expect(helpText).toContain(c.header);
    expect(helpText).toMatch(/0–300 米/);
    // the empty template imports nothing, without error
    const empty = await importSites(template, { fileName: '站点工参模板.xlsx' });
    expect(empty.ok && empty.value.records).toEqual([]);

    const filled = await fill(template, [
      {
        站号: 'WN-0001', 站名: '威宁草海宏站', 经度: '104.2853', 纬度: '26.8712', 类型: '宏站', 状态: '规划', 建设方式: '共享铁塔',
        '挂高(米)': '35', 频段: 'n41', '方位角(度)': '0/120/240', '机械下倾角(度)': '3/3/3', '电子下倾角(度)': '6/6/6', '估算投资(万元)': '32', 备注: '与移动共享',
      },
      { 站名: '草海微站', 经度: '104°17′10″', 纬度: '26°52′20″', 类型: '微站', 状态: '现网', 频段: '3.5G' },
    ]);
    const r = await importSites(filled, { fileName: '站点工参.xlsx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.problems).toEqual([]);
    expect(r.value.records).toHaveLength(2);
    expect(r.value.records[0]).toMatchObject({
      id: 'WN-0001', name: '威宁草海宏站', kind: 'macro', status: 'planned', buildMethod: 'shared-tower', heightAglM: 35, band: 'n41',
      lonDeg: 104.2853, latDeg: 26.8712, costCny: 320_000, notes: '与移动共享',
    });
    expect(r.value.records[0].sectors.map((s) => [s.azimuthDeg, s.mechanicalTiltDeg, s.electricalTiltDeg])).toEqual([[0, 3, 6], [120, 3, 6], [240, 3, 6]]);
    expect(r.value.records[1]).toMatchObject({ kind: 'micro', status: 'existing', band: 'n78', buildMethod: 'smart-pole' });
    expect(r.value.records[1].lonDeg).toBeCloseTo(104 + 17 / 60 + 10 / 3600, 6);
  });

  it('places template: the design categories as a drop-down, each read back to its category; point, area and line rows import cleanly', async () => {
    for (const c of PLACE_CATEGORIES) expect(placeCategoryOf(PLACE_TEMPLATE_CATEGORIES[c].word), c).toBe(c);
    const template = await placeTemplateXlsx();
    const wb = await sheetsOf(template);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['重点场所', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(PLACE_TEMPLATE_SPEC.columns.map((c) => c.header));
    const helpText = wb.worksheets[1].getSheetValues().flat().filter(Boolean).map(String).join('\n');
    expect(helpText).toMatch(/医院（医院、卫生院）：室内达标比例不低于 95%，权重 5/);
    expect(helpText).toMatch(/道路铁路.*沿线达标比例不低于 95%/);

    const filled = await fill(template, [
      { 编号: 'P001', 名称: '威宁县人民医院', 类别: '医院', 子类: '二甲医院', 经度: '104.2891', 纬度: '26.8655', '半径(米)': '150', 关键点位: '104.2890 26.8654; 104.2893 26.8657' },
      { 名称: '威宁经济开发区', 类别: '开发区', 经度: '104.29', 纬度: '26.8655', 范围: '104.2885 26.8650; 104.2897 26.8650; 104.2897 26.8661; 104.2885 26.8661' },
      { 名称: 'G56 杭瑞高速威宁段', 类别: '道路铁路', 经度: '104.30', 纬度: '26.87', 范围: '104.28 26.86; 104.30 26.87; 104.32 26.88' },
    ]);
    const r = await importPlaces(filled, { fileName: '重点场所.xlsx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.problems).toEqual([]);
    const [hospital, zone, road] = r.value.records;
    expect(hospital).toMatchObject({ id: 'P001', category: 'hospital', subcategory: '二甲医院', radiusM: 150, geometry: { type: 'Point', coordinates: [104.2891, 26.8655] }, keyPoints: [[104.289, 26.8654], [104.2893, 26.8657]] });
    expect(zone).toMatchObject({ id: 'P-3', category: 'dev_zone', geometry: { type: 'Polygon' } });
    expect((zone.geometry as { coordinates: number[][][] }).coordinates[0]).toHaveLength(5); // closed
    expect(road).toMatchObject({ category: 'line', geometry: { type: 'LineString', coordinates: [[104.28, 26.86], [104.3, 26.87], [104.32, 26.88]] } });
  });

  it('reports a bad outline by row and column', async () => {
    const filled = await fill(await placeTemplateXlsx(), [{ 名称: '小区', 类别: '住宅小区', 经度: '104.29', 纬度: '26.86', 范围: '104.28 26.86; 104.29 26.86' }]);
    const r = await importPlaces(filled, { fileName: '重点场所.xlsx' });
    expect(r.ok && r.value.problems).toEqual([expect.objectContaining({ file: '重点场所.xlsx', row: 2, field: '范围', reason: 'needs at least 3 different points for an area, got 2', severity: 'error' })]);
  });
});
