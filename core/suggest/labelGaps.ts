import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { GridSpec } from '../grid/gridSpec';

/** One coverage gap: an 8-connected region of cells that miss the target. */
export interface Gap {
  /** label in `labels`, 0-based, ordered by demand (largest first) */
  id: number;
  cellCount: number;
  areaKm2: number;
  /** weighted demand in the gap */
  demand: number;
  /** demand-weighted centroid in fractional (col, row) of cell centres; the area centroid when demand is 0 */
  centroidCol: number;
  centroidRow: number;
  /** the gap cell nearest the centroid (a concave gap's centroid may lie outside it) */
  centreCell: number;
  /** inclusive bounding box in cells */
  col0: number;
  row0: number;
  col1: number;
  row1: number;
}

/**
 * Connected regions (8-neighbour) of cells that miss the target, with area, demand and demand-weighted
 * centroid, largest demand first. `labels` holds each cell's gap id, -1 outside gaps. Gaps smaller than
 * `minCells` are dropped (labelled -1).
 * @example labelGaps(grid, misses, demand).gaps[0].centreCell
 */
export function labelGaps(
  grid: GridSpec,
  missesTarget: Uint8Array,
  demand: Float32Array,
  options: { minCells?: number; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): { labels: Int32Array; gaps: Gap[] } {
  const { cols, rows } = grid;
  const n = cols * rows;
  if (missesTarget.length !== n) throw new RangeError(`missesTarget must have ${n} cells, got ${missesTarget.length}`);
  if (demand.length !== n) throw new RangeError(`demand must have ${n} cells, got ${demand.length}`);
  const minCells = options.minCells ?? 1;
  const raw = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const found: (Omit<Gap, 'id' | 'centreCell' | 'areaKm2'> & { label: number; sx: number; sy: number })[] = [];
  for (let row = 0; row < rows; row++) {
    throwIfCancelled(options.cancel);
    options.onProgress?.(row / rows);
    for (let col = 0; col < cols; col++) {
      const seed = row * cols + col;
      if (!missesTarget[seed] || raw[seed] >= 0) continue;
      const label = found.length;
      const g = { label, cellCount: 0, demand: 0, centroidCol: 0, centroidRow: 0, sx: 0, sy: 0, col0: col, row0: row, col1: col, row1: row };
      let wx = 0;
      let wy = 0;
      let top = 0;
      stack[top++] = seed;
      raw[seed] = label;
      while (top > 0) {
        const cell = stack[--top];
        const c = cell % cols;
        const r = (cell - c) / cols;
        const d = demand[cell] > 0 ? demand[cell] : 0;
        g.cellCount++;
        g.demand += d;
        wx += d * c;
        wy += d * r;
        g.sx += c;
        g.sy += r;
        if (c < g.col0) g.col0 = c;
        if (c > g.col1) g.col1 = c;
        if (r > g.row1) g.row1 = r;
        for (let dr = -1; dr <= 1; dr++) {
          const rr = r + dr;
          if (rr < 0 || rr >= rows) continue;
          for (let dc = -1; dc <= 1; dc++) {
            const cc = c + dc;
            if (cc < 0 || cc >= cols) continue;
            const nb = rr * cols + cc;
            if (missesTarget[nb] && raw[nb] < 0) {
              raw[nb] = label;
              stack[top++] = nb;
            }
          }
        }
      }
      g.centroidCol = g.demand > 0 ? wx / g.demand : g.sx / g.cellCount;
      g.centroidRow = g.demand > 0 ? wy / g.demand : g.sy / g.cellCount;
      found.push(g);
    }
  }
  const kept = found.filter((g) => g.cellCount >= minCells).sort((a, b) => b.demand - a.demand || a.label - b.label);
  const newId = new Int32Array(found.length).fill(-1);
  kept.forEach((g, i) => (newId[g.label] = i));
  const labels = new Int32Array(n);
  const best = new Float64Array(kept.length).fill(Infinity);
  const centre = new Int32Array(kept.length);
  for (let cell = 0; cell < n; cell++) {
    const id = raw[cell] >= 0 ? newId[raw[cell]] : -1;
    labels[cell] = id;
    if (id < 0) continue;
    const c = cell % cols;
    const r = (cell - c) / cols;
    const d2 = (c - kept[id].centroidCol) ** 2 + (r - kept[id].centroidRow) ** 2;
    if (d2 < best[id]) {
      best[id] = d2;
      centre[id] = cell;
    }
  }
  const cellAreaKm2 = (grid.cellSizeM * grid.cellSizeM) / 1e6;
  const gaps = kept.map(({ label: _label, sx: _sx, sy: _sy, ...g }, id) => ({ id, ...g, areaKm2: g.cellCount * cellAreaKm2, centreCell: centre[id] }));
  options.onProgress?.(1);
  return { labels, gaps };
}
