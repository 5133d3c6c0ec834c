import type { GridSpec } from '../grid/gridSpec';
import { knifeEdgeLossDb } from '../radio/diffraction';
import { EARTH_RADIUS_M, SPEED_OF_LIGHT_M_PER_S } from '../units';
import type { CellWindow } from './cellWindow';

/**
 * Half of a site's cells: the rows north of its own ('north') or its row and those south of it ('south').
 * Both take half the sweep's rays and a contiguous band of rows, so two threads can share one site.
 */
export type FootprintHalf = 'north' | 'south';

/** Terrain effect of one site over a window: obstruction flag and knife-edge diffraction loss per cell. */
export interface TerrainLoss {
  window: CellWindow;
  /** 1 where the DEM profile (with earth bulge) cuts the site-cell ray, 0 where clear or unknown */
  isObstructed: Uint8Array;
  /** knife-edge diffraction loss, dB (0 where clear of the Fresnel-zone limit v <= -0.78 or unknown) */
  diffractionDb: Float32Array;
  /**
   * the same over the surface (terrain plus representative clutter heights) when a surface was given, dB; the
   * receiver stays at the terrain plus the UE height
   */
  surfaceDiffractionDb?: Float32Array;
}

const J_STEP = 0.01;
const J_STEPS_PER_UNIT = 1 / J_STEP;
const J_MAX_V = 40;
/**
 * J(v) at 0.01 steps from v = −0.78, read with linear interpolation in the sweep (inline there: as a call it was
 * not inlined and cost a sixth of the sweep). J = 6.9 + 20/ln 10 · asinh(v − 0.1) has |J''| <= 3.4 dB, so the
 * error is below 0.01²/8 · 3.4 ≈ 5e-5 dB; 16 KB, it stays in the first-level cache.
 */
const J_TABLE = new Float32Array(Math.ceil((J_MAX_V + 0.78) / J_STEP) + 2).map((_, i) => knifeEdgeLossDb(-0.78 + i * J_STEP));

/**
 * Terrain obstruction and diffraction for every cell of `window` in one radial sweep from the site's cell
 * (O(1) work per cell). Rays run from the site-cell centre to each cell on the square of Chebyshev radius R
 * around it, one sample per column (or row) crossed, so every cell of the square is met; each cell is
 * evaluated once, by the ray passing nearest its centre (ray m = round(dy·R/dx) in the x-major octants).
 * Along a ray the sweep carries the horizon: the largest elevation angle seen from the transmitter,
 * θ = (z − H_tx)/x − x/(2ka), and the sample that set it, the dominant edge. For a cell, h = x_e(θ_e − θ_rx)
 * is the edge height above the direct ray with the earth bulge d1·d2/(2ka) (k = 4/3),
 * v = h·sqrt(2/λ·(1/d1 + 1/d2)), loss = J(v) of that single edge (P.526 single knife edge on the dominant
 * obstacle; J from a 0.01-step table). The exact per-profile path (profileTerrainLoss) takes the
 * largest-v edge and up to two secondary edges; on smooth hills those secondary edges add about 6 dB each
 * per sample near the crest (the plain Deygout sum's known overestimate), so the sweep keeps one edge.
 * Sources: ITU-R P.526-15 §4.1 (J(v)), §4.5 (Deygout); ITU-R P.452-17 eq. (14) (bulge); radio.md §4.
 * Writes into `out` (cleared first; arrays of window.cols * window.rows cells) when given, to reuse them across sites.
 * Rays stop at `maxDistanceM` (default: the window's edge). With `half`, only the cells of that half (FootprintHalf)
 * are evaluated, from the rays that reach them, the others left clear: half the work each. With `surfaceM` (terrain
 * plus clutter heights over the grid) the same rays carry a second horizon over the surface and write
 * `surfaceDiffractionDb` (out.surfaceDiffractionDb, required then): the clutter term of the propagation model.
 * Throws RangeError only for `out` arrays of the wrong size; NaN terrain is no obstacle and a NaN receiver height
 * gives "clear".
 * @example sweepTerrainLoss(grid, dem, windowAround(grid, c, r, 5000), c, r, 35, 1.5, 3500)
 */
