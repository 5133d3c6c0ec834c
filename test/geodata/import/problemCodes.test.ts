import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../../core/text';
import { importOlts, importPlaces, importSites, type ImportProblem } from '../../../geodata/import';

const csv = (lines: string[]) => strToU8(lines.join('\n'));
const zh = formatterFor('zh');

/** Every problem carries a code the Chinese catalogue words, so the zh UI and the problems CSV show no English. */
function expectCoded(problems: readonly ImportProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    const where = `row ${p.row} ${p.field}: ${p.reason}`;
    expect(p.code, where).toBeDefined();
    expect(zh.words.importProblems.reason({ code: p.code!, params: p.params }), where).toBeDefined();
  }
}

describe('import problems are coded for the formatter', () => {
  it('sites: bad numbers, ranges, words, coordinates, swapped axes, sector lists and duplicates', async () => {
    const r = await importSites(csv([
      '站号,站名,经度,纬度,挂高,类型,状态,建设方式,频段,方位角,下倾角',
      'A1,站一,1O6.40,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A2,站二,106.4,27.8,500,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A3,站三,106.4,27.8,35,铁塔,未知,租用,5G,0/120/240,3',
      'A4,站四,160,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A5,站五,27.8,106.4,35,宏站,现网,共享铁塔,n78,0/120/x,3',
      'A6,站六,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3/3',
      'A7,,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A9,站九,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A9,站九,106.9,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A8,站八,,27.8,35,宏站,现网,共享铁塔,n78,0,3',
    ]), { fileName: 'sites.csv' });
    if (!r.ok) throw new Error(r.message);
    expectCoded(r.value.problems);
    expect(new Set(r.value.problems.map((p) => p.code))).toEqual(new Set(['notNumber', 'outOfRange', 'notOneOf', 'outsideChina', 'lonLatSwapped', 'listItemNotNumber', 'listCountVsAzimuths', 'required', 'duplicateSite']));
  });

  it('places and OLTs: categories, key points, whole numbers, duplicate ids, geometry', async () => {
    const places = await importPlaces(csv([
      '编号,名称,类别,经度,纬度,关键点位',
      'P1,医院,医院,106.4,27.8,106.41 27.80; 160 27.8',
      'P2,某处,无类别,106.4,27.8,',
      'P3,学校,学校,106.4,27.8,1;2',
      'P1,医院二,医院,106.4,27.8,',
    ]), { fileName: 'places.csv' });
    if (!places.ok) throw new Error(places.message);
    expectCoded(places.value.problems);
    const olts = await importOlts(csv(['名称,经度,纬度,GPON端口数', '局一,106.4,27.8,1.5']), { fileName: 'olt.csv' });
    if (!olts.ok) throw new Error(olts.message);
    expectCoded(olts.value.problems);
    const geo = await importSites(strToU8(JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '面' }, geometry: { type: 'Polygon', coordinates: [[[106.4, 27.8], [106.5, 27.8], [106.5, 27.9], [106.4, 27.8]]] } }],
    })), { fileName: 'sites.geojson' });
    if (!geo.ok) throw new Error(geo.message);
    expectCoded(geo.value.problems);
  });

  it('the site, place and OLT rules (status, county, Guizhou, heights by kind, sector lists, duplicates, outlines) are coded and worded in Chinese', async () => {
    const english = /[A-Za-z]{3,}/;
    const wordedZh = (problems: readonly ImportProblem[]) => problems.map((p) => zh.problemReason(p));
    // a square county around 106.4 E, 27.8 N
    const county = { name: '测试县', boundary: { type: 'MultiPolygon' as const, coordinates: [[[[106.3, 27.7], [106.5, 27.7], [106.5, 27.9], [106.3, 27.9], [106.3, 27.7]]]] } };
    const sites = await importSites(csv([
      '站号,站名,经度,纬度,挂高,类型,状态,方位角,下倾角,投资（万元）',
      'B1,站一,106.4,27.8,5,宏站,现网,0/120/240,3,',
      'B2,站二,106.4,27.8,35,宏站,,0/120/240,3,',
      'B3,站三,106.4,27.8,35,宏站,现网,0/120/240,3/3/3/3,',
      'B4,站四,106.4,27.8,35,宏站,现网,0/30/60/90/120/150/180/210/240/270/300/330/345,3,',
      'B5,站五,107.9,27.8,35,宏站,现网,0/120/240,3,',
      'B6,站六,106.4,27.8,35,宏站,现网,0/120/240,3,',
      'B6,站六,106.4,27.8,40,宏站,现网,0/120/240,3,',
      'B7,站七,106.4,27.8,35,宏站,现网,0/120/240,3,',
      'B7,站七,106.4,27.8,35,宏站,现网,0/120/240,3,',
      'B8,站八,106.4,27.8,35,宏站,现网,0/30/60/90/120/150/180/210,3,',
      'B8,站八,106.4,27.8,35,宏站,现网,20/50/80/110/140,3,',
      'B9,站九,106.4,27.8,35,宏站,现网,0,3,200000',
    ]), { fileName: 'sites.csv', county });
    if (!sites.ok) throw new Error(sites.message);
    expectCoded(sites.value.problems);
    expect(new Set(sites.value.problems.map((p) => p.code))).toEqual(new Set([
      'heightOutOfRange', 'noStatus', 'listCountVsAzimuths', 'tooManySectors', 'outsideCounty', 'conflictingDuplicate', 'exactRepeat', 'mergedTooManySectors', 'costOutOfRange',
    ]));
    for (const text of wordedZh(sites.value.problems)) expect(text).not.toMatch(english);
    expect(wordedZh(sites.value.problems)).toContain('挂高 5 米超出宏站的允许范围 10–150 米');
    // the English reason the CLI prints stays as it was
    expect(sites.value.problems.find((p) => p.code === 'noStatus')?.reason).toBe('no status (现网/规划/建议), and none was chosen for rows without one (existing, planned or proposed)');

    const kept = await importSites(csv(['站名,经度,纬度,状态', '远站,107.9,27.8,现网']), { fileName: 'sites.csv', county, outsideCounty: 'keep-flagged' });
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.value.problems.map((p) => p.code)).toEqual(['outsideCountyKept']);
    expect(wordedZh(kept.value.problems)[0]).toMatch(/^站点“远站”在测试县边界外 [\d.]+ 公里/);
    const guizhou = await importSites(csv(['站名,经度,纬度,状态', '远站,111.5,27.8,现网']), { fileName: 'sites.csv' });
    if (!guizhou.ok) throw new Error(guizhou.message);
    expect(guizhou.value.problems.map((p) => p.code)).toEqual(['outsideGuizhou']);

    const places = await importPlaces(csv([
      '编号,名称,类别,经度,纬度,范围',
      'P1,医院,医院,106.4,27.8,',
      'P1,医院,医院,106.4,27.8,',
      'P2,学校,学校,106.4,27.8,',
      'P2,学校二,学校,106.4,27.8,',
      'P3,广场,商圈,106.4,27.8,106.40 27.80; 106.41 27.80',
      'P4,远处,医院,107.9,27.8,',
    ]), { fileName: 'places.csv', county });
    if (!places.ok) throw new Error(places.message);
    expectCoded(places.value.problems);
    expect(new Set(places.value.problems.map((p) => p.code))).toEqual(new Set(['exactRepeat', 'conflictingDuplicate', 'tooFewPoints', 'outsideCounty']));
    for (const text of wordedZh(places.value.problems)) expect(text).not.toMatch(english);

    const olts = await importOlts(csv(['编号,名称,经度,纬度,状态', 'O1,局一,106.4,27.8,', 'O2,局二,106.4,27.8,现网', 'O2,局二,106.4,27.8,现网', 'O3,局三,107.9,27.8,现网']), { fileName: 'olt.csv', county });
    if (!olts.ok) throw new Error(olts.message);
    expectCoded(olts.value.problems);
    expect(new Set(olts.value.problems.map((p) => p.code))).toEqual(new Set(['noStatus', 'exactRepeat', 'outsideCounty']));
    for (const text of wordedZh(olts.value.problems)) expect(text.replace('OLT', ''), text).not.toMatch(english); // OLT is the planners' word (glossary)
  });

  it('whole-file failures a planner meets first carry a reason too: no name column, no coordinates, an empty file', async () => {
    for (const [bytes, code] of [[csv(['经度,纬度', '106.4,27.8']), 'noNameColumn'], [csv(['站名,挂高', '站一,35']), 'noLonLatColumns'], [new Uint8Array(0), 'emptyFile']] as const) {
      const r = await importSites(bytes, { fileName: 'x.csv' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason?.code).toBe(code);
      expect(zh.problemReason({ reason: r.message, ...r.reason! })).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a file that is not what its name says is refused with a coded reason, worded in Chinese', async () => {
    const text = (t: string) => new TextEncoder().encode(t);
    const cases: [string, Uint8Array, string][] = [
      ['x.csv', Uint8Array.of(0x53, 0x00, 0x01, 0x02, 0x0a, 0x00), 'binaryNotCsv'],
      ['x.kmz', text('not a zip at all'), 'notKmz'],
      ['x.kmz', zipSync({ 'readme.txt': text('no kml here') }), 'kmzNoKml'],
      ['x.xlsx', text('not a workbook'), 'notXlsx'],
      ['x.geojson', text('{"type": "FeatureCollection", "features": [}'), 'notJson'],
      ['x.geojson', text('{"type": "Topology"}'), 'notGeoJson'],
      ['x.geojson', text('{"type": "FeatureCollection", "features": [{"type": "Feature"}, 3]}'), 'notGeoJsonFeature'],
      ['x.kml', text('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "b">]><kml/>'), 'xmlEntities'],
      ['x.kml', text('<?xml version="1.0"?><gpx></gpx>'), 'notKml'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const r = await importSites(bytes, { fileName });
      expect(r.ok, `${fileName} ${code}`).toBe(false);
      if (r.ok) continue;
      expect(r.reason?.code, `${fileName}: ${r.message}`).toBe(code);
      const worded = zh.problemReason({ reason: r.message, ...r.reason! });
      expect(worded, code).not.toBe(r.message);
      expect(worded, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
