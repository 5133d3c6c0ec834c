import type { GridSpec } from '../grid/gridSpec';

/**
 * Visits every grid cell whose centre lies inside a polygon given as rings in the grid's metres (even-odd
 * rule, so holes drop out). Scanline fill: per row, the crossings of the row's centre line with every edge,
 * sorted, fill between pairs. Cells outside the grid are skipped.
 * @example forEachCellInRings([[[0, 0], [50, 0], [50, 50], [0, 50], [0, 0]]], grid, (i) => mask[i] = 1)
 */
export function forEachCellInRings(ringsM: readonly (readonly (readonly number[])[])[], grid: GridSpec, visit: (i: number) => void): void {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of ringsM) for (const p of ring) { if (p[1] < minY) minY = p[1]; if (p[1] > maxY) maxY = p[1]; }
  if (!(maxY > minY)) return;
  const { cols, rows, originXM, originYM, cellSizeM } = grid;
  const row0 = Math.max(0, Math.floor((originYM - maxY) / cellSizeM));
  const row1 = Math.min(rows - 1, Math.floor((originYM - minY) / cellSizeM));
  const xs: number[] = [];
  for (let row = row0; row <= row1; row++) {
    const y = originYM - (row + 0.5) * cellSizeM;
    xs.length = 0;
    for (const ring of ringsM) {
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
        const [xa, ya] = ring[j];
        const [xb, yb] = ring[k];
        // half-open in y so a vertex on the scanline is counted once
        if ((ya > y) !== (yb > y)) xs.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // centres x_c = originX + (col + 0.5) * size with xs[k] <= x_c < xs[k + 1]
      const c0 = Math.max(0, Math.ceil((xs[k] - originXM) / cellSizeM - 0.5));
      const c1 = Math.min(cols - 1, Math.ceil((xs[k + 1] - originXM) / cellSizeM - 0.5) - 1);
      for (let col = c0; col <= c1; col++) visit(row * cols + col);
    }
  }
}
