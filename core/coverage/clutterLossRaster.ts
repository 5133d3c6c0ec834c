import { referenceClutterLossDb } from '../propagation/clutterLoss';
import { LAND_USE_CLASS_COUNT, LAND_USE_IDS, type LandUseCode } from '../propagation/landUse';
import type { CoverageContext } from './coverageContext';

const cache = new WeakMap<CoverageContext, Map<number, Float32Array>>();

/**
 * The propagation model's clutter term C_rx per grid cell at `freqGhz`, dB: the mean, over the square of
 * ± round(clutterRadiusM / cellSizeM) cells around the cell (clipped at the grid's edge), of each cell's land-use
 * loss, the class's ITU-R P.2108 §3.1 reference at the UE height plus the model's correction for the class
 * (core/propagation/linkLoss.ts computes the same from class shares). Undefined when the context has no land
 * use. Kept per context and frequency (a separable box mean, O(cells)); the context must not change afterwards.
 * @example const clutterDb = clutterLossRaster(ctx, 3.5); clutterDb?.[row * ctx.grid.cols + col]
 */
export function clutterLossRaster(ctx: CoverageContext, freqGhz: number): Float32Array | undefined {
  const { landUse, grid, model } = ctx;
  if (!landUse) return undefined;
  let byFreq = cache.get(ctx);
  if (!byFreq) cache.set(ctx, (byFreq = new Map()));
  const cached = byFreq.get(freqGhz);
  if (cached) return cached;
  const classDb = new Float64Array(LAND_USE_CLASS_COUNT);
  for (let k = 0; k < LAND_USE_CLASS_COUNT; k++) {
    classDb[k] = referenceClutterLossDb(k as LandUseCode, freqGhz, ctx.radio.ueHeightM) + model.clutterCorrectionDb[LAND_USE_IDS[k]];
  }
  const { cols, rows } = grid;
  const radius = Math.round(model.form.clutterRadiusM / grid.cellSizeM);
  // box mean: along rows, then along columns, dividing by the cells actually inside the grid
  const rowMean = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let sum = 0;
    for (let c = 0; c < Math.min(radius, cols); c++) sum += classDb[landUse[base + c]];
    for (let c = 0; c < cols; c++) {
      if (c + radius < cols) sum += classDb[landUse[base + c + radius]];
      if (c - radius - 1 >= 0) sum -= classDb[landUse[base + c - radius - 1]];
      rowMean[base + c] = sum / (Math.min(c + radius, cols - 1) - Math.max(c - radius, 0) + 1);
    }
  }
  const out = new Float32Array(cols * rows);
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < Math.min(radius, rows); r++) sum += rowMean[r * cols + c];
    for (let r = 0; r < rows; r++) {
      if (r + radius < rows) sum += rowMean[(r + radius) * cols + c];
      if (r - radius - 1 >= 0) sum -= rowMean[(r - radius - 1) * cols + c];
      out[r * cols + c] = sum / (Math.min(r + radius, rows - 1) - Math.max(r - radius, 0) + 1);
    }
  }
  byFreq.set(freqGhz, out);
  return out;
}
