import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { siteLimitProblems, SITE_LIMITS, makeSite } from '../../../core/model';
import { distanceOutsideFn } from '../../../core/geo/distanceOutsideFn';
import { countyByCode } from '../../../geodata/counties';
import { importOfKind, importOlts, importPlaces, importSites, parseDegrees, parseNumberText } from '../../../geodata/import';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];
const renhuai = countyByCode('520382')!;
const county = { name: renhuai.name, boundary: renhuai.boundary };
const [seatLon, seatLat] = renhuai.seatLonLat;

describe('parseNumberText: a comma is a thousands separator only where the grouping says so', () => {
  it.each([
    ['1,234', 1234], ['12,345,678', 12345678], ['1,234.5', 1234.5], ['-1,000', -1000], ['12.5', 12.5], [' 35 ', 35],
    ['１２．５', 12.5], ['２，５００', 2500], ['\u22125', -5], ['1e3', 1000],
  ])('%j is %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value });
  });

  it.each(['12,5', '1,5', '２５，５', '1,23', '1,2345', '1,234,56', '12,5.0', '1.234,5', ',5'])('%j is an error naming the decimal, never a number', (text) => {
    const r = parseNumberText(text);
    expect(r).toEqual({ error: expect.stringContaining('not a thousands separator'), code: 'decimalComma' });
  });

  it.each(['0x1F', 'Infinity', '-Infinity', 'NaN', '1e999', '1 234', '12.5.1', '', '--5', '5-'])('%j is not a number', (text) => {
    expect(parseNumberText(text)).toEqual({ error: expect.stringContaining('is not a number'), code: 'notNumber' });
  });

  it('coordinates follow the same rule: no hex, no decimal comma', () => {
    expect(parseDegrees('１０６．４')).toBeCloseTo(106.4, 9);
    expect(parseDegrees('0x6A')).toBeNaN();
    expect(parseDegrees('106,4')).toBeNaN();
  });
});

describe('importSites: numbers as typed', () => {
  it('refuses a decimal comma in every form, naming the cell, and reads grouped and full-width numbers', async () => {
    const csv = '站名,经度,纬度,挂高,类型,状态,投资\n'
      + 'A,106.40,27.80,"12,5",微站,现网,\n'
      + 'B,106.41,27.80,"１２，５",微站,现网,\n'
      + 'C,106.42,27.80,１２．５,微站,现网,"1,250,000"\n'
      + 'D,106.43,27.80,"1,5",微站,现网,\n';
    // with a BOM, as Excel writes "CSV UTF-8"
    const r = await importSites(new Uint8Array([...BOM, ...utf8(csv)]), { fileName: 'comma.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((s) => [s.name, s.heightAglM, s.costCny])).toEqual([['C', 12.5, 1_250_000]]);
    const errors = r.value.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.field])).toEqual([[2, '挂高'], [3, '挂高'], [5, '挂高']]);
    expect(errors[0].reason).toBe("'12,5' has a comma that is not a thousands separator (1,234): for a decimal write 12.5");
    expect(errors[1].reason).toContain("'１２，５'");
  });

  it('takes a comma in a tilt list as two values only where there are two azimuths', async () => {
    const csv = '站名,经度,纬度,方位角,下倾角,状态\nA,106.40,27.80,90,"1,5",现网\nB,106.41,27.80,0/120,"1,5",现网\nC,106.42,27.80,,"6,3",现网\n';
    const r = await importSites(utf8(csv), { fileName: 'tilt.csv' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => [s.name, s.sectors.map((x) => x.electricalTiltDeg)])).toEqual([['B', [1, 5]]]);
    expect(r.value.problems.map((p) => [p.row, p.field, p.reason])).toEqual([
      [2, '下倾角', '2 values for 1 azimuths (a decimal comma such as 12,5 reads as two values: write 12.5)'],
      [4, '下倾角', expect.stringContaining('no azimuth')],
    ]);
  });

  it('skips rows of nothing but separators, as Excel leaves them after deleting rows', async () => {
    const csv = '站名,经度,纬度,状态\n,,,\nA,106.40,27.80,现网\n , ,,\n,,,\nB,106.41,27.80,现网\n,,,\n';
    const r = await importSites(utf8(csv), { fileName: 'gaps.csv' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => s.name)).toEqual(['A', 'B']);
    expect(r.value.problems).toEqual([]);
    expect(r.value.rowsRead).toBe(2);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRows([['站名', '经度', '纬度', '状态'], ['', '', '', ''], ['A', 106.4, 27.8, '现网'], [' ', null, '', '']]);
    const x = await importSites(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'gaps.xlsx' });
    if (!x.ok) throw new Error(x.message);
    expect([x.value.records.length, x.value.problems]).toEqual([1, []]);
  });

  it('decodes GB18030 four-byte characters in a CSV without a BOM exactly', async () => {
    // 站名,经度,纬度,状态 in GBK, then a name 𠀀站 with U+20000 (95 32 82 36), which GBK lacks
    const gbk = (hex: string) => hex.match(/../g)!.map((h) => parseInt(h, 16));
    const bytes = Uint8Array.from([
      ...gbk('d5bec3fb'), 0x2c, ...gbk('bEadb6c8'), 0x2c, ...gbk('ceb3b6c8'), 0x2c, ...gbk('d7b4ccac'), 0x0a,
      0x95, 0x32, 0x82, 0x36, ...gbk('d5be'), ...utf8(',106.40,27.80,'), ...gbk('cfd6cdf8'), 0x0a,
    ]);
    const r = await importSites(bytes, { fileName: 'gb18030.csv' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.problems).toEqual([]);
    expect(r.value.records.map((s) => [s.name, s.status])).toEqual([['𠀀站', 'existing']]);
  });
});

