import { describe, expect, it } from 'vitest';
import vectors from '../../fixtures/radio/radioMdVectors.json';
import {
  attenuatedShannonBpsPerHz,
  breakpointDistancePrimeM,
  breakpointDistanceRmaM,
  epreDbm,
  freeSpacePathLossDb,
  fresnelParameterV,
  knifeEdgeLossDb,
  losProbability,
  o2iPenetrationLossDb,
  pathLoss38901Db,
  pathLossUmaDb,
  thermalNoiseDbm,
  type O2iModel,
  type Scenario38901,
} from '../../../core/radio';

type Call = (string | number | boolean)[];

function evaluate(call: Call): number {
  const [fn, ...a] = call as [string, ...never[]];
  const n = a as unknown as number[];
  switch (fn) {
    case 'breakpointPrime':
      return breakpointDistancePrimeM(n[0], n[1], n[2]);
    case 'breakpointRma':
      return breakpointDistanceRmaM(n[0], n[1], n[2]);
    case 'pathLoss':
      return pathLoss38901Db(a[0] as unknown as Scenario38901, n[1], n[2], n[3], n[4], a[5] as unknown as boolean);
    case 'umaNlosOptional':
      return pathLossUmaDb(n[0], n[1], n[2], n[3], false, { optionalNlos: true });
    case 'losProbability':
      return losProbability(a[0] as unknown as Scenario38901, n[1], n[2]);
    case 'o2i':
      return o2iPenetrationLossDb(n[0], a[1] as unknown as O2iModel, { indoorDistanceM: n[2] });
    case 'J':
      return knifeEdgeLossDb(n[0]);
    case 'v':
      return fresnelParameterV(n[0], n[1], n[2], 3e8 / (n[3] * 1e9));
    case 'JofV':
      return knifeEdgeLossDb(fresnelParameterV(n[0], n[1], n[2], 3e8 / (n[3] * 1e9)));
    case 'se':
      return attenuatedShannonBpsPerHz(n[0], { alpha: n[1], sinrMinDb: n[2], maxBpsPerHz: n[3] });
    case 'sinrMax': {
      // the SINR where α·log2(1+x) reaches the cap: bisection on our own function
      let lo = -10;
      let hi = 40;
      const p = { alpha: n[0], sinrMinDb: -10, maxBpsPerHz: 1e9 };
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (attenuatedShannonBpsPerHz(mid, p) < n[1]) lo = mid;
        else hi = mid;
      }
      return lo;
    }
    case 'fspl':
      return freeSpacePathLossDb(n[0], n[1]);
    case 'noise':
      return thermalNoiseDbm(n[0]);
    case 'epre':
      return epreDbm(n[0], n[1]);
    default:
      throw new Error(`unknown vector function ${fn}`);
  }
}

describe('radio.md section 8 vectors', () => {
  it('has all 81 vectors', () => {
    expect(vectors.vectors.length).toBe(81);
  });
  for (const vec of vectors.vectors) {
    it(`${vec.name} = ${vec.expected}`, () => {
      const got = evaluate(vec.call as Call);
      expect(Math.abs(got - vec.expected)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  }
});
