import { throwIfCancelled, type CancelToken } from '../cancel';

/**
 * Fills the NaN cells of a `cols` x `rows` raster in place, smoothly from the valid cells around them, however
 * large the hole: pull-push over an image pyramid (Gortler et al. 1996, "The Lumigraph", SIGGRAPH, section
 * 3.4.1). Pull: each coarser level averages the valid cells of 2 x 2 blocks, with a confidence min(1, count of
 * valid cells below). Push: from the coarsest level down, each cell takes conf x its own value +
 * (1 - conf) x the coarser level interpolated bilinearly. Valid cells keep their values. Works on the
 * bounding box of the NaN cells plus a margin, so a few small voids cost little. Returns the NaN cells filled;
 * a raster with no valid cell is left as it is (0 returned).
 * @example const filled = fillVoids(deltaM, grid.cols, grid.rows); // SRTM voids, delta-surface fill
 */
export function fillVoids(values: Float32Array, cols: number, rows: number, options: { cancel?: CancelToken } = {}): number {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols <= 0 || rows <= 0) throw new RangeError(`cols and rows must be positive integers, got ${cols} x ${rows}`);
  if (values.length !== cols * rows) throw new RangeError(`values must have cols * rows = ${cols * rows} values, got ${values.length}`);
  let c0 = cols, r0 = rows, c1 = -1, r1 = -1, voids = 0, valid = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0, i = row * cols; col < cols; col++, i++) {
      if (Number.isNaN(values[i])) {
        voids++;
        if (col < c0) c0 = col;
        if (col > c1) c1 = col;
        if (row < r0) r0 = row;
        if (row > r1) r1 = row;
      } else {
        valid++;
      }
    }
  }
  if (voids === 0 || valid === 0) return 0;
  // a margin as wide as the void box, so the coarse levels see valid cells on every side where there are any
  const margin = Math.max(8, c1 - c0 + 1, r1 - r0 + 1);
  const wc0 = Math.max(0, c0 - margin);
  const wr0 = Math.max(0, r0 - margin);
  const w = Math.min(cols, c1 + margin + 1) - wc0;
  const h = Math.min(rows, r1 + margin + 1) - wr0;
  const level0 = new Float32Array(w * h);
  const conf0 = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = values[(wr0 + y) * cols + wc0 + x];
      if (!Number.isNaN(v)) { level0[y * w + x] = v; conf0[y * w + x] = 1; }
    }
  }
  const levels: { v: Float32Array; c: Float32Array; w: number; h: number }[] = [{ v: level0, c: conf0, w, h }];
  // Pull
  while (levels[levels.length - 1].w > 1 || levels[levels.length - 1].h > 1) {
    throwIfCancelled(options.cancel);
    const f = levels[levels.length - 1];
    const cw = Math.ceil(f.w / 2);
    const ch = Math.ceil(f.h / 2);
    const v = new Float32Array(cw * ch);
    const c = new Float32Array(cw * ch);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        let sum = 0, n = 0;
        for (let dy = 0; dy < 2; dy++) {
          const fy = 2 * y + dy;
          if (fy >= f.h) continue;
          for (let dx = 0; dx < 2; dx++) {
            const fx = 2 * x + dx;
            if (fx >= f.w) continue;
            const k = fy * f.w + fx;
            sum += f.c[k] * f.v[k];
            n += f.c[k];
          }
        }
        if (n > 0) { v[y * cw + x] = sum / n; c[y * cw + x] = Math.min(1, n); }
      }
    }
    levels.push({ v, c, w: cw, h: ch });
  }
  // Push: coarse to fine, blending in the coarser level where confidence is below 1
  for (let l = levels.length - 2; l >= 0; l--) {
    throwIfCancelled(options.cancel);
    const f = levels[l];
    const g = levels[l + 1];
    for (let y = 0; y < f.h; y++) {
      // fine cell centre in coarse-cell units: (y + 0.5) / 2 - 0.5
      const gy = Math.min(Math.max((y + 0.5) / 2 - 0.5, 0), g.h - 1);
      const y0 = Math.floor(gy);
      const y1 = Math.min(y0 + 1, g.h - 1);
      const ty = gy - y0;
      for (let x = 0; x < f.w; x++) {
        const k = y * f.w + x;
        const conf = f.c[k];
        if (conf >= 1) continue;
        const gx = Math.min(Math.max((x + 0.5) / 2 - 0.5, 0), g.w - 1);
        const x0 = Math.floor(gx);
        const x1 = Math.min(x0 + 1, g.w - 1);
        const tx = gx - x0;
        const top = g.v[y0 * g.w + x0] * (1 - tx) + g.v[y0 * g.w + x1] * tx;
        const bottom = g.v[y1 * g.w + x0] * (1 - tx) + g.v[y1 * g.w + x1] * tx;
        f.v[k] = conf * f.v[k] + (1 - conf) * (top * (1 - ty) + bottom * ty);
        f.c[k] = 1;
      }
    }
  }
  let filled = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (wr0 + y) * cols + wc0 + x;
      if (Number.isNaN(values[i])) { values[i] = level0[y * w + x]; filled++; }
    }
  }
  return filled;
}
