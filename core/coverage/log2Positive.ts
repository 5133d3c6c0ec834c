const LOG2_TABLE_BITS = 10;
const log2Table = new Float64Array((1 << LOG2_TABLE_BITS) + 1).map((_, k) => Math.log2(1 + k / (1 << LOG2_TABLE_BITS)));
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * log2 of a positive normal number from its IEEE-754 exponent and the top 20 mantissa bits, the mantissa's log
 * from a 1,025-entry table (8 KB: it stays in the first-level cache) with linear interpolation: error < 2e-6
 * (< 1e-5 dB), a few times cheaper than Math.log10 / Math.log2 in the engine's per-cell loops (SINR, the
 * propagation model's distance and height terms). Positive normal numbers only (1e-300..1e300); no check.
 * @example log2Positive(8) // 3
 */
export function log2Positive(x: number): number {
  scratch[0] = x;
  const high = scratchWords[HIGH_WORD];
  const mantissa = high & 0xfffff;
  const k = mantissa >>> 10;
  const t = (mantissa & 0x3ff) * (1 / 1024);
  return (high >>> 20) - 1023 + log2Table[k] + (log2Table[k + 1] - log2Table[k]) * t;
}
