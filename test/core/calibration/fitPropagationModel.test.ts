import { describe, expect, it } from 'vitest';
import { createMeasuredLinks, fitPropagationModel, setLink } from '../../../core/calibration';
import { LAND_USE_CLASS_COUNT, linkLossDb, referencePropagationModel, type LinkGeometry } from '../../../core/propagation';

/** Points on open ground at 50 m-1.5 km whose RSRP is the reference model's plus `extraDb` (no noise). */
function syntheticLinks(extraDb: number) {
  const n = 200;
  const links = createMeasuredLinks(n, ['a', 'b']);
  const ref = referencePropagationModel();
  for (let i = 0; i < n; i++) {
    const link: LinkGeometry = {
      d3DM: 50 + i * 7, hEffM: 30, freqGhz: 2.6, terrainDiffractionDb: 0, surfaceDiffractionDb: 0, clutterShares: new Float64Array(LAND_USE_CLASS_COUNT),
      azimuthOffDeg: 0, verticalOffDeg: 0, isOmni: false, horizontalBeamwidthDeg: 65, verticalBeamwidthDeg: 10, ueHeightM: 1.5,
    };
    setLink(links, i, link);
    links.group[i] = i % 2;
    links.txDbm[i] = 40;
    links.measuredDbm[i] = 40 - linkLossDb(ref, link) - extraDb;
  }
  return { links, ref };
}

describe('fitPropagationModel', () => {
  it('fits the offset freely unless the options fix it (the default model fixes it at the line-of-sight form)', () => {
    const { links, ref } = syntheticLinks(5);
    const allButOffset = ['distanceDbPerDecade', 'heightDbPerDecade', 'distanceHeightDb', 'farDistanceDbPerDecade', 'terrainDiffraction', 'clutterDiffraction', 'horizontalPattern', 'verticalPattern', 'frontBackDb', 'verticalSlopeDbPerDeg'] as const;
    const free = fitPropagationModel(links, ref, { fixed: allButOffset });
    expect(free.kFactors.offsetDb).toBeCloseTo(ref.kFactors.offsetDb + 5, 6);
    const fixed = fitPropagationModel(links, ref, { fixed: ['offsetDb', ...allButOffset] });
    expect(fixed.kFactors.offsetDb).toBe(ref.kFactors.offsetDb);
  });
});
