import { describe, expect, it } from 'vitest';
import {
  BAND_PRESETS,
  DEFAULT_THRESHOLDS,
  assertHataInputs,
  assertPathLossInputs,
  attenuatedShannonMbps,
  bearingDeg,
  breakpointDistancePrimeM,
  breakpointDistanceRmaM,
  bullingtonLossDb,
  cost231HataDb,
  deygoutLossDb,
  earthBulgeM,
  elevationAngleDeg,
  epreDbm,
  freeSpacePathLossDb,
  isLineOfSight,
  knifeEdgeLossDb,
  losProbability,
  o2iPenetrationLossDb,
  omniGainDbi,
  pathLossLosBlendDb,
  pathLossRmaDb,
  pathLossUmaDb,
  pathLossUmiDb,
  rsrpDbm,
  sampleProfileM,
  sectorGainDbi,
  sinrDb,
  thermalNoisePerReDbm,
} from '../../../core/radio';

const close = (a: number, b: number, tolDb = 0.01) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tolDb);

describe('TR 38.901 path loss at the edges of its ranges', () => {
  it('UMa LOS is continuous at the breakpoint d\'BP = 560 m (3.5 GHz)', () => {
    const dBp = breakpointDistancePrimeM(25, 1.5, 3.5);
    close(pathLossUmaDb(dBp, 25, 1.5, 3.5, true), pathLossUmaDb(dBp + 1e-6, 25, 1.5, 3.5, true));
    // at d2D = 560 m: 28 + 22 log10(sqrt(560² + 23.5²)) + 20 log10(3.5) (hand: 28 + 60.4739 + 10.8814)
    close(pathLossUmaDb(560, 25, 1.5, 3.5, true), 28 + 22 * Math.log10(Math.hypot(560, 23.5)) + 20 * Math.log10(3.5));
  });
  it('UMi LOS is continuous at d\'BP = 210 m and RMa at dBP', () => {
    close(pathLossUmiDb(210, 10, 1.5, 3.5, true), pathLossUmiDb(210.000001, 10, 1.5, 3.5, true));
    const dBp = breakpointDistanceRmaM(35, 1.5, 0.7);
    // PL2 uses PL1(dBP) at d3D = dBP, so it is continuous only up to the d3D/d2D difference: < 0.1 dB here
    expect(Math.abs(pathLossRmaDb(dBp, 35, 1.5, 0.7, true) - pathLossRmaDb(dBp + 1e-6, 35, 1.5, 0.7, true))).toBeLessThan(0.1);
  });
  it('evaluates at the range edges: 10 m, 5 km (UMa/UMi), 10 km RMa LOS, 0.5 GHz and 30/100 GHz', () => {
    // UMa LOS at d2D = 10 m, fc = 0.5 GHz: 28 + 22 log10(sqrt(100 + 23.5²)) + 20 log10(0.5) = 28 + 30.9586 − 6.0206
    close(pathLossUmaDb(10, 25, 1.5, 0.5, true), 52.9380);
    // UMi NLOS at 5 km, 100 GHz: NLOS' = 35.3 log10(5000.0072) + 22.4 + 21.3·2 = 130.5737 + 22.4 + 42.6
    close(pathLossUmiDb(5000, 10, 1.5, 100, false), 195.5737);
    // RMa at 10 km LOS and 30 GHz are finite and larger than at 5 km
    expect(pathLossRmaDb(10000, 35, 1.5, 3.5, true)).toBeGreaterThan(pathLossRmaDb(5000, 35, 1.5, 3.5, true));
    expect(Number.isFinite(pathLossRmaDb(1000, 35, 1.5, 30, false))).toBe(true);
  });
  it('NLOS is never below LOS and grows with distance', () => {
    for (const d of [10, 50, 300, 1000, 4000]) {
      expect(pathLossUmaDb(d, 25, 1.5, 3.5, false)).toBeGreaterThanOrEqual(pathLossUmaDb(d, 25, 1.5, 3.5, true));
      expect(pathLossUmiDb(d, 10, 1.5, 3.5, false)).toBeGreaterThanOrEqual(pathLossUmiDb(d, 10, 1.5, 3.5, true));
      expect(pathLossRmaDb(d, 35, 1.5, 3.5, false)).toBeGreaterThanOrEqual(pathLossRmaDb(d, 35, 1.5, 3.5, true));
      expect(pathLossRmaDb(d * 1.5, 35, 1.5, 3.5, false)).toBeGreaterThan(pathLossRmaDb(d, 35, 1.5, 3.5, false));
    }
  });
  it('LOS probability is 1 near the site and the blend lies between LOS and NLOS', () => {
    expect(losProbability('UMa', 18, 1.5)).toBe(1);
    expect(losProbability('UMi', 18, 1.5)).toBe(1);
    expect(losProbability('RMa', 10, 1.5)).toBe(1);
    // RMa at 1010 m: exp(−1) exactly
    close(losProbability('RMa', 1010, 1.5), Math.exp(-1), 1e-12);
    const blend = pathLossLosBlendDb('UMa', 200, 25, 1.5, 3.5);
    expect(blend).toBeGreaterThan(pathLossUmaDb(200, 25, 1.5, 3.5, true));
    expect(blend).toBeLessThan(pathLossUmaDb(200, 25, 1.5, 3.5, false));
  });
  it('hot functions return NaN for bad input and never throw', () => {
    expect(pathLossUmaDb(NaN, 25, 1.5, 3.5, true)).toBeNaN();
    expect(pathLossUmiDb(100, -1, 1.5, 3.5, true)).toBeNaN();
    expect(pathLossRmaDb(100, 35, 1.5, 0, false)).toBeNaN();
    expect(losProbability('UMa', -5, 1.5)).toBeNaN();
  });
  it('assertPathLossInputs names the bad argument', () => {
    expect(() => assertPathLossInputs('RMa', 1000, 35, 1.5, 40)).toThrow(/freqGhz must be in \[0.5, 30\]/);
    expect(() => assertPathLossInputs('UMa', 1000, 25, 1.5, 0.3)).toThrow(/freqGhz/);
    expect(() => assertPathLossInputs('UMa', 1000, 25, NaN, 3.5)).toThrow(/hUtM must be a finite number/);
    expect(() => assertPathLossInputs('UMa', 1000, -3, 1.5, 3.5)).toThrow(/hBsM/);
    expect(() => assertPathLossInputs('UMa', -1, 25, 1.5, 3.5)).toThrow(/d2DM/);
    expect(() => assertPathLossInputs('UMi', 6000, 10, 1.5, 3.5, { strictDistance: true })).toThrow(/d2DM must be in \[10, 5000\]/);
    expect(() => assertPathLossInputs('RMa', 1000, 35, 1.5, 2.6, { streetWidthM: 60 })).toThrow(/streetWidthM/);
    expect(() => assertPathLossInputs('UMa', 1000, 25, 1.5, 3.5)).not.toThrow();
  });
});

