import { describe, expect, it } from 'vitest';
import type { BuildListRow } from '../../../core/buildList';
import type { FibreUpgradeDetail } from '../../../core/ftth';
import { cnyToWan, formatterFor, roundCount, roundDeg, roundKm2, roundWan } from '../../../core/text';

const zh = formatterFor('zh');
const en = formatterFor('en');

/** Chinese text with no ASCII word of three or more letters but the technical terms planners write as they are. */
// file formats are named as planners write them (KML文件, Excel工作簿)
const TERMS = /^(ODN|OLT|PON|GPON|XGS|dBm|dB|SS|RSRP|SINR|km|MHz|GHz|Mbit|ECharts|WGS|GCJ|CGCS|NR|TR|TS|ITU|ETSI|DL|UL|AAU|FDD|TDD|C114|MB|CSV|ZIP|KMZ|KML|XLSX|Excel|XML|JSON|GeoJSON|PCI|EPSG)$/;
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !TERMS.test(w));
}

describe('formatter', () => {
  it('writes local date and time as a reader expects', () => {
    const d = new Date(2026, 11, 7, 11, 58, 29);
    expect(zh.dateTime(d)).toBe('2026年12月7日 11:58');
    expect(en.dateTime(d)).toBe('7 December 2026, 11:58');
    expect(zh.dateTime(new Date(2026, 0, 2, 8, 5))).toBe('2026年1月2日 08:05');
    expect(() => zh.dateTime(new Date(NaN))).toThrow(RangeError);
  });

  it('cites a source by public title, issuing body, document number, year and section, with the marks', () => {
    expect(zh.citation({ source: 'signalUpgrade', section: { zh: '2025年目标', en: '2025 targets' } }))
      .toBe('《关于开展“信号升格”专项行动的通知》（工信部联通信〔2023〕257号，工业和信息化部等十一部门，2024年），2025年目标');
    expect(en.citation({ source: 'ictPlan14' })).toBe('14th Five-Year Plan for the Information and Communication Industry (MIIT, 2021)');
    const p = { cites: [{ source: 'dualGigabitPlan' }], isUnverified: true, isEstimate: true, note: { zh: '说明', en: 'note' } };
    expect(zh.provenance(p)).toBe('《“双千兆”网络协同发展行动计划（2021-2023年）》（工业和信息化部，2021年）；说明（估、待核实）');
    expect(en.provenance(p, { marks: false })).toBe('“Dual Gigabit” Network Coordinated Development Action Plan (2021-2023) (Ministry of Industry and Information Technology (MIIT), 2021); note');
    expect(zh.provenance({ cites: [{ source: 'projectSettings' }], text: '集采价' })).toBe('项目设置（规划人员填写）（本项目）；规划人员填写：集采价');
    expect(zh.citation({ source: 'unknown-id' })).toBe('unknown-id');
    expect(zh.markLegend().join('')).toMatch(/^估：.*待核实：.*模型：/);
  });

  it('names generated fibre upgrades and words their notes in Chinese or English', () => {
    const row = (label: BuildListRow['label'], detail?: FibreUpgradeDetail): BuildListRow => ({
      kind: 'fibre', id: 'F1', name: '', label, type: 'new_odn', buildMethod: 'new-build', lonDeg: 0, latDeg: 0, countyCode: '520382',
      azimuthsDeg: [], mechanicalTiltsDeg: [], electricalTiltsDeg: [], placesServed: [], costWanCny: 1, isCostEstimated: true, priority: 1,
      status: 'proposed', notes: '', detail,
    });
    const area: FibreUpgradeDetail = {
      kind: 'area', isUrban: false, splitScheme: '1:4x1:16', ports: 3, portCostCny: 5500, homes: 123.6, odnPerHomeCny: 1300,
      feeder: { kind: 'beyondReach', nearestOltKm: 31.25 },
    };
    expect(zh.rowName(row({ kind: 'odnArea', index: 3 }))).toBe('ODN分区3');
    expect(zh.rowName(row({ kind: 'newOlt', index: 1 }))).toBe('新建OLT局点1');
    expect(zh.rowName(row({ kind: 'xgsCards', oltName: '城区北局' }))).toBe('城区北局：10G-PON板卡升级');
    expect(en.rowName(row({ kind: 'odnArea', index: 3 }))).toBe('ODN area 3');
    const note = zh.rowNotes(row({ kind: 'newOlt', index: 1 }, area));
    expect(note).toBe('农村分区，分光 1:4x1:16；10G-PON端口 3 个 × 5,500 元 + 124 户 × ODN 1,300 元（估）；最近的OLT路由距离 31.3 公里，超出光功率预算；机房、电源与站址费用未计入');
    expect(englishWords(note)).toEqual([]);
    for (const detail of [
      { kind: 'xgsCards', ports: 2, portCostCny: 5500, splitScheme: '1:64', reachKm: 18.5, budgetClass: 'N2' },
      { kind: 'xgsCapacity', gigabitHouseholds: 900.4, takeRate: 0.3, portsNeeded: 9, portsInstalled: 4, portsShort: 5, portCostCny: 5500 },
      { ...area, isUrban: true, feeder: { kind: 'olt', oltName: '城区北局', distanceKm: 3.04, isCardsCostedHere: true } },
      { ...area, feeder: { kind: 'newOlt', index: 2, distanceKm: 5.5 } },
    ] as FibreUpgradeDetail[]) {
      expect(englishWords(zh.words.buildList.fibreDetail(detail, zh.n)), detail.kind).toEqual([]);
      expect(en.words.buildList.fibreDetail(detail, en.n).replace('城区北局', '')).toMatch(/^[\x20-\x7e×¥]+$/);
    }
  });

  it('words every import problem code in Chinese without English, and falls back to the reader\'s text for an unknown code', () => {
    const cases: [string, Record<string, string | number>][] = [
      ['required', {}], ['notNumber', { value: '1O6.40' }], ['outOfRange', { value: 500, min: 0, max: 300 }], ['notWholeNumber', { value: 1.5 }],
      ['listItemNotNumber', { value: 'x', min: 0, max: 360 }], ['notOneOf', { value: 'tower', vocabulary: 'siteKind' }],
      ['notOneOf', { value: 'x', vocabulary: 'buildMethod' }], ['notOneOf', { value: 'x', vocabulary: 'band' }],
      ['notOneOf', { value: 'x', vocabulary: 'placeCategory' }], ['notOneOf', { value: 'x', vocabulary: 'siteStatus' }],
      ['notLonLatPairs', { value: '1;2' }], ['lonLatNotNumbers', {}], ['outsideChina', { lon: 160, lat: 27.8 }], ['noCoordinates', {}],
      ['vertexAxesSwapped', { lon: 27.8, lat: 106.4 }], ['lonLatSwapped', { lon: '27.8', lat: '106.4' }], ['geometrySwapped', {}],
      ['wrongGeometry', { expected: 'point', got: 'Polygon' }], ['wrongGeometry', { expected: 'pointPolygonLine', got: 'GeometryCollection' }],
      ['listCountVsAzimuths', { count: 2, azimuths: 3, decimalCommaHint: 1 }], ['listWithoutAzimuths', { count: 3, azimuths: 0, decimalCommaHint: 0 }],
      ['heightOutOfRange', { value: 5, min: 10, max: 150, kind: 'macro' }], ['noStatus', {}], ['tooManySectors', { count: 13, max: 12 }],
      ['mergedTooManySectors', { key: '站八', firstRow: 2, count: 13, max: 12 }], ['outsideCounty', { what: 'place', name: '远站', distanceKm: '12.3', county: '仁怀市' }],
      ['outsideCountyKept', { what: 'site', name: '远站', distanceKm: '12.3', county: '仁怀市' }],
      ['outsideGuizhou', { lon: 111.5, lat: 27.8, lonMin: 103, lonMax: 110, latMin: 24, latMax: 30 }], ['costOutOfRange', { value: 2e9, min: 0, max: 1e9 }],
      ['conflictingDuplicate', { what: 'site', key: '站六', firstRow: 2, row: 3, differences: '挂高 35 ≠ 40' }], ['exactRepeat', { what: 'place', key: 'P1', firstRow: 2 }],
      ['tooFewPoints', { need: 3, got: 2, shape: 'area' }], ['outlinePoint', { inner: 'outsideChina', lon: 160, lat: 27 }],
      ['duplicateSite', { key: 'S1', distanceM: 150, firstRow: 2 }],
      ['duplicateId', { id: 'Z1', firstRow: 2 }], ['keyPoint', { inner: 'outsideChina', lon: 160, lat: 27 }],
      ['noNameColumn', { found: '经度, 纬度' }], ['noLonLatColumns', { found: '站名' }], ['emptyFile', {}], ['tooLarge', { sizeMb: '230.1', maxMb: 200 }],
      ['tooManyRows', { count: 250_001, max: 250_000 }], ['tooManyPositions', { count: 6e6, max: 5e6 }], ['lineTooLong', { line: 3, sizeMb: '2.5', maxMb: 1 }],
      ['binaryNotCsv', {}], ['notZip', {}], ['notKmz', {}], ['notXlsx', {}], ['zipTooManyEntries', { count: 20_000, max: 10_000 }], ['zipForged', {}],
      ['zipTooLarge', { sizeMb: '5000.0', maxMb: 500 }], ['zipEntryBroken', {}], ['kmzNoKml', {}], ['noWorksheet', {}], ['worksheetsEmpty', {}],
      ['xmlEntities', {}], ['notKml', {}], ['notJson', {}], ['jsonTooDeep', { max: 64 }], ['notGeoJson', {}], ['notGeoJsonFeature', { index: 3 }],
      ['noRsrp', {}], ['noGpsFix', {}], ['noServingCell', {}], ['contestNeedsCrs', {}], ['contestNoRsrp', {}],
    ];
    for (const [code, params] of cases) {
      const text = zh.problemReason({ reason: 'english', code, params });
      expect(text, code).not.toBe('english');
      expect(englishWords(text.replace(String(params.value ?? ''), '').replace(String(params.found ?? ''), '')), `${code}: ${text}`).toEqual([]);
      expect(en.problemReason({ reason: 'x', code, params }), code).not.toBe('x');
    }
    expect(zh.problemReason({ reason: "'1O6.40' is not a number", code: 'notNumber', params: { value: '1O6.40' } })).toBe('“1O6.40”不是数字');
    expect(zh.problemReason({ reason: 'something new', code: 'notYetCoded' })).toBe('something new');
  });

  it('formats numbers and rounds them for people once', () => {
    expect(zh.n.integer(52257.6)).toBe('52,258');
    expect(zh.n.percent(0.3261)).toBe('32.6%');
    expect(en.n.wan(2_172_500)).toBe('217.25');
    expect(zh.n.fixed(NaN, 1)).toBe('–');
    expect(roundWan(2.1725000000000003)).toBe(2.17);
    expect(cnyToWan(325_000)).toBe(32.5);
    expect(roundDeg(106.41391691864833)).toBe(106.413917);
    expect(roundKm2(-0.0025)).toBe(0);
    expect(Object.is(roundKm2(-0.0025), -0)).toBe(false);
    expect(roundCount(-0.4)).toBe(0);
  });
});
