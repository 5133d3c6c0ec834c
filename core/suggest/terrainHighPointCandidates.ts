import type { CostTable } from '../costs';
import type { GridSpec } from '../grid/gridSpec';
import type { BandId } from '../model/site';
import type { GeneratedCandidate } from './proposedSiteAt';
import { proposedSiteAtCell } from './proposedSiteAtCell';
import type { Gap } from './labelGaps';

/**
 * Running maximum over a window of half-width `w` along one axis (NaN skipped, -Infinity where the window holds
 * no number), in O(count) with a monotonic queue of indices (`queue`, at least `count` long): the naive scan
 * took (2w + 1) reads per cell, seconds over a large county at a 2 km peak radius.
 */
function slidingMax(src: Float32Array, dst: Float32Array, count: number, stride: number, offset: number, w: number, queue: Int32Array): void {
  let head = 0;
  let tail = 0;
  const at = (k: number): number => {
    const v = src[offset + k * stride];
    return v > -Infinity ? v : -Infinity;
  };
  for (let j = 0; j < count + w; j++) {
    if (j < count) {
      const v = at(j);
      while (tail > head && at(queue[tail - 1]) <= v) tail--;
      queue[tail++] = j;
    }
    const i = j - w;
    if (i < 0) continue;
    while (queue[head] < i - w) head++;
    dst[offset + i * stride] = at(queue[head]);
  }
}

/**
 * Macro candidates on new towers at terrain high points in and near large gaps: for each gap of at least
 * `minGapAreaKm2`, the cells within `searchRadiusM` of its bounding box that are the highest within
 * `peakRadiusM` (a separable max filter), highest first, at most `maxPerGap`, no two closer than
 * `peakRadiusM`. Hilltops see over Guizhou's karst relief, where the gap centre often sits in a valley.
 * @example terrainHighPointCandidates(grid, terrainM, gaps, DEFAULT_COST_TABLE, { maxPerGap: 2 })
 */
export function terrainHighPointCandidates(
  grid: GridSpec,
  terrainM: Float32Array,
  gaps: readonly Gap[],
  costTable: CostTable,
  options: { minGapAreaKm2?: number; searchRadiusM?: number; peakRadiusM?: number; maxPerGap?: number; band?: BandId } = {},
): GeneratedCandidate[] {
  const { cols, rows, cellSizeM } = grid;
  if (terrainM.length !== cols * rows) throw new RangeError(`terrainM must have ${cols * rows} cells, got ${terrainM.length}`);
  const minGapAreaKm2 = options.minGapAreaKm2 ?? 1;
  const searchRadiusM = options.searchRadiusM ?? 1000;
  const peakRadiusM = options.peakRadiusM ?? 250;
  const maxPerGap = options.maxPerGap ?? 3;
  if (!(searchRadiusM >= 0)) throw new RangeError(`searchRadiusM must be >= 0, got ${searchRadiusM}`);
  if (!(peakRadiusM > 0)) throw new RangeError(`peakRadiusM must be > 0, got ${peakRadiusM}`);
  if (!(Number.isInteger(maxPerGap) && maxPerGap > 0)) throw new RangeError(`maxPerGap must be a positive integer, got ${maxPerGap}`);
  const margin = Math.ceil(searchRadiusM / cellSizeM);
  const w = Math.max(1, Math.round(peakRadiusM / cellSizeM));
  const out: GeneratedCandidate[] = [];
  for (const g of gaps) {
    if (g.areaKm2 < minGapAreaKm2) continue;
    const c0 = Math.max(0, g.col0 - margin);
    const r0 = Math.max(0, g.row0 - margin);
    const wc = Math.min(cols - 1, g.col1 + margin) - c0 + 1;
    const wr = Math.min(rows - 1, g.row1 + margin) - r0 + 1;
    const z = new Float32Array(wc * wr);
    for (let r = 0; r < wr; r++) z.set(terrainM.subarray((r0 + r) * cols + c0, (r0 + r) * cols + c0 + wc), r * wc);
    const tmp = new Float32Array(z.length);
    const peak = new Float32Array(z.length);
    const queue = new Int32Array(Math.max(wc, wr));
    for (let r = 0; r < wr; r++) slidingMax(z, tmp, wc, 1, r * wc, w, queue);
    for (let c = 0; c < wc; c++) slidingMax(tmp, peak, wr, wc, c, w, queue);
    const tops: number[] = [];
    for (let i = 0; i < z.length; i++) if (z[i] === peak[i] && Number.isFinite(z[i])) tops.push(i);
    tops.sort((a, b) => z[b] - z[a] || a - b);
    const picked: number[] = [];
    for (const i of tops) {
      if (picked.length >= maxPerGap) break;
      const c = i % wc;
      const r = (i - c) / wc;
      if (picked.some((p) => ((p % wc) - c) ** 2 + (Math.floor(p / wc) - r) ** 2 < w * w)) continue;
      picked.push(i);
    }
    picked.forEach((i, k) => {
      const cell = (r0 + Math.floor(i / wc)) * cols + c0 + (i % wc);
      const source = `generated: terrain high point ${z[i].toFixed(0)} m near gap ${g.id} (${g.areaKm2.toFixed(2)} km²)`;
      const site = proposedSiteAtCell(grid, cell, 'macro', 'new-tower', costTable, `HP-${g.id}-${k + 1}`, source, options.band);
      out.push({ site, reason: 'terrain-high-point', gapId: g.id });
    });
  }
  return out;
}