describe('O2I, free space, COST-231 Hata', () => {
  it('O2I adds 0.5 dB per indoor metre and high-loss exceeds low-loss', () => {
    close(o2iPenetrationLossDb(2.6, 'low', { indoorDistanceM: 8 }) - o2iPenetrationLossDb(2.6, 'low'), 4, 1e-9);
    for (const f of [0.7, 3.5, 28]) expect(o2iPenetrationLossDb(f, 'high')).toBeGreaterThan(o2iPenetrationLossDb(f, 'low'));
    expect(o2iPenetrationLossDb(-1, 'low')).toBeNaN();
  });
  it('free space doubles distance = +6.02 dB', () => {
    close(freeSpacePathLossDb(2000, 3.5) - freeSpacePathLossDb(1000, 3.5), 20 * Math.log10(2), 1e-9);
    expect(freeSpacePathLossDb(0, 3.5)).toBeNaN();
  });
  it('COST-231 Hata 1800 MHz, hBS 30 m, hUT 1.5 m (hand-computed) and Okumura-Hata 900 MHz', () => {
    // a(hm) = (1.1·3.2553 − 0.7)·1.5 − (1.56·3.2553 − 0.8) = 0.0430; L = 46.3 + 110.3535 − 20.4137 − 0.0430
    close(cost231HataDb(1000, 30, 1.5, 1800), 136.1969);
    close(cost231HataDb(5000, 30, 1.5, 1800), 160.8181);
    close(cost231HataDb(1000, 30, 1.5, 1800, { environment: 'metropolitan' }) - cost231HataDb(1000, 30, 1.5, 1800), 3.0430, 0.01);
    close(cost231HataDb(2000, 50, 1.5, 900), 133.5036);
    close(cost231HataDb(2000, 50, 1.5, 900, { environment: 'suburban' }), 123.5610);
    close(cost231HataDb(2000, 50, 1.5, 900, { environment: 'open' }), 104.9972);
    expect(() => assertHataInputs(1000, 30, 1.5, 3500)).toThrow(/freqMhz must be in \[150, 2000\]/);
    expect(() => assertHataInputs(1000, 30, 20, 1800)).toThrow(/hUtM/);
  });
});

