/**
 * Linear least squares with light ridge regularisation, for K-factor calibration.
 * Source: Hoerl & Kennard, "Ridge regression", Technometrics 12 (1970); solved by Cholesky on the normal
 * equations of the standardised features (p is small: tens of columns).
 */

/** A fitted linear model in the raw feature units: y ≈ intercept + Σ coefficients[j]·x[j]. */
export interface LinearFit {
  intercept: number;
  coefficients: number[];
  /** training rows used (finite target) */
  rows: number;
}

/**
 * Fits y ≈ b0 + X·b with penalty λ·n·Σ (b_j·s_j)² on the standardised coefficients (s_j = column std), so
 * `lambda` is scale-free; the intercept is not penalised. Rows with a non-finite target are skipped;
 * constant columns get coefficient 0. `penaltyScale[j]` multiplies λ for column j (default 1).
 * Throws RangeError for mismatched sizes, negative lambda or no usable rows.
 * @example fitRidge(new Float64Array([1, 2, 3]), 3, 1, new Float64Array([2, 4, 6]), { lambda: 0 }).coefficients // [2]
 */
export function fitRidge(
  values: Float64Array,
  rows: number,
  cols: number,
  targetDb: Float64Array,
  options: { lambda?: number; penaltyScale?: readonly number[]; rowMask?: Uint8Array; weights?: Float64Array } = {},
): LinearFit {
  if (values.length !== rows * cols) throw new RangeError(`values must have rows*cols = ${rows * cols} entries, got ${values.length}`);
  if (targetDb.length !== rows) throw new RangeError(`targetDb must have ${rows} entries, got ${targetDb.length}`);
  const lambda = options.lambda ?? 1e-4;
  if (!(lambda >= 0)) throw new RangeError(`lambda must be >= 0, got ${lambda}`);
  const mask = options.rowMask;
  const w = options.weights;
  const mean = new Float64Array(cols);
  let yMean = 0;
  let n = 0;
  for (let i = 0; i < rows; i++) {
    if ((mask && !mask[i]) || !Number.isFinite(targetDb[i])) continue;
    const wi = w ? w[i] : 1;
    n += wi;
    yMean += wi * targetDb[i];
    for (let j = 0; j < cols; j++) mean[j] += wi * values[i * cols + j];
  }
  if (!(n > 0)) throw new RangeError('no rows with a finite target to fit');
  yMean /= n;
  for (let j = 0; j < cols; j++) mean[j] /= n;
  const scale = new Float64Array(cols);
  const xtx = new Float64Array(cols * cols);
  const xty = new Float64Array(cols);
  const z = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    if ((mask && !mask[i]) || !Number.isFinite(targetDb[i])) continue;
    const wi = w ? w[i] : 1;
    for (let j = 0; j < cols; j++) {
      const d = values[i * cols + j] - mean[j];
      scale[j] += wi * d * d;
    }
  }
  for (let j = 0; j < cols; j++) scale[j] = Math.sqrt(scale[j] / n);
  let used = 0;
  for (let i = 0; i < rows; i++) {
    if ((mask && !mask[i]) || !Number.isFinite(targetDb[i])) continue;
    used++;
    const wi = w ? w[i] : 1;
    for (let j = 0; j < cols; j++) z[j] = scale[j] > 1e-12 ? (values[i * cols + j] - mean[j]) / scale[j] : 0;
    const yc = targetDb[i] - yMean;
    for (let j = 0; j < cols; j++) {
      const zj = wi * z[j];
      if (zj === 0) continue;
      xty[j] += zj * yc;
      for (let k = j; k < cols; k++) xtx[j * cols + k] += zj * z[k];
    }
  }
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) xtx[j * cols + k] = xtx[k * cols + j];
    const pen = lambda * n * (options.penaltyScale?.[j] ?? 1);
    xtx[j * cols + j] += scale[j] > 1e-12 ? pen : 1;
  }
  const beta = solveCholesky(xtx, xty, cols);
  const coefficients = new Array<number>(cols);
  let intercept = yMean;
  for (let j = 0; j < cols; j++) {
    coefficients[j] = scale[j] > 1e-12 ? beta[j] / scale[j] : 0;
    intercept -= coefficients[j] * mean[j];
  }
  return { intercept, coefficients, rows: used };
}

/** Solves A x = b for symmetric positive-definite A (row-major p×p) by Cholesky; a tiny jitter keeps it PD. */
function solveCholesky(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(sum, 1e-12));
      else l[i * p + j] = sum / l[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * y[k];
    y[i] = sum / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * x[k];
    x[i] = sum / l[i * p + i];
  }
  return x;
}

/**
 * Applies a LinearFit to row-major `values` (rows × cols), adding `offsetDb[i]` when given.
 * @example predictLinear(fit, values, rows, cols)
 */
export function predictLinear(
  fit: LinearFit,
  values: Float64Array,
  rows: number,
  cols: number,
  offsetDb?: Float64Array,
  out = new Float64Array(rows),
): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = fit.intercept + (offsetDb ? offsetDb[i] : 0);
    for (let j = 0; j < cols; j++) s += fit.coefficients[j] * values[i * cols + j];
    out[i] = s;
  }
  return out;
}
