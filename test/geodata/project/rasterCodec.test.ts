import { zlibSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRaster, encodeRaster } from '../../../geodata/project';

describe('raster codec', () => {
  it('round-trips any Float32 values bit for bit (NaN, infinities, -0 included)', () => {
    fc.assert(fc.property(fc.float32Array({ maxLength: 500 }), (values) => {
      const back = decodeRaster(encodeRaster(values), 'shuffle4-zlib', values.length);
      expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    }), { numRuns: 200 });
  });

  it('compresses a smooth raster better than plain zlib', () => {
    const values = Float32Array.from({ length: 100_000 }, (_, i) => 900 + 50 * Math.sin(i / 300) + (i % 7) * 0.1);
    const plain = zlibSync(new Uint8Array(values.buffer), { level: 6 });
    expect(encodeRaster(values).length).toBeLessThan(plain.length);
  });

  it('refuses unknown codecs, wrong sizes and streams that inflate past the expected size', () => {
    const values = new Float32Array(10).fill(1);
    expect(() => decodeRaster(encodeRaster(values), 'lz4', 10)).toThrow(/unknown raster codec/);
    expect(() => decodeRaster(encodeRaster(values), 'shuffle4-zlib', 9)).toThrow(/expected 36/);
    expect(() => decodeRaster(zlibSync(new Uint8Array(1e6)), 'shuffle4-zlib', 10)).toThrow(RangeError);
    expect(() => decodeRaster(new Uint8Array([1, 2, 3]), 'shuffle4-zlib', 10)).toThrow(/does not inflate|expected/);
  });
});
