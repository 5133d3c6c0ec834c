import { describe, expect, it } from 'vitest';
import { defaultProjectSettings } from '../../../core/model';
import { resolveScoringSettings } from '../../../core/scoring';
import { costTableFromSettings } from '../../../core/costs';
import { resolveFibreSettings } from '../../../core/ftth';
import { projectSettingsSchema } from '../../../geodata/project/projectSettingsSchema';
import { formFromSettings, settingsFromForm } from '../../../renderer/settings/settingsForm';

describe('the project settings form', () => {
  it('shows the defaults in the planner\'s units and writes back nothing when nothing changed', () => {
    const settings = defaultProjectSettings();
    const form = formFromSettings(settings);
    expect(form.kpiTargets.popCoverageOutdoor).toBe(String(resolveScoringSettings(settings).kpis.popCoverageOutdoor.target * 100));
    expect(form.locationProbabilityPct).toBe('50');
    expect(form.baselineRsrpDbm).toBe(String(resolveScoringSettings(settings).baseline.rsrpDbm));
    const r = settingsFromForm(settings, form);
    expect(r).toEqual({ settings });
  });

  it('writes a changed threshold, target, cost, location probability and take rate as overrides the resolvers read', () => {
    const settings = defaultProjectSettings();
    const form = formFromSettings(settings);
    const r = settingsFromForm(settings, {
      ...form, baselineRsrpDbm: '-100', locationProbabilityPct: '95', takeRatePct: '45',
      kpiTargets: { ...form.kpiTargets, popCoverageOutdoor: '90' },
      siteCostsWan: { ...form.siteCostsWan, 'macro:shared-tower': '30' },
    });
    if (!('settings' in r)) throw new Error(JSON.stringify(r.error));
    const scoring = resolveScoringSettings(r.settings);
    expect(scoring.baseline.rsrpDbm).toBe(-100);
    expect(scoring.kpis.popCoverageOutdoor.target).toBeCloseTo(0.9, 12);
    expect(r.settings.radio.locationProbability).toBeCloseTo(0.95, 12);
    expect(resolveFibreSettings(r.settings.fibre).takeRate).toBeCloseTo(0.45, 12);
    expect(costTableFromSettings({ costs: r.settings.costs }).macro['shared-tower']!.costCny).toBe(300_000);
    expect(projectSettingsSchema.safeParse(r.settings).success).toBe(true);
    // the old settings are untouched (the store's state is never mutated)
    expect(settings.radio.locationProbability).toBeUndefined();
  });

  it('refuses a bad field with its range and changes nothing', () => {
    const settings = defaultProjectSettings();
    const form = formFromSettings(settings);
    expect(settingsFromForm(settings, { ...form, baselineRsrpDbm: '3O' })).toEqual({ error: { field: 'baselineRsrpDbm', min: -140, max: -60 } });
    expect(settingsFromForm(settings, { ...form, locationProbabilityPct: '100' })).toEqual({ error: { field: 'locationProbabilityPct', min: 1, max: 99 } });
    expect(settingsFromForm(settings, { ...form, siteCostsWan: { ...form.siteCostsWan, 'macro:new-tower': '-5' } })).toMatchObject({ error: { field: 'cost.macro:new-tower' } });
    expect(settingsFromForm(settings, { ...form, takeRatePct: '' })).toMatchObject({ error: { field: 'takeRatePct' } });
  });
});
