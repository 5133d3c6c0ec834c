import { describe, expect, it } from 'vitest';
import { PLACE_CATEGORIES } from '../../../core/model/place';
import { defaultProjectSettings } from '../../../core/model/project';
import { DEFAULT_SCORING_SETTINGS, kpiStatus, resolveScoringSettings } from '../../../core/scoring';

describe('scoring settings', () => {
  it('has a target, weight and source for every place category', () => {
    for (const c of PLACE_CATEGORIES) {
      const t = DEFAULT_SCORING_SETTINGS.places[c];
      expect(t.weight, c).toBeGreaterThan(0);
      expect(t.provenance.cites.length, c).toBeGreaterThan(0);
    }
    expect(DEFAULT_SCORING_SETTINGS.places.line.minShare).toBe(0.95);
    expect(DEFAULT_SCORING_SETTINGS.kpis.sitesPer10k).toMatchObject({ target: 33, amberFrom: 12 });
    expect(DEFAULT_SCORING_SETTINGS.kpis.keyPlaceReach.provenance).toMatchObject({ isUnverified: true, cites: [{ source: 'dualGigabitPlan' }] });
    expect(DEFAULT_SCORING_SETTINGS.kpis.popCoverageOutdoor.provenance.isEstimate).toBe(true);
  });

  it('overlays Project.settings.scoring on the defaults, field by field', () => {
    const s = resolveScoringSettings({ ...defaultProjectSettings(), scoring: { places: { hospital: { weight: 8 } }, kpis: { sitesPer10k: { target: 26 } } } });
    expect(s.places.hospital).toMatchObject({ weight: 8, environment: 'indoor', rsrpDbm: -105 });
    expect(s.kpis.sitesPer10k).toMatchObject({ target: 26, amberFrom: 12 });
    // a figure the planner changed cites the project settings, not the default's source
    expect(s.kpis.sitesPer10k.provenance).toEqual({ cites: [{ source: 'projectSettings' }] });
    expect(s.places.hospital.provenance).toEqual({ cites: [{ source: 'projectSettings' }] });
    expect(s.places.school.provenance).toBe(DEFAULT_SCORING_SETTINGS.places.school.provenance);
    expect(s.places.school.weight).toBe(DEFAULT_SCORING_SETTINGS.places.school.weight);
    expect(resolveScoringSettings().baseline).toEqual(DEFAULT_SCORING_SETTINGS.baseline);
  });

  it('names the bad override', () => {
    expect(() => resolveScoringSettings({ ...defaultProjectSettings(), scoring: { places: { scenic: { minShare: 2 } } } })).toThrow(/places\.scenic\.minShare/);
    expect(() => resolveScoringSettings({ ...defaultProjectSettings(), scoring: { urbanDensityPerKm2: 100 } })).toThrow(/urbanDensityPerKm2/);
  });

  it('colours KPIs: green at target, amber from amberFrom (default 90 % of target), red below', () => {
    const t = { target: 0.95, provenance: { cites: [], isUnverified: true } };
    expect(kpiStatus(0.95, t)).toBe('green');
    expect(kpiStatus(0.86, t)).toBe('amber');
    expect(kpiStatus(0.85, t)).toBe('red');
    expect(kpiStatus(NaN, t)).toBe('none');
    const sites = DEFAULT_SCORING_SETTINGS.kpis.sitesPer10k;
    expect([kpiStatus(33, sites), kpiStatus(12, sites), kpiStatus(11.9, sites)]).toEqual(['green', 'amber', 'red']);
  });
});
