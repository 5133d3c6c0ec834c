import { describe, expect, it } from 'vitest';
import type { GridSpec } from '../../../core/grid';
import { hillshade } from '../../../core/terrain/hillshade';

const grid: GridSpec = { cols: 5, rows: 5, originXM: 0, originYM: 125, cellSizeM: 25, crs: '+proj=tmerc +lat_0=0 +lon_0=0 +units=m' };

/** A plane rising `gradientX` m/m to the east and `gradientY` m/m to the north. */
function plane(gradientX: number, gradientY: number): Float32Array {
  const out = new Float32Array(25);
  for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) out[r * 5 + c] = 100 + gradientX * c * 25 + gradientY * (4 - r) * 25;
  return out;
}

describe('hillshade (Horn)', () => {
  it('lights flat ground at cos(zenith) = sin(altitude)', () => {
    expect(hillshade(grid, plane(0, 0))[12]).toBeCloseTo(Math.sin(Math.PI / 4), 6);
  });

  it('lights a slope facing the north-west light fully and one facing south-east less', () => {
    // rising to the south-east (facing north-west) at 45 deg of slope toward the light
    const facingLight = hillshade(grid, plane(Math.SQRT1_2, -Math.SQRT1_2))[12];
    const facingAway = hillshade(grid, plane(-Math.SQRT1_2, Math.SQRT1_2))[12];
    // slope 45 deg toward the light at altitude 45 deg: the surface normal points at the light
    expect(facingLight).toBeCloseTo(1, 5);
    expect(facingAway).toBeCloseTo(0, 5);
  });

  it('rejects a terrain of the wrong size, naming the argument', () => {
    expect(() => hillshade(grid, new Float32Array(3))).toThrow(/terrainM/);
  });
});
