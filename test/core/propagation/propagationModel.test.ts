import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROPAGATION_MODEL,
  hataPropagationModel,
  LAND_USE,
  LAND_USE_CLASS_COUNT,
  landUseOfDensity,
  linkLossDb,
  normalQuantile,
  p2108TerminalLossDb,
  parsePropagationModel,
  referenceClutterLossDb,
  referencePropagationModel,
  shadowMarginDb,
  standardNormalCdf,
  summarisePropagationModel,
  type LinkGeometry,
} from '../../../core/propagation';
import { cost231HataDb } from '../../../core/radio/cost231Hata';
import { pathLossRmaDb } from '../../../core/radio/pathLoss38901';

/** A boresight link on flat open ground: only the distance, height and frequency terms act. */
function openLink(d3DM: number, hEffM: number, freqGhz: number): LinkGeometry {
  return {
    d3DM, hEffM, freqGhz, terrainDiffractionDb: 0, surfaceDiffractionDb: 0, clutterShares: new Float64Array(LAND_USE_CLASS_COUNT),
    azimuthOffDeg: 0, verticalOffDeg: 0, isOmni: false, horizontalBeamwidthDeg: 65, verticalBeamwidthDeg: 10, ueHeightM: 1.5,
  };
}

describe('ITU-R P.2108 §3.1 terminal clutter loss', () => {
  it('gives the reference values (eq. 2a buildings and trees, 2b open land) and 0 at or above the clutter', () => {
    // hand-checked: urban R 15 m at 2.6 GHz, h 1.5 m: h_dif 13.5, θ = atan(13.5/27) = 26.57°, ν = 0.342·√2.6·√(13.5·26.57) = 10.43, J = 33.24
    expect(p2108TerminalLossDb(2.6, 1.5, 15, '2a')).toBeCloseTo(27.21, 1);
    // eq. 2b: −(21.8 + 6.2 log10 2.6)·log10(1.5/10) = 24.37 × 0.824 = 20.08
    expect(p2108TerminalLossDb(2.6, 1.5, 10, '2b')).toBeCloseTo(20.08, 1);
    expect(p2108TerminalLossDb(2.6, 25, 20, '2a')).toBe(0);
    expect(referenceClutterLossDb(LAND_USE.open, 3.5, 1.5)).toBe(0);
    expect(referenceClutterLossDb(LAND_USE.denseUrban, 2.6, 1.5)).toBeGreaterThan(referenceClutterLossDb(LAND_USE.urban, 2.6, 1.5));
    expect(p2108TerminalLossDb(NaN, 1.5, 10, '2a')).toBeNaN();
  });

  it('classes land use from population density (Degree of Urbanisation thresholds, dense urban [EST])', () => {
    expect([0, 49, 50, 299, 300, 1499, 1500, 2999, 3000, NaN].map(landUseOfDensity)).toEqual([2, 2, 4, 4, 5, 5, 6, 6, 7, 0]);
  });
});

