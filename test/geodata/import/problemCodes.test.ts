import { strToU8 } from 'fflate';
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
    expect(new Set(r.value.problems.map((p) => p.code))).toEqual(new Set(['notNumber', 'outOfRange', 'notOneOf', 'outsideChina', 'lonLatSwapped', 'listItemNotNumber', 'listLengthsDiffer', 'required', 'duplicateSite']));
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

  it('whole-file failures a planner meets first carry a reason too: no name column, no coordinates, an empty file', async () => {
    for (const [bytes, code] of [[csv(['经度,纬度', '106.4,27.8']), 'noNameColumn'], [csv(['站名,挂高', '站一,35']), 'noLonLatColumns'], [new Uint8Array(0), 'emptyFile']] as const) {
      const r = await importSites(bytes, { fileName: 'x.csv' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason?.code).toBe(code);
      expect(zh.problemReason({ reason: r.message, ...r.reason! })).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