export function sweepTerrainLoss(
  grid: GridSpec,
  terrainM: Float32Array,
  window: CellWindow,
  siteCol: number,
  siteRow: number,
  txHeightAglM: number,
  ueHeightM: number,
  freqMhz: number,
  options: { kFactor?: number; maxDistanceM?: number; half?: FootprintHalf; surfaceM?: Float32Array } = {},
  out: { isObstructed: Uint8Array; diffractionDb: Float32Array; surfaceDiffractionDb?: Float32Array } = {
    isObstructed: new Uint8Array(window.cols * window.rows),
    diffractionDb: new Float32Array(window.cols * window.rows),
    surfaceDiffractionDb: options.surfaceM ? new Float32Array(window.cols * window.rows) : undefined,
  },
): TerrainLoss {
  const maxDistanceM = options.maxDistanceM ?? Infinity;
  const { cols: gridCols, rows: gridRows, cellSizeM } = grid;
  const { col0, row0, cols, rows } = window;
  const { isObstructed, diffractionDb } = out;
  const surfaceM = options.surfaceM;
  const surfaceDb = surfaceM ? out.surfaceDiffractionDb : undefined;
  if (isObstructed.length !== cols * rows || diffractionDb.length !== cols * rows || (surfaceM && surfaceDb?.length !== cols * rows)) {
    throw new RangeError(`out arrays must have window.cols * window.rows = ${cols * rows} cells, got ${isObstructed.length}, ${diffractionDb.length} and ${surfaceDb?.length}`);
  }
  // a reused `out` still holds the previous site's values
  isObstructed.fill(0);
  diffractionDb.fill(0);
  surfaceDb?.fill(0);
  const invTwoKa = 1 / (2 * (options.kFactor ?? 4 / 3) * EARTH_RADIUS_M);
  const twoOverLambda = (2 * freqMhz * 1e6) / SPEED_OF_LIGHT_M_PER_S;
  const txM = terrainM[siteRow * gridCols + siteCol] + txHeightAglM;
  const radius = Math.max(siteCol - col0, col0 + cols - 1 - siteCol, siteRow - row0, row0 + rows - 1 - siteRow);
  // one object shape with or without a surface: the predictor's loop, compiled for one, was deoptimised by the other
  const result: TerrainLoss = { window, isObstructed, diffractionDb, surfaceDiffractionDb: surfaceDb };
  if (!Number.isFinite(txM) || radius === 0) return result;
  // 1 / k for every step: the horizon angle of each sample without a division
  const invK = new Float64Array(radius + 1);
  for (let k = 1; k <= radius; k++) invK[k] = 1 / k;
  const siteIndex = siteRow * gridCols + siteCol;
  const siteLocal = (siteRow - row0) * cols + (siteCol - col0);
  const half = options.half;
  for (let octant = 0; octant < 4; octant++) {
    const isMajorX = octant < 2;
    const sign = octant % 2 === 0 ? 1 : -1;
    // a y-major octant runs wholly north (sign -1) or south of the site
    if (half && !isMajorX && (half === 'north') !== (sign < 0)) continue;
    // strides of one step along the major and the minor axis, in the grid and in the window
    const majorGrid = isMajorX ? sign : sign * gridCols;
    const minorGrid = isMajorX ? gridCols : 1;
    const majorLocal = isMajorX ? sign : sign * cols;
    const minorLocal = isMajorX ? cols : 1;
    // how far the window (and the grid) reach from the site along each axis
    const majorLimit = isMajorX ? (sign > 0 ? col0 + cols - 1 - siteCol : siteCol - col0) : sign > 0 ? row0 + rows - 1 - siteRow : siteRow - row0;
    const minorLow = isMajorX ? row0 - siteRow : col0 - siteCol;
    const minorHigh = isMajorX ? row0 + rows - 1 - siteRow : col0 + cols - 1 - siteCol;
    const gridMinorLow = isMajorX ? -siteRow : -siteCol;
    const gridMinorHigh = isMajorX ? gridRows - 1 - siteRow : gridCols - 1 - siteCol;
    // in the x-major octants the cells of ray m lie north of the site's row when m < 0, on or south of it otherwise
    const mFirst = half === 'south' && isMajorX ? 0 : -radius;
    const mLast = half === 'north' && isMajorX ? -1 : radius;
    for (let m = mFirst; m <= mLast; m++) {
      const slope = m / radius;
      const stepM = cellSizeM * Math.sqrt(1 + slope * slope);
      const invStepM = 1 / stepM;
      const kMax = Math.min(majorLimit, Math.floor(maxDistanceM / stepM));
      let thetaE = -Infinity;
      let xE = 0;
      // the horizon over the surface (terrain + clutter), when one is given
      let thetaS = -Infinity;
      let xS = 0;
      for (let k = 1; k <= kMax; k++) {
        const minor = k * slope;
        const mr = Math.round(minor);
        if (mr < minorLow || mr > minorHigh) break;
        const xSample = k * stepM;
        // evaluate the cell at (k, mr) if this is its nearest ray (diagonal cells belong to the x-major octants)
        const twice = 2 * mr * radius;
        if (twice >= (2 * m - 1) * k && twice < (2 * m + 1) * k && (isMajorX || (mr !== k && mr !== -k))) {
          const local = siteLocal + k * majorLocal + mr * minorLocal;
          const rxM = terrainM[siteIndex + k * majorGrid + mr * minorGrid] + ueHeightM;
          if (thetaE > -Infinity && rxM === rxM) {
            const dM = cellSizeM * Math.sqrt(k * k + mr * mr);
            const rayTheta = (rxM - txM) / dM - dM * invTwoKa;
            if (xE < dM) {
              const hE = xE * (thetaE - rayTheta);
              if (hE > 0) isObstructed[local] = 1;
              // 1/d1 + 1/d2 = d / (d1·d2): one division
              const v = hE * Math.sqrt((twoOverLambda * dM) / (xE * (dM - xE)));
              if (v > -0.78) {
                if (v < J_MAX_V) {
                  const f = (v + 0.78) * J_STEPS_PER_UNIT;
                  const i = f | 0;
                  diffractionDb[local] = J_TABLE[i] + (J_TABLE[i + 1] - J_TABLE[i]) * (f - i);
                } else diffractionDb[local] = knifeEdgeLossDb(v);
              }
            }
            if (surfaceDb && xS < dM) {
              const v = xS * (thetaS - rayTheta) * Math.sqrt((twoOverLambda * dM) / (xS * (dM - xS)));
              if (v > -0.78) {
                if (v < J_MAX_V) {
                  const f = (v + 0.78) * J_STEPS_PER_UNIT;
                  const i = f | 0;
                  surfaceDb[local] = J_TABLE[i] + (J_TABLE[i + 1] - J_TABLE[i]) * (f - i);
                } else surfaceDb[local] = knifeEdgeLossDb(v);
              }
            }
          }
        }
        // terrain under the ray: linear between the two cells it passes between
        const m0 = Math.floor(minor);
        const frac = minor - m0;
        const base = siteIndex + k * majorGrid;
        const za = terrainM[base + Math.max(m0, gridMinorLow) * minorGrid];
        const ib = base + Math.min(m0 + 1, gridMinorHigh) * minorGrid;
        const zSample = frac === 0 ? za : za + (terrainM[ib] - za) * frac;
        if (surfaceM) {
          const sa = surfaceM[base + Math.max(m0, gridMinorLow) * minorGrid];
          const sSample = frac === 0 ? sa : sa + (surfaceM[ib] - sa) * frac;
          if (sSample === sSample) {
            const theta = (sSample - txM) * invK[k] * invStepM - xSample * invTwoKa;
            if (theta > thetaS) {
              thetaS = theta;
              xS = xSample;
            }
          }
        }
        if (zSample !== zSample) continue;
        const theta = (zSample - txM) * invK[k] * invStepM - xSample * invTwoKa;
        if (theta > thetaE) {
          thetaE = theta;
          xE = xSample;
        }
      }
    }
  }
  return result;
}