describe('knife edge and terrain profiles', () => {
  it('J(v) is 0 at and below -0.78, increasing above', () => {
    expect(knifeEdgeLossDb(-0.78)).toBe(0);
    expect(knifeEdgeLossDb(-0.77)).toBeGreaterThan(0);
    expect(knifeEdgeLossDb(3)).toBeGreaterThan(knifeEdgeLossDb(2));
  });
  it('earth bulge: 20 km from each end with k = 4/3 is 23.54 m', () => {
    close(earthBulgeM(20000, 20000), 20000 ** 2 / (2 * (4 / 3) * 6371008.8), 1e-9);
    close(earthBulgeM(20000, 20000), 23.54, 0.01);
  });
  it('one hill: Deygout = Bullington = J(v) of the hill (hand-computed 32.47 dB)', () => {
    const profile = [500, 500, 560, 500, 500];
    // bulge 0.0589 m at mid-path; h = 560.0589 − 515.75 = 44.3089 m; v = 9.5718
    close(deygoutLossDb(profile, 500, 530, 501.5, 3500), 32.4734);
    close(bullingtonLossDb(profile, 500, 530, 501.5, 3500), 32.4734);
    expect(isLineOfSight(profile, 500, 530, 501.5, 3500)).toBe(false);
  });
  it('two hills: Deygout adds the secondary edge; Bullington takes the ray intersection', () => {
    const profile = new Float32Array([0, 50, 0, 40, 0]);
    const noBulge = { kFactor: 1e12 };
    const lambdaM = 0.3;
    const vp = 20 * Math.sqrt((2 / lambdaM) * (1 / 1000 + 1 / 3000));
    close(deygoutLossDb(profile, 1000, 30, 30, 1000, noBulge), knifeEdgeLossDb(vp) + knifeEdgeLossDb(1 / 3));
    close(deygoutLossDb(profile, 1000, 30, 30, 1000, { ...noBulge, maxEdges: 1 }), knifeEdgeLossDb(vp));
    // Bullington: Stim = 0.02, Srim = 0.01, db = 1333.3 m, hb = 26.667 m, v = 2.3094
    close(bullingtonLossDb(profile, 1000, 30, 30, 1000, noBulge), knifeEdgeLossDb((80 / 3) * Math.sqrt(0.0075)));
    const corrected = deygoutLossDb(profile, 1000, 30, 30, 1000, { ...noBulge, empiricalCorrection: true });
    const jp = knifeEdgeLossDb(vp);
    close(corrected, jp + (1 - Math.exp(-jp / 6)) * (knifeEdgeLossDb(1 / 3) + 10 + 0.04 * 4));
  });
  it('a clear path has no loss; earth bulge alone blocks a 40 km path at 10 m', () => {
    const flat = new Array(41).fill(0);
    expect(isLineOfSight(flat, 1000, 10, 10, 3500)).toBe(false);
    expect(isLineOfSight(flat, 1000, 10, 10, 3500, { kFactor: 1e12 })).toBe(true);
    expect(deygoutLossDb(flat, 1000, 10, 10, 3500)).toBeGreaterThan(6);
    const low = [0, 0, 0, 0, 0];
    expect(deygoutLossDb(low, 100, 50, 50, 3500)).toBe(0);
    expect(bullingtonLossDb(low, 100, 50, 50, 3500)).toBe(0);
    expect(isLineOfSight(low, 100, 50, 50, 3500)).toBe(true);
    expect(deygoutLossDb(low, 100, NaN, 50, 3500)).toBeNaN();
  });
  it('Fresnel clearance: a sample just below the ray blocks with 0.6 F1 clearance', () => {
    // mid-point 1 m below a 30 m ray over 2 km at 3.5 GHz: F1 = sqrt(0.0857·1000·1000/2000) = 6.55 m
    const profile = [0, 0, 29, 0, 0];
    expect(isLineOfSight(profile, 500, 30, 30, 3500, { kFactor: 1e12 })).toBe(true);
    expect(isLineOfSight(profile, 500, 30, 30, 3500, { kFactor: 1e12, clearanceFresnelFraction: 0.6 })).toBe(false);
  });
  it('sampleProfileM interpolates bilinearly at cell centres and is NaN outside', () => {
    const grid = { cols: 3, rows: 1, originXM: 0, originYM: 10, cellSizeM: 10, crs: '' };
    const dem = new Float32Array([0, 10, 20]);
    const p = sampleProfileM(grid, dem, 5, 5, 25, 5, 5);
    expect(Array.from(p)).toEqual([0, 5, 10, 15, 20]);
    expect(sampleProfileM(grid, dem, 5, 5, 100, 5, 2)[1]).toBeNaN();
  });
});