describe('reference forms as members of the family', () => {
  it('is TR 38.901 RMa LOS PL1 (h = 5 m) within 1.4 dB below the knee', () => {
    const m = referencePropagationModel();
    // below the RMa breakpoint (2.9 km at 2.6 GHz for 35 m / 1.5 m), where PL1 holds
    for (const [d, f] of [[100, 3.5], [500, 2.6], [1000, 3.5]]) {
      const hBs = 35;
      const d2 = Math.sqrt(d * d - (hBs - 1.5) ** 2);
      const expected = pathLossRmaDb(d2, hBs, 1.5, f, true);
      const got = linkLossDb(m, openLink(d, hBs, f));
      expect(Math.abs(got - expected)).toBeLessThan(1.41);
    }
  });

  it('is COST-231 Hata (urban) exactly', () => {
    const m = hataPropagationModel(1800, 1.5);
    for (const d of [200, 1000, 3000]) {
      expect(linkLossDb(m, openLink(d, 30, 1.8))).toBeCloseTo(cost231HataDb(d, 30, 1.5, 1800), 6);
    }
  });

  it('adds the 3GPP sector pattern with its 30 dB floor, and the weighted terrain and clutter diffraction', () => {
    const m = referencePropagationModel();
    const base = linkLossDb(m, openLink(800, 30, 3.5));
    expect(linkLossDb(m, { ...openLink(800, 30, 3.5), azimuthOffDeg: 65 / 2 })).toBeCloseTo(base + 3, 6);
    expect(linkLossDb(m, { ...openLink(800, 30, 3.5), azimuthOffDeg: 180, verticalOffDeg: 20 })).toBeCloseTo(base + 30, 6);
    expect(linkLossDb(m, { ...openLink(800, 30, 3.5), terrainDiffractionDb: 12, surfaceDiffractionDb: 20 })).toBeCloseTo(base + 20, 6);
    const d = DEFAULT_PROPAGATION_MODEL;
    const dBase = linkLossDb(d, openLink(800, 30, 3.5));
    expect(linkLossDb(d, { ...openLink(800, 30, 3.5), terrainDiffractionDb: 12, surfaceDiffractionDb: 20 })).toBeCloseTo(dBase + 12 + 8 * d.kFactors.clutterDiffraction, 6);
  });

  it('takes the clutter term from the neighbourhood shares: reference plus correction, weighted', () => {
    const d = DEFAULT_PROPAGATION_MODEL;
    const shares = new Float64Array(LAND_USE_CLASS_COUNT);
    shares[LAND_USE.urban] = 0.75;
    shares[LAND_USE.open] = 0.25;
    const got = linkLossDb(d, { ...openLink(800, 30, 2.6), clutterShares: shares }) - linkLossDb(d, openLink(800, 30, 2.6));
    expect(got).toBeCloseTo(0.75 * (referenceClutterLossDb(LAND_USE.urban, 2.6, 1.5) + d.clutterCorrectionDb.urban) + 0.25 * d.clutterCorrectionDb.open, 6);
  });
});

describe('location probability', () => {
  it('gives the normal quantiles and the shadow margin z(p)·σ', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 3);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 3);
    expect(normalQuantile(0.75)).toBeCloseTo(0.6745, 3);
    expect(shadowMarginDb(0.5, 8)).toBe(0);
    expect(shadowMarginDb(0.95, 8)).toBeCloseTo(13.16, 2);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => shadowMarginDb(0.9, -1)).toThrow(/sigmaDb/);
  });
});

describe('model records', () => {
  it('parses its own JSON back and names the bad field of a damaged one', () => {
    const text = JSON.stringify(DEFAULT_PROPAGATION_MODEL);
    expect(parsePropagationModel(JSON.parse(text))).toEqual(DEFAULT_PROPAGATION_MODEL);
    const bad = JSON.parse(text);
    bad.kFactors.offsetDb = 'x';
    expect(() => parsePropagationModel(bad)).toThrow('model.kFactors.offsetDb must be a finite number');
    expect(() => parsePropagationModel({ format: 'qcplan-rsrp-calibration' })).toThrow(/earlier version/);
    expect(() => parsePropagationModel(null)).toThrow(/JSON object/);
  });

  it('summarises a model for qcplan info and the legend', () => {
    const s = summarisePropagationModel(DEFAULT_PROPAGATION_MODEL);
    expect(s.name).toBe(DEFAULT_PROPAGATION_MODEL.name);
    expect(s.source).toMatch(/^default: 2019 Huawei contest cells/);
    expect(s.heldOutRmseDb).toBeCloseTo(DEFAULT_PROPAGATION_MODEL.fit!.heldOut.rmseDb, 2);
    expect(summarisePropagationModel(referencePropagationModel())).toMatchObject({ source: 'reference', heldOutRmseDb: null, pcrr: null, sigmaDb: 8 });
  });
});
