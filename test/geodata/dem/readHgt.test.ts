import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { resampleBilinear } from '../../../core/grid';
import { readHgt } from '../../../geodata/dem';

/** An SRTM tile of `size`^2 big-endian int16 posts, all `base` m except the given [row, col, height]. */
function hgt(size: number, base: number, posts: [number, number, number][]): Uint8Array {
  const bytes = new Uint8Array(2 * size * size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < size * size; i++) view.setInt16(2 * i, base, false);
  for (const [row, col, h] of posts) view.setInt16(2 * (row * size + col), h, false);
  return bytes;
}

describe('readHgt', () => {
  const tile = hgt(1201, 800, [[0, 0, 1500], [1200, 1200, 300], [600, 600, 2190], [600, 601, 2200], [10, 10, -32768]]);

  it('reads a 3" tile: corner posts on whole degrees, the centre post, voids', () => {
    const r = readHgt(tile, 'N27E106.hgt');
    if (!r.ok) throw new Error(r.message);
    const dem = r.value;
    expect([dem.width, dem.height]).toEqual([1201, 1201]);
    const at = (lon: number, lat: number) =>
      resampleBilinear(dem, { cols: 1, rows: 1, originXM: -0.5, originYM: 0.5, cellSizeM: 1, crs: makeLocalProjection(lon, lat).proj4 })[0];
    expect(at(106, 28)).toBeCloseTo(1500, 3); // NW post
    expect(at(107, 27)).toBeCloseTo(300, 3); // SE post
    expect(at(106.5, 27.5)).toBeCloseTo(2190, 3); // centre post
    expect(at(106.5 + 0.5 / 1200, 27.5)).toBeCloseTo(2195, 2); // halfway to the next post east
    expect(dem.values[10 * 1201 + 10]).toBeNaN();
  });

  it('takes the tile from the name, south and west too', () => {
    const r = readHgt(hgt(1201, 0, []), 's01w078.hgt');
    expect(r.ok && [r.value.originX + r.value.pixelSizeX / 2, r.value.originY - r.value.pixelSizeY / 2]).toEqual([-78, 0]);
  });

  it('reads a 1" tile', () => {
    const r = readHgt(hgt(3601, 1234, []), 'N26E107.SRTMGL1.hgt');
    expect(r.ok && [r.value.width, r.value.values[3601 * 3601 - 1]]).toEqual([3601, 1234]);
  });

  it('names the file and the problem for a wrong size or name', () => {
    const short = readHgt(tile.subarray(0, 1000), 'N27E106.hgt');
    expect(short).toMatchObject({ ok: false, code: 'bad-size' });
    expect(!short.ok && short.message).toMatch(/^N27E106\.hgt: 1000 bytes; an SRTM \.hgt has 2884802/);
    expect(readHgt(tile, 'terrain.hgt')).toMatchObject({ ok: false, code: 'bad-name' });
  });
});
