/**
 * A dense 5 m map of ground altitude, building height and clutter around one cell, built from the measured
 * squares themselves (every measured row carries the map values of its square; ../shared/data/README.md).
 * Unmeasured squares get their altitude from the mean of measured squares in the surrounding 40 m and then
 * 320 m blocks (or the site altitude); their building height is 0, or with `fillBuildingsBlock` the mean of
 * the measured squares in that block (an expected height, so sparse sampling does not hide obstructions).
 */
import type { CalibrationCell, MeasuredPoint } from './measurement';

/** Raster over [x0M, x0M + cols·cellSizeM) × (yTopM − rows·cellSizeM, yTopM], row 0 = north. */
export interface SquareMap {
  x0M: number;
  yTopM: number;
  cellSizeM: number;
  cols: number;
  rows: number;
  /** ground altitude, m (holes filled) */
  altitudeM: Float32Array;
  /** building height, m (0 where unknown) */
  buildingHeightM: Float32Array;
  /** land-cover class, 0 where unknown */
  clutter: Uint8Array;
  /** 1 where a measured square supplied the values */
  isKnown: Uint8Array;
}

function fillByBlocks(values: Float32Array, known: Uint8Array, cols: number, rows: number, block: number): void {
  const bc = Math.ceil(cols / block);
  const br = Math.ceil(rows / block);
  const sum = new Float64Array(bc * br);
  const cnt = new Float64Array(bc * br);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (!known[i]) continue;
      const b = Math.floor(r / block) * bc + Math.floor(c / block);
      sum[b] += values[i];
      cnt[b]++;
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (known[i] || !Number.isNaN(values[i])) continue;
      const b = Math.floor(r / block) * bc + Math.floor(c / block);
      if (cnt[b] > 0) values[i] = sum[b] / cnt[b];
    }
  }
}

/**
 * Builds the map around `cell` covering its own points (all `points` of `cellIndex`) plus a margin, filled
 * from every point of `points` that falls inside (other cells' squares help too). Points with NaN altitude
 * (no map data, e.g. a plain drive test) leave the ground flat at the site altitude (or 0).
 * @example buildSquareMap(set.cells[0], 0, set.points)
 */
export function buildSquareMap(
  cell: CalibrationCell,
  cellIndex: number,
  points: readonly MeasuredPoint[],
  options: { cellSizeM?: number; marginM?: number; fillBuildingsBlock?: number } = {},
): SquareMap {
  const cellSizeM = options.cellSizeM ?? 5;
  const marginM = options.marginM ?? 50;
  let minX = cell.xM;
  let maxX = cell.xM;
  let minY = cell.yM;
  let maxY = cell.yM;
  for (const p of points) {
    if (p.cellIndex !== cellIndex) continue;
    if (p.xM < minX) minX = p.xM;
    if (p.xM > maxX) maxX = p.xM;
    if (p.yM < minY) minY = p.yM;
    if (p.yM > maxY) maxY = p.yM;
  }
  const x0M = Math.floor((minX - marginM) / cellSizeM) * cellSizeM;
  const yTopM = Math.ceil((maxY + marginM) / cellSizeM) * cellSizeM;
  const cols = Math.ceil((maxX + marginM - x0M) / cellSizeM) + 1;
  const rows = Math.ceil((yTopM - (minY - marginM)) / cellSizeM) + 1;
  const n = cols * rows;
  const altitudeM = new Float32Array(n).fill(NaN);
  const buildingHeightM = new Float32Array(n);
  const clutter = new Uint8Array(n);
  const isKnown = new Uint8Array(n);
  const put = (xM: number, yM: number, alt: number, bh: number, cl: number) => {
    const c = Math.floor((xM - x0M) / cellSizeM);
    const r = Math.floor((yTopM - yM) / cellSizeM);
    if (c < 0 || c >= cols || r < 0 || r >= rows || Number.isNaN(alt)) return;
    const i = r * cols + c;
    altitudeM[i] = alt;
    buildingHeightM[i] = Number.isNaN(bh) ? 0 : bh;
    clutter[i] = cl;
    isKnown[i] = 1;
  };
  // the Huawei X, Y are the top-left corners of the squares: sample at the square centre
  for (const p of points) put(p.xM + cellSizeM / 2, p.yM - cellSizeM / 2, p.altitudeM, p.buildingHeightM, p.clutter);
  put(cell.xM + cellSizeM / 2, cell.yM - cellSizeM / 2, cell.altitudeM, cell.buildingHeightM, cell.clutter);
  const fallback = Number.isNaN(cell.altitudeM) ? 0 : cell.altitudeM;
  const tmpKnown = isKnown;
  fillByBlocks(altitudeM, tmpKnown, cols, rows, 8);
  fillByBlocks(altitudeM, tmpKnown, cols, rows, 64);
  for (let i = 0; i < n; i++) if (Number.isNaN(altitudeM[i])) altitudeM[i] = fallback;
  if (options.fillBuildingsBlock && options.fillBuildingsBlock > 0) {
    const filled = new Float32Array(n).fill(NaN);
    for (let i = 0; i < n; i++) if (isKnown[i]) filled[i] = buildingHeightM[i];
    fillByBlocks(filled, isKnown, cols, rows, options.fillBuildingsBlock);
    for (let i = 0; i < n; i++) buildingHeightM[i] = Number.isNaN(filled[i]) ? 0 : filled[i];
  }
  return { x0M, yTopM, cellSizeM, cols, rows, altitudeM, buildingHeightM, clutter, isKnown };
}
