import { describe, expect, it } from 'vitest';
import { buildListRows, defaultSiteCostCny } from '../../../core/buildList';
import { smallProject } from '../../geodata/project/smallProject';

describe('buildListRows', () => {
  it('lists planned and proposed sites and planned OLTs, not existing sites or candidates', () => {
    const p = smallProject();
    const rows = buildListRows(p, { countyName: '仁怀市' });
    expect(rows.map((r) => [r.kind, r.id, r.type, r.buildMethod, r.status])).toEqual([
      ['site', 'S1', '宏站', '新建', '规划'],
      ['fibre', 'O2', 'OLT新建', '新建', '规划'],
      ['site', 'S2', '微站', '智慧杆', '建议'],
    ]);
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3]);
    const s1 = rows[0];
    expect(s1).toMatchObject({ costWanCny: 32, isCostEstimated: false, countyName: '仁怀市', countyCode: '520382', heightAglM: 35, band: 'n78', azimuthsDeg: [0, 120, 240] });
    expect(rows[2]).toMatchObject({ costWanCny: defaultSiteCostCny('micro', 'smart-pole') / 1e4, isCostEstimated: true, notes: '靠近学校' });
    expect(rows[1]).toMatchObject({ costWanCny: (8 * 5500) / 1e4, isCostEstimated: true });
  });

  it('takes gains, priorities and townships from extras, ranks by people per 万元, adds fibre upgrades', () => {
    const p = smallProject();
    p.places.push({ id: 'T1', name: '中枢街道', category: 'township', geometry: { type: 'Point', coordinates: [106.41, 27.80] } });
    p.sites[1].status = 'planned';
    const rows = buildListRows(p, {
      perSite: { S1: { newPeopleCovered: 3200, newAreaKm2: 1.2, placesServed: ['仁怀市人民医院'] }, S2: { newPeopleCovered: 1000 } },
      fibreUpgrades: [{ id: 'F1', name: '盐津小区', upgrade: '老旧小区ODN改造', buildMethod: '改造', lonDeg: 106.4, latDeg: 27.79, costCny: 180_000, status: 'proposed', newPeopleCovered: 900 }],
    });
    // S2: 1000 people / 5 万元 = 200 per 万元 beats S1: 3200 / 32 = 100.
    expect(rows.map((r) => r.id)).toEqual(['S2', 'S1', 'O2', 'F1']);
    expect(rows.find((r) => r.id === 'S1')).toMatchObject({ township: '中枢街道', newAreaKm2: 1.2, placesServed: ['仁怀市人民医院'] });
    expect(rows.find((r) => r.id === 'F1')).toMatchObject({ kind: 'fibre', type: '老旧小区ODN改造', costWanCny: 18, status: '建议' });
    const forced = buildListRows(p, { perSite: { S1: { priority: 1 } } });
    expect(forced[0].id).toBe('S1');
  });

  it('checks its argument', () => {
    expect(() => buildListRows({} as never)).toThrow(RangeError);
  });
});