describe('antenna pattern', () => {
  const opt = { maxGainDbi: 17, totalTiltDeg: 6 };
  it('peaks at boresight and is 3 dB down at half the beamwidths', () => {
    close(sectorGainDbi(0, -6, opt), 17, 1e-9);
    close(sectorGainDbi(32.5, -6, opt), 14, 1e-9);
    close(sectorGainDbi(-32.5, -6, opt), 14, 1e-9);
    close(sectorGainDbi(0, -1, opt), 14, 1e-9);
    close(sectorGainDbi(0, -11, opt), 14, 1e-9);
  });
  it('is limited by front-to-back and side-lobe levels and wraps azimuth', () => {
    close(sectorGainDbi(180, -6, opt), 17 - 30, 1e-9);
    close(sectorGainDbi(0, 60, opt), 17 - 30, 1e-9);
    close(sectorGainDbi(370, -6, opt), sectorGainDbi(10, -6, opt), 1e-9);
    close(sectorGainDbi(180, -6, { ...opt, frontToBackDb: 25 }), 17 - 25, 1e-9);
  });
  it('mechanical tilt matters less at the side than an all-round tilt', () => {
    const mech = sectorGainDbi(90, 0, { maxGainDbi: 0, mechanicalTiltDeg: 6 });
    const total = sectorGainDbi(90, 0, { maxGainDbi: 0, totalTiltDeg: 6 });
    // at 90° a mechanical tilt does not move the vertical cut; an all-round shift costs 12·0.6² = 4.32 dB
    close(total - mech, -4.32, 1e-6);
    close(sectorGainDbi(0, -8, { mechanicalTiltDeg: 5, electricalTiltDeg: 3 }), 0, 1e-9);
  });
  it('omni gain depends on elevation only; geometry helpers', () => {
    close(omniGainDbi(0, { maxGainDbi: 8 }), 8, 1e-9);
    close(omniGainDbi(-15, { maxGainDbi: 8, verticalBeamwidthDeg: 30 }), 5, 1e-9);
    close(bearingDeg(0, 0, 10, 0), 90, 1e-9);
    close(bearingDeg(0, 0, -10, -10), 225, 1e-9);
    close(elevationAngleDeg(100, 30, 1.5), -(Math.atan2(28.5, 100) * 180) / Math.PI, 1e-9);
  });
});

describe('link budget', () => {
  it('band presets follow radio.md section 5', () => {
    expect(BAND_PRESETS.n78).toMatchObject({ freqMhz: 3500, bandwidthMhz: 100, scsKhz: 30, prbCount: 273 });
    expect(BAND_PRESETS.n28).toMatchObject({ scsKhz: 15, prbCount: 160, duplex: 'FDD' });
    for (const p of Object.values(BAND_PRESETS)) expect(Object.keys(p.source).length).toBeGreaterThan(0);
  });
  it('RSRP, noise per RE and SINR', () => {
    close(epreDbm(53, 273), 17.8466);
    close(rsrpDbm(17.8466, 24, 130, { extraLossDb: 12.2558 }), 17.8466 + 24 - 130 - 12.2558, 1e-9);
    // −174 + 10 log10(30 000) + 9 = −174 + 44.7712 + 9
    close(thermalNoisePerReDbm(30, 9), -120.2288);
    close(sinrDb(2, 1, 1), 0, 1e-12);
    close(sinrDb(10, 0, 1), 10, 1e-12);
  });
  it('attenuated Shannon throughput uses the preset bandwidth and DL duty', () => {
    // SINR 10 dB: 0.6·log2(11) = 2.0757 b/s/Hz × 100 MHz × 0.7 × (1 − 0.14)
    close(attenuatedShannonMbps(10, BAND_PRESETS.n78), 2.07568 * 100 * 0.7 * 0.86, 0.01);
    close(attenuatedShannonMbps(40, BAND_PRESETS.n28, { layers: 2, overheadFraction: 0 }), 5.5 * 30 * 2, 1e-9);
    expect(attenuatedShannonMbps(-11, BAND_PRESETS.n78)).toBe(0);
    expect(DEFAULT_THRESHOLDS.goodRsrpDbm).toBe(-105);
    expect(DEFAULT_THRESHOLDS.edgeSinrDb).toBe(-3);
  });
});