describe('importSites: duplicates, status, limits', () => {
  it('rows with the same id that disagree are errors naming both rows; an exact repeat is a warning', async () => {
    const csv = '站号,站名,经度,纬度,挂高,状态,类型,方位角\n'
      + 'S1,甲,106.40,27.80,30,现网,宏站,0/120/240\n'
      + 'S1,甲,106.40,27.80,35,现网,宏站,0/120/240\n'
      + 'S1,乙,106.40,27.80,30,规划,宏站,0/120/240\n'
      + 'S1,甲,106.40,27.80,30,现网,宏站,0/120/240\n'
      + 'S2,丙,106.41,27.80,30,现网,宏站,0\n'
      + 'S2,丙,106.41,27.80,30,现网,宏站,120\n';
    const r = await importSites(utf8(csv), { fileName: 'dup.csv' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => [s.id, s.heightAglM, s.sectors.map((x) => x.azimuthDeg)])).toEqual([['S1', 30, [0, 120, 240]], ['S2', 30, [0, 120]]]);
    expect(r.value.problems.map((p) => [p.row, p.severity, p.field, p.reason])).toEqual([
      [3, 'error', '挂高', "rows 2 and 3 both give site 'S1' but differ: 挂高 30 vs 35"],
      [4, 'error', '站名', "rows 2 and 4 both give site 'S1' but differ: 站名 甲 vs 乙, 状态 existing vs planned"],
      [5, 'warning', '站号', "repeats site 'S1' of row 2 exactly; skipped"],
    ]);
  });

  it('rows without a status are errors unless the caller chose a status for them, and say how many took it', async () => {
    const csv = '站名,经度,纬度,状态\nA,106.40,27.80,\nB,106.41,27.80,规划\nC,106.42,27.80,\n';
    const none = await importSites(utf8(csv), { fileName: 's.csv' });
    if (!none.ok) throw new Error(none.message);
    expect(none.value.records.map((s) => s.name)).toEqual(['B']);
    expect(none.value.problems.map((p) => [p.row, p.field])).toEqual([[2, '状态'], [4, '状态']]);
    expect(none.value.problems[0].reason).toMatch(/no status .* none was chosen/);
    const chosen = await importSites(utf8(csv), { fileName: 's.csv', defaultStatus: 'proposed' });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.value.records.map((s) => [s.name, s.status])).toEqual([['A', 'proposed'], ['B', 'planned'], ['C', 'proposed']]);
    expect(chosen.value.defaultStatusRows).toBe(2);
    // one row per sector: the row that names the status wins over the default
    const perSector = await importSites(utf8('站名,经度,纬度,方位角,状态\nA,106.4,27.8,0,\nA,106.4,27.8,120,规划\n'), { fileName: 'p.csv', defaultStatus: 'existing' });
    if (!perSector.ok) throw new Error(perSector.message);
    expect([perSector.value.records[0].status, perSector.value.defaultStatusRows]).toEqual(['planned', 0]);
    const olts = await importOlts(utf8('名称,经度,纬度\nO1,106.4,27.8\n'), { fileName: 'o.csv' });
    expect(olts.ok && olts.value.problems.map((p) => p.field)).toEqual(['状态']);
  });

  it('heights by kind, sector counts and positions follow SITE_LIMITS, the schema the editor uses', async () => {
    const many = Array.from({ length: 13 }, (_, i) => i * 20).join('/');
    const huge = Array.from({ length: 50_000 }, (_, i) => i % 360).join('/');
    const csv = '站名,经度,纬度,挂高,类型,方位角,状态\n'
      + `宏低,106.40,27.80,5,宏站,,现网\n室分,106.41,27.80,3,室分,,现网\n微高,106.42,27.80,60,微站,,现网\n多扇区,106.43,27.80,30,宏站,${many},现网\n`
      + `巨扇区,106.44,27.80,30,宏站,${huge},现网\n北京,116.40,39.90,30,宏站,,现网\n`;
    const t0 = performance.now();
    const r = await importSites(utf8(csv), { fileName: 'limits.csv' });
    expect(performance.now() - t0).toBeLessThan(5000);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => s.name)).toEqual(['室分']);
    expect(r.value.problems.map((p) => [p.row, p.field, p.reason])).toEqual([
      [2, '挂高', '5 m is outside 10..150 m for a macro site (宏站)'],
      [4, '挂高', '60 m is outside 3..50 m for a micro site (微站)'],
      [5, '方位角', '13 sectors; a site has at most 12'],
      [6, '方位角', '50000 sectors; a site has at most 12'],
      [7, '经度', '(116.4, 39.9) is outside Guizhou (103-110 E, 24-30 N)'],
    ]);
    // one row per sector cannot pass the limit either
    const rows = Array.from({ length: 13 }, (_, i) => `A,106.4,27.8,${i * 20},现网`).join('\n');
    const merged = await importSites(utf8(`站名,经度,纬度,方位角,状态\n${rows}\n`), { fileName: 'm.csv' });
    if (!merged.ok) throw new Error(merged.message);
    expect(merged.value.records[0].sectors).toHaveLength(12);
    expect(merged.value.problems.map((p) => [p.row, p.reason])).toEqual([[14, "site 'A' of row 2 would have 13 sectors; a site has at most 12"]]);
  });

  it('the editor and import share one schema', () => {
    const site = makeSite('macro', [106.4, 27.8], 'S1');
    expect(siteLimitProblems(site)).toEqual([]);
    expect(siteLimitProblems({ ...site, heightAglM: 5, lonDeg: 116.4 }).map((p) => p.field)).toEqual(['heightAglM', 'lonDeg']);
    expect(siteLimitProblems({ ...site, sectors: Array.from({ length: 13 }, () => site.sectors[0]) })).toEqual([{ field: 'sectors', reason: '13 sectors; a site has 1..12' }]);
    expect(SITE_LIMITS.heightAglM.indoor.min).toBe(3);
  });
});

