import { describe, expect, it } from 'vitest';
import { inSharedMemory, newBuffer } from '../../../core/coverage/sharedMemory';

describe('sharedMemory', () => {
  it('allocates shared only when asked, and copies into shared memory once', () => {
    expect(newBuffer(8, true)).toBeInstanceOf(SharedArrayBuffer);
    expect(newBuffer(8, false)).toBeInstanceOf(ArrayBuffer);
    const plain = Float32Array.of(1, 2, NaN);
    const shared = inSharedMemory(plain);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared).not.toBe(plain);
    expect(Array.from(shared)).toEqual([1, 2, NaN]);
    expect(inSharedMemory(shared)).toBe(shared);
  });
});
