import { pointToPolygonDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { distanceOutsideFn } from '../../../core/geo/distanceOutsideFn';
import type { MultiPolygon } from 'geojson';

describe('distanceOutsideFn', () => {
  // two squares, the first with a hole
  const boundary: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [
      [[[106, 27], [107, 27], [107, 28], [106, 28], [106, 27]], [[106.4, 27.4], [106.6, 27.4], [106.6, 27.6], [106.4, 27.6], [106.4, 27.4]]],
      [[[108, 27], [108.5, 27], [108.5, 27.5], [108, 27.5], [108, 27]]],
    ],
  };
  const outside = distanceOutsideFn(boundary);

  it('is 0 inside either polygon and outside the hole', () => {
    expect([outside(106.2, 27.2), outside(108.2, 27.2), outside(106.99, 27.99)]).toEqual([0, 0, 0]);
  });

  it('outside, in the hole or far away: the distance to the nearest edge, as turf measures it', () => {
    for (const [lon, lat] of [[106.5, 27.5], [107.5, 27.25], [116.4, 39.9], [105.9, 26.9], [108.25, 28]]) {
      const turf = Math.abs(pointToPolygonDistance([lon, lat], boundary, { units: 'meters' }));
      expect(Math.abs(outside(lon, lat) - turf) / turf).toBeLessThan(0.001);
    }
    expect(() => outside(NaN, 27)).toThrow(RangeError);
  });
});
