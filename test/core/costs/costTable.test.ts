import { describe, expect, it } from 'vitest';
import { costTableFromSettings, DEFAULT_COST_TABLE, siteCostCny } from '../../../core/costs';
import { SITE_KINDS } from '../../../core/model';

describe('cost table', () => {
  it('labels every default as an estimate citing the tool\'s estimate, inside its range', () => {
    for (const kind of SITE_KINDS) {
      for (const entry of Object.values(DEFAULT_COST_TABLE[kind])) {
        expect(entry.provenance.isEstimate).toBe(true);
        expect(entry.provenance.cites[0]).toEqual({ source: 'toolEstimate' });
        expect(entry.provenance.note?.zh).toBeTruthy();
        expect(entry.costCny).toBeGreaterThanOrEqual(entry.rangeCny[0]);
        expect(entry.costCny).toBeLessThanOrEqual(entry.rangeCny[1]);
      }
    }
  });
  it('lays project overrides over the defaults', () => {
    const t = costTableFromSettings({ costs: { micro: { 'smart-pole': { costCny: 60_000, source: 'tender 2025-03' } } } });
    expect(t.micro['smart-pole']).toMatchObject({ costCny: 60_000, provenance: { cites: [{ source: 'projectSettings' }], text: 'tender 2025-03' } });
    expect(t.micro['smart-pole']!.provenance.isEstimate).toBeUndefined();
    expect(t.macro['new-tower']).toBe(DEFAULT_COST_TABLE.macro['new-tower']);
    expect(DEFAULT_COST_TABLE.micro['smart-pole']?.costCny).toBe(50_000);
  });
  it('names the bad path of a malformed costs section', () => {
    expect(() => costTableFromSettings({ costs: { micro: { 'smart-pole': { costCny: -1 } } } })).toThrow(/settings\.costs\.micro\.smart-pole\.costCny/);
    expect(() => costTableFromSettings({ costs: { giant: {} } })).toThrow(RangeError);
  });
  it('prices indoor systems per m² of floor when the area is known', () => {
    expect(siteCostCny(DEFAULT_COST_TABLE, 'indoor', 'indoor-system', { floorAreaM2: 2000 })?.costCny).toBe(80_000);
    expect(siteCostCny(DEFAULT_COST_TABLE, 'indoor', 'indoor-system')?.costCny).toBe(200_000);
    expect(siteCostCny(DEFAULT_COST_TABLE, 'indoor', 'new-tower')).toBeUndefined();
    expect(() => siteCostCny(DEFAULT_COST_TABLE, 'indoor', 'indoor-system', { floorAreaM2: 0 })).toThrow(/floorAreaM2/);
  });
});