describe('imports into a county', () => {
  it('a site 1,500 km away is a row error naming it and its distance; kept flagged on request (the coverage then leaves it out: coverageEngine test)', async () => {
    const csv = `站名,经度,纬度,状态\n县城,${seatLon},${seatLat},现网\n远站,116.40,39.90,现网\n邻县,106.00,27.50,现网\n`;
    const r = await importSites(utf8(csv), { fileName: 'far.csv', county });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => s.name)).toEqual(['县城']);
    expect(r.value.problems.map((p) => [p.row, p.field, p.severity, p.reason])).toEqual([
      [3, '经度', 'error', "site '远站' is 1,593.4 km outside 仁怀市 (distance to the county boundary)"],
      [4, '经度', 'error', "site '邻县' is 16.8 km outside 仁怀市 (distance to the county boundary)"],
    ]);
    const kept = await importOfKind({ kind: 'sites', bytes: utf8(csv), fileName: 'far.csv', crs: 'wgs84', county, outsideCounty: 'keep-flagged' });
    if (!kept.ok) throw new Error(kept.message);
    const far = kept.value.records.find((s) => s.name === '远站') as import('../../../core/model').Site;
    expect(far.outsideCounty).toEqual({ lonDeg: 116.4, latDeg: 39.9, distanceM: expect.closeTo(1_593_400, -2) });
    expect(kept.value.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(kept.value.problems[0].reason).toMatch(/kept as asked, left out of the coverage/);
  });

  it('a row just over the drawn boundary (within 200 m, the boundary data are quantised to ~100 m) counts as inside', async () => {
    const outside = distanceOutsideFn(county.boundary);
    const ring = county.boundary.coordinates[0][0];
    // step out from a boundary vertex away from the seat until 120 m outside
    const [vx, vy] = ring[0];
    let k = 0;
    let p: [number, number] = [vx, vy];
    while (outside(p[0], p[1]) < 120 && k < 1e4) {
      k++;
      p = [vx + (vx - seatLon) * k * 1e-5, vy + (vy - seatLat) * k * 1e-5];
    }
    const r = await importSites(utf8(`站名,经度,纬度,状态\n边界,${p[0]},${p[1]},现网\n`), { fileName: 'edge.csv', county });
    expect(r.ok && [r.value.records.length, r.value.problems]).toEqual([1, []]);
  });

  it('places and OLTs outside the county are row errors naming the distance', async () => {
    const places = await importPlaces(utf8(`名称,类别,经度,纬度\n医院,医院,${seatLon},${seatLat}\n远医院,医院,116.4,39.9\n`), { fileName: 'p.csv', county });
    expect(places.ok && places.value.problems.map((p) => p.reason)).toEqual(["place '远医院' is 1,593.4 km outside 仁怀市 (distance to the county boundary)"]);
    const line = { type: 'Feature', properties: { name: '过境高速', category: 'line' }, geometry: { type: 'LineString', coordinates: [[105, 27], [seatLon, seatLat], [108, 28]] } };
    const crossing = await importPlaces(utf8(JSON.stringify({ type: 'FeatureCollection', features: [line] })), { fileName: 'l.geojson', county });
    expect(crossing.ok && crossing.value.records.length).toBe(1);
    const olts = await importOlts(utf8(`名称,经度,纬度,状态\nO1,116.4,39.9,现网\n`), { fileName: 'o.csv', county });
    expect(olts.ok && olts.value.problems.map((p) => p.reason)).toEqual(["OLT 'O1' is 1,593.4 km outside 仁怀市 (distance to the county boundary)"]);
  });
});
