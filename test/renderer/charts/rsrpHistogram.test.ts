import { describe, expect, it } from 'vitest';
import { polygonMask } from '../../../core/grid';
import { countyPopulationWeights, rsrpHistogram } from '../../../renderer/charts/rsrpHistogram';
import { openSession } from '../../../renderer/session/ProjectSession';
import { GUIZHOU_COUNTIES } from '../../../geodata/counties';
import { smallCounty } from '../../core/suggest/smallCounty';

describe('county RSRP histogram', () => {
  it('weights by the people inside the boundary and bins RSRP in 5 dB steps', () => {
    const { base } = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    const weights = countyPopulationWeights(base)!;
    const inside = polygonMask(base.grid, base.boundary);
    const pop = base.population!.values;
    let expected = 0;
    for (let i = 0; i < pop.length; i++) if (inside[i] && pop[i] > 0) expected += pop[i];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 0);

    // half the people at -100 dBm, the rest without coverage (NaN: left out)
    const rsrp = new Float32Array(pop.length).fill(NaN);
    let atMinus100 = 0;
    for (let i = 0; i < pop.length; i += 2) {
      rsrp[i] = -100;
      atMinus100 += weights[i];
    }
    const h = rsrpHistogram(rsrp, weights);
    expect(h.binStarts[0]).toBe(-140);
    expect(h.counts.length).toBe(20);
    expect(h.total).toBeCloseTo(atMinus100, 0);
    expect(h.counts[h.binStarts.indexOf(-100)]).toBeCloseTo(atMinus100, 0);
  });

  it('has no weights without a population raster', () => {
    const { population: _p, ...project } = smallCounty();
    expect(countyPopulationWeights(openSession({ ...project }, GUIZHOU_COUNTIES[0]).base)).toBeNull();
  });
});
