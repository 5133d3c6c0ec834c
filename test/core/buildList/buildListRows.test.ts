import { describe, expect, it } from 'vitest';
import { buildListCostSources, buildListRows } from '../../../core/buildList';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import type { FibreUpgradeRow } from '../../../core/ftth';
import { smallProject } from '../../geodata/project/smallProject';

const RENHUAI = { zh: '仁怀市', en: 'Renhuai' };

const cards: FibreUpgradeRow = {
  kind: 'fibre', label: { kind: 'xgsCards', oltName: 'OLT A' }, type: 'xgs_line_card', lonDeg: 106.4, latDeg: 27.8,
  householdsGained: 245.4, xgsPortsAdded: 2, costCny: 11_000, isCostEstimate: true, splitScheme: '1:4x1:16',
  detail: { kind: 'xgsCards', ports: 2, portCostCny: 5500, splitScheme: '1:4x1:16', reachKm: 20.5, budgetClass: 'N2' },
};

describe('buildListRows', () => {
  it('lists planned and proposed sites and planned OLTs as codes, not existing sites or candidates', () => {
    const p = smallProject();
    const rows = buildListRows(p, { countyName: RENHUAI });
    expect(rows.map((r) => [r.kind, r.id, r.type, r.buildMethod, r.status])).toEqual([
      ['site', 'S1', 'macro', 'new-tower', 'planned'],
      ['fibre', 'O2', 'olt', 'new-build', 'planned'],
      ['site', 'S2', 'micro', 'smart-pole', 'proposed'],
    ]);
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ costWanCny: 32, isCostEstimated: false, countyName: RENHUAI, countyCode: '520382', heightAglM: 35, band: 'n78', azimuthsDeg: [0, 120, 240] });
    // a site without a cost is priced from the project's unit-cost table, an estimate
    expect(rows[2]).toMatchObject({ costWanCny: DEFAULT_COST_TABLE.micro['smart-pole']!.costCny / 1e4, isCostEstimated: true, notes: '靠近学校' });
    expect(rows[1]).toMatchObject({ costWanCny: (8 * 5500) / 1e4, isCostEstimated: true, ports: { xgsPon: 8, gpon: 0 } });
  });

  it('prices from the planner\'s cost table, and marks a cost the site took from the table (an accepted suggestion) as an estimate', () => {
    const p = smallProject();
    p.settings.costs = { micro: { 'smart-pole': { costCny: 80_000 } } };
    expect(buildListRows(p).find((r) => r.id === 'S2')).toMatchObject({ costWanCny: 8, isCostEstimated: false });
    p.sites[0].isCostEstimate = true;
    expect(buildListRows(p).find((r) => r.id === 'S1')).toMatchObject({ costWanCny: 32, isCostEstimated: true });
  });

  it('takes gains, priorities and townships from extras, ranks by people per 万元, adds fibre upgrades with their label and detail', () => {
    const p = smallProject();
    p.places.push({ id: 'T1', name: '中枢街道', category: 'township', geometry: { type: 'Point', coordinates: [106.41, 27.80] } });
    p.sites[1].status = 'planned';
    const rows = buildListRows(p, {
      perSite: { S1: { newPeopleCovered: 3200, newAreaKm2: 1.2, placesServed: ['仁怀市人民医院'] }, S2: { newPeopleCovered: 1000 } },
      fibreUpgrades: [cards],
    });
    // S2: 1000 people / 5 万元 = 200 per 万元 beats S1: 3200 / 32 = 100.
    expect(rows.map((r) => r.id)).toEqual(['S2', 'S1', 'O2', 'F1']);
    expect(rows.find((r) => r.id === 'S1')).toMatchObject({ township: '中枢街道', newAreaKm2: 1.2, placesServed: ['仁怀市人民医院'] });
    expect(rows.find((r) => r.id === 'F1')).toMatchObject({
      kind: 'fibre', name: '', label: cards.label, type: 'xgs_line_card', buildMethod: 'card-upgrade', costWanCny: 1.1, isCostEstimated: true, status: 'proposed', detail: cards.detail,
    });
    const forced = buildListRows(p, { perSite: { S1: { priority: 1 } } });
    expect(forced[0].id).toBe('S1');
  });

  it('never lists negative new people or area, keeps interference losses apart, and rounds for people', () => {
    const p = smallProject();
    const rows = buildListRows(p, { perSite: { S1: { newPeopleCovered: -41.4, newAreaKm2: -0.0025, peopleLostToInterference: 72.4 }, S2: { newPeopleCovered: 120.6, peopleLostToInterference: 0.2 } } });
    expect(rows.find((r) => r.id === 'S1')).toMatchObject({ newPeopleCovered: 0, newAreaKm2: 0, peopleLostToInterference: 72 });
    const s2 = rows.find((r) => r.id === 'S2')!;
    expect(s2.newPeopleCovered).toBe(121);
    expect(s2.peopleLostToInterference).toBeUndefined();
    expect(Object.is(rows.find((r) => r.id === 'S1')!.newAreaKm2, -0)).toBe(false);
  });

  it('checks its argument', () => {
    expect(() => buildListRows({} as never)).toThrow(RangeError);
  });
});

describe('buildListCostSources', () => {
  it('cites every unit cost of the table and the fibre settings, the planner\'s overrides as project settings', () => {
    const p = smallProject();
    const all = buildListCostSources(p);
    expect(all.find((c) => c.type === 'macro' && c.method === 'shared-tower')).toMatchObject({ unitCny: 325_000, provenance: { isEstimate: true } });
    expect(all.find((c) => c.type === 'xgs_line_card')).toMatchObject({ unitCny: 5500, provenance: { isEstimate: true } });
    p.settings.costs = { micro: { 'smart-pole': { costCny: 80_000, source: '运营商2026年集采价' } } };
    p.settings.fibre = { costs: { odnRuralPerHomeCny: 900 } };
    const given = buildListCostSources(p);
    expect(given.find((c) => c.type === 'micro' && c.method === 'smart-pole')?.provenance).toEqual({ cites: [{ source: 'projectSettings' }], text: '运营商2026年集采价' });
    expect(given.find((c) => c.type === 'odnRural')).toMatchObject({ unitCny: 900, provenance: { cites: [{ source: 'projectSettings' }] } });
  });
});
