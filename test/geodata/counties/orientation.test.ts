import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GUIZHOU_COUNTIES, OUTSIDE_COUNTIES, countyByCode, countySeat, findCounties, orientationOf } from '../../../geodata/counties';

describe('county orientation', () => {
  it('gives 威宁 its Guizhou and Yunnan neighbours with outlines, labels and seats inside them', () => {
    const o = orientationOf('520526')!;
    expect(o.seat).toMatchObject({ code: '520526', shortName: '威宁', seatLabelZh: '威宁县城', isInGuizhou: true });
    expect(o.neighbours.map((n) => n.shortName)).toEqual(['钟山', '水城', '赫章', '会泽', '宣威', '昭阳', '鲁甸', '彝良']);
    expect(o.neighbours.filter((n) => !n.isInGuizhou).every((n) => n.province === '云南省')).toBe(true);
    for (const n of o.neighbours) {
      expect(n.boundary.type).toBe('MultiPolygon');
      expect(booleanPointInPolygon(point(n.seatLonLat), n.boundary), n.name).toBe(true);
    }
    expect(o.source).toMatch(/about 2016/);
    expect(orientationOf('999999')).toBeUndefined();
  });

  it('finds a neighbour across the border for every county on it, and outside counties only through neighbours', () => {
    const referenced = new Set(GUIZHOU_COUNTIES.flatMap((c) => c.neighbourCodes.filter((k) => !k.startsWith('52'))));
    expect(referenced).toEqual(new Set(OUTSIDE_COUNTIES.map((c) => c.code)));
    const songtao = orientationOf('520628')!.neighbours.filter((n) => !n.isInGuizhou);
    expect(songtao.map((n) => n.shortName)).toEqual(expect.arrayContaining(['秀山', '花垣']));
    expect(new Set(songtao.map((n) => n.province))).toEqual(new Set(['湖南省', '重庆市']));
  });

  it('words the seat by the kind of unit', () => {
    expect(countySeat(countyByCode('520526')!)).toMatchObject({ nameZh: '县城', nameEn: 'the county seat' });
    expect(countySeat(countyByCode('520382')!)).toMatchObject({ nameZh: '市区', nameEn: 'the city centre', labelZh: '仁怀市区' });
    expect(countySeat(countyByCode('520203')!)).toMatchObject({ nameZh: '城区', labelZh: '六枝城区' });
  });

  it('finds counties by code, name, short name or English name', () => {
    const codes = (q: string) => findCounties(GUIZHOU_COUNTIES, q).map((c) => c.code);
    expect(codes('520526')).toEqual(['520526']);
    expect(codes('威宁')).toEqual(['520526']);
    expect(codes('威宁彝族回族苗族自治县')).toEqual(['520526']);
    expect(codes('renhuai city')).toEqual(['520382']);
    expect(codes('Renhuai')).toEqual(['520382']);
    expect(codes('不存在')).toEqual([]);
    expect(codes('南').length).toBeGreaterThan(1);
  });
});
