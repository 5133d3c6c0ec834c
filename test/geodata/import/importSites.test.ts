import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { importOlts, importPlaces, importSites, parseDegrees } from '../../../geodata/import';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures/import', name)));

describe('importSites', () => {
  it('reads a GBK CSV with Chinese headers, 3.5G band words and a sector list; reports the bad row with file, row, field', async () => {
    const r = await importSites(fixture('sites-gbk.csv'), { defaultStatus: 'existing', fileName: 'sites-gbk.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rowsRead).toBe(3);
    const [a, b] = r.value.records;
    expect(a).toMatchObject({ id: '仁怀中枢1', name: '仁怀中枢1', kind: 'macro', status: 'existing', band: 'n78', heightAglM: 35, lonDeg: 106.4123, latDeg: 27.8056 });
    expect(a.sectors.map((s) => [s.azimuthDeg, s.mechanicalTiltDeg, s.electricalTiltDeg])).toEqual([[0, 3, 6], [120, 3, 6], [240, 3, 6]]);
    expect(b).toMatchObject({ kind: 'micro', status: 'planned', band: 'n41', heightAglM: 12, buildMethod: 'smart-pole' });
    expect(b.sectors).toHaveLength(1);
    expect(r.value.problems).toEqual([{ file: 'sites-gbk.csv', row: 4, field: '经度', reason: "'东经106' is not a number", code: 'notNumber', params: { value: '东经106' }, severity: 'error' }]);
  });

  it('reads UTF-8 with BOM and English headers, merges one-row-per-sector sheets, converts GCJ-02 and fixes swapped lon/lat', async () => {
    const csv = 'Site ID,Site Name,Longitude,Latitude,Height,Azimuth,Tilt,Band,Type\n'
      + 'G1,Alpha,106.41,27.80,30,0,4,n78,macro\nG1,Alpha,106.41,27.80,30,120,5,n78,macro\nG1,Alpha,106.41,27.80,30,240,6,n78,macro\n'
      + 'G2,Beta,27.75,106.45,25,90,3,n28,macro\n';
    const r = await importSites(new Uint8Array([...BOM, ...utf8(csv)]), { defaultStatus: 'existing', fileName: 'gcj.csv', crs: 'gcj02' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [g1, g2] = r.value.records;
    expect(g1.sectors.map((s) => [s.id, s.azimuthDeg, s.electricalTiltDeg])).toEqual([['1', 0, 4], ['2', 120, 5], ['3', 240, 6]]);
    const expected = gcoord.transform([106.41, 27.8], gcoord.GCJ02, gcoord.WGS84);
    expect(g1.lonDeg).toBeCloseTo(expected[0], 9);
    expect(g1.latDeg).toBeCloseTo(expected[1], 9);
    expect(Math.abs(g1.lonDeg - 106.41) * 1e5).toBeGreaterThan(100); // the GCJ-02 offset is hundreds of metres
    expect(g2.lonDeg).toBeCloseTo(gcoord.transform([106.45, 27.75], gcoord.GCJ02, gcoord.WGS84)[0], 9);
    expect(r.value.problems).toEqual([expect.objectContaining({ row: 5, field: 'Longitude', severity: 'warning', reason: expect.stringContaining('swapped') })]);
  });

  it('reports every problem of every row at once and keeps the good rows', async () => {
    const csv = '站名,经度,纬度,挂高,方位角,下倾角,频段,类型\n'
      + 'ok,106.4,27.8,30,0/120/240,6,n78,宏站\n'
      + ',106.4,27.8,30,0,6,n78,宏站\n'
      + 'b,200,95,30,0,6,n78,宏站\n'
      + 'c,106.4,27.8,999,400,6,5G,铁塔\n'
      + 'd,106.4,27.8,30,0/120,1/2/3,n78,宏站\n'
      + 'ok,106.5,27.9,30,0,6,n78,宏站\n';
    const r = await importSites(utf8(csv), { defaultStatus: 'existing', fileName: 'bad.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((s) => s.name)).toEqual(['ok']);
    const errors = r.value.problems.map((p) => `${p.row}:${p.field}:${p.severity}`).sort();
    expect(errors).toEqual(['3:站名:error', '4:经度:error', '5:挂高:error', '5:方位角:error', '5:频段:error', '5:类型:error', '6:下倾角:error', '7:站名:error'].sort());
    expect(r.value.problems.find((p) => p.row === 7)!.reason).toMatch(/duplicate site 'ok' \d+ m from row 2/);
  });

  it('refuses files without the needed columns or that are not tables, naming what it found', async () => {
    const r = await importSites(utf8('foo,bar\n1,2\n'), { defaultStatus: 'existing', fileName: 'x.csv' });
    expect(r).toMatchObject({ ok: false, code: 'bad-file' });
    if (!r.ok) expect(r.message).toContain('x.csv: no name column');
    expect(await importSites(utf8('name,x\nA,1\n'), { defaultStatus: 'existing', fileName: 'x.csv' })).toMatchObject({ ok: false, message: expect.stringContaining('longitude/latitude') });
    expect(await importSites(new Uint8Array(), { defaultStatus: 'existing', fileName: 'e.csv' })).toMatchObject({ ok: false, message: 'e.csv: the file is empty' });
    expect(await importSites(utf8('{"type":"Foo"}'), { defaultStatus: 'existing', fileName: 'f.geojson' })).toMatchObject({ ok: false, message: expect.stringContaining('not GeoJSON') });
    expect(await importSites(utf8('<kml><Document>'), { defaultStatus: 'existing', fileName: 'f.kml' })).toMatchObject({ ok: false, message: expect.stringContaining('not valid KML') });
    expect(await importSites(utf8('PK\u0003\u0004garbage'), { defaultStatus: 'existing', fileName: 'f.xlsx' })).toMatchObject({ ok: false, message: expect.stringContaining('not a readable XLSX') });
    await expect(importSites(utf8('a'), { defaultStatus: 'existing', fileName: 'a.csv', crs: 'bd09' as never })).rejects.toThrow(RangeError);
  });

  it('reads XLSX (exceljs) with formula and rich-text cells and a 万元 cost column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('站点');
    ws.addRow(['站名', '经度', '纬度', '挂高', '类型', '建设方式', '估算投资(万元)']);
    ws.addRow([{ richText: [{ text: '仁怀' }, { text: '北站' }] }, 106.42, 27.83, { formula: '20+15', result: 35 }, '宏站', '共享铁塔', 32.5]);
    const r = await importSites(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'sites.xlsx', defaultStatus: 'planned' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records[0]).toMatchObject({ name: '仁怀北站', heightAglM: 35, buildMethod: 'shared-tower', costCny: 325_000, status: 'planned', source: 'sites.xlsx row 2' });
  });

  it('CSV: skips a title line above the header', async () => {
    const r = await importSites(utf8('仁怀市站点表,,\n站名,经度,纬度\nA,106.4,27.8\n'), { defaultStatus: 'existing', fileName: 't.csv' });
    expect(r.ok && r.value.records.map((s) => [s.name, s.source])).toEqual([['A', 't.csv row 3']]);
  });

  it('XLSX: skips title rows above the header and sheets without a recognisable header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRows([['本表为仁怀市现网站点'], ['数据日期', '2026-11']]);
    const ws = wb.addWorksheet('站点');
    ws.addRows([['仁怀市5G现网站点清单'], [], ['序号', '站名', '经度', '纬度'], [1, '中枢1', 106.41, 27.8], [2, '中枢2', 106.42, 'x']]);
    const r = await importSites(new Uint8Array(await wb.xlsx.writeBuffer()), { defaultStatus: 'existing', fileName: 'titled.xlsx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((s) => s.name)).toEqual(['中枢1']);
    expect(r.value.problems.map((p) => [p.row, p.field])).toEqual([[5, '纬度']]);
  });

  it('reads KML and KMZ placemarks with ExtendedData fields', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>仁怀宏站A</name><ExtendedData><Data name="挂高"><value>40</value></Data><Data name="方位角"><value>30/150/270</value></Data></ExtendedData>
      <Point><coordinates>106.40,27.81,0</coordinates></Point></Placemark>
      <Placemark><name>室分B</name><ExtendedData><Data name="类型"><value>室分</value></Data></ExtendedData><Point><coordinates>106.41,27.82</coordinates></Point></Placemark>
    </Document></kml>`;
    const r = await importSites(utf8(kml), { defaultStatus: 'existing', fileName: 'sites.kml' });
    expect(r.ok && r.value.records.map((s) => [s.name, s.heightAglM, s.kind, s.sectors.length])).toEqual([['仁怀宏站A', 40, 'macro', 3], ['室分B', 3, 'indoor', 1]]);
    const kmz = zipSync({ 'doc.kml': strToU8(kml), 'files/icon.png': new Uint8Array([1, 2]) });
    const z = await importSites(kmz, { defaultStatus: 'existing', fileName: 'sites.kmz' });
    expect(z.ok && z.value.records.length).toBe(2);
    expect(z.ok && z.value.format).toBe('kmz');
  });
});

describe('parseDegrees', () => {
  it('reads decimals and degrees-minutes-seconds in the ways field sheets write them', () => {
    expect(parseDegrees('106.41')).toBe(106.41);
    expect(parseDegrees('106.41°')).toBe(106.41);
    expect(parseDegrees('106°24′36″')).toBeCloseTo(106.41, 12);
    expect(parseDegrees('106度24分36秒')).toBeCloseTo(106.41, 12);
    expect(parseDegrees(`27°48'N`)).toBeCloseTo(27.8, 12);
    expect(parseDegrees(`33°30'S`)).toBeCloseTo(-33.5, 12);
    for (const bad of ['', 'abc', '106°75′', '东经106', '1.2.3']) expect(parseDegrees(bad)).toBeNaN();
  });
});

describe('importPlaces and importOlts', () => {
  it('reads places from GeoJSON with polygons and points, Chinese category words, duplicate ids reported', async () => {
    const gj = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '仁怀市人民医院', 场景类别: '三甲医院', 半径: 200 }, geometry: { type: 'Point', coordinates: [106.41, 27.80] } },
        { type: 'Feature', id: 'Z1', properties: { name: '名酒工业园', category: 'dev_zone' }, geometry: { type: 'Polygon', coordinates: [[[106.4, 27.8], [106.5, 27.8], [106.5, 27.9], [106.4, 27.8]]] } },
        { type: 'Feature', id: 'Z1', properties: { name: 'dup', category: 'scenic' }, geometry: { type: 'Point', coordinates: [106.4, 27.8] } },
        { type: 'Feature', properties: { name: '无类别' }, geometry: { type: 'Point', coordinates: [106.4, 27.8] } },
        { type: 'Feature', properties: { name: '越界', category: 'scenic' }, geometry: { type: 'LineString', coordinates: [[106.4, 27.8], [160, 27.8]] } },
      ],
    };
    const r = await importPlaces(utf8(JSON.stringify(gj)), { fileName: 'places.geojson' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((p) => [p.id, p.category, p.geometry.type, p.radiusM])).toEqual([['P-1', 'hospital', 'Point', 200], ['Z1', 'dev_zone', 'Polygon', undefined]]);
    expect(r.value.problems.map((p) => [p.row, p.field, p.reason])).toEqual([
      [3, 'id', "rows 2 and 3 both give place 'Z1' but differ"], [4, 'category', 'is required'], [5, 'geometry', expect.stringContaining('(160, 27.8) is outside China')],
    ]);
  });

  it('reads key points for deep coverage in the file CRS; a bad key point list is an error', async () => {
    const csv = '名称,类别,经度,纬度,关键点位\n县医院,医院,106.41,27.80,106.411 27.801; 106.412 27.802\n坏,医院,106.41,27.80,106.4\n';
    const r = await importPlaces(utf8(csv), { fileName: 'kp.csv', crs: 'gcj02' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records[0].keyPoints).toEqual([
      gcoord.transform([106.411, 27.801], gcoord.GCJ02, gcoord.WGS84),
      gcoord.transform([106.412, 27.802], gcoord.GCJ02, gcoord.WGS84),
    ]);
    expect(r.value.problems.map((p) => [p.row, p.field])).toEqual([[3, '关键点位']]);
  });

  it('reads OLTs from CSV with port counts; non-integer ports are an error', async () => {
    const csv = 'OLT名称,经度,纬度,GPON端口数,10G-PON端口数,状态\n中枢局,106.41,27.80,64,16,现网\n坛厂,106.45,27.85,,8,规划\n坏,106.4,27.8,1.5,0,现网\n';
    const r = await importOlts(utf8(csv), { defaultStatus: 'existing', fileName: 'olt.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((o) => [o.name, o.gponPorts, o.xgsPonPorts, o.status])).toEqual([['中枢局', 64, 16, 'existing'], ['坛厂', 0, 8, 'planned']]);
    expect(r.value.problems).toEqual([{ file: 'olt.csv', row: 4, field: 'GPON端口数', reason: '1.5 is not a whole number', code: 'notWholeNumber', params: { value: 1.5 }, severity: 'error' }]);
  });
});
