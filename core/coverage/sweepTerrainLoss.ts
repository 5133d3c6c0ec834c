import type { GridSpec } from '../grid/gridSpec';
import { knifeEdgeLossDb } from '../radio/diffraction';
import { EARTH_RADIUS_M, SPEED_OF_LIGHT_M_PER_S } from '../units';
import type { CellWindow } from './cellWindow';

/** Terrain effect of one site over a window: obstruction flag and knife-edge diffraction loss per cell. */
export interface TerrainLoss {
  window: CellWindow;
  /** 1 where the DEM profile (with earth bulge) cuts the site-cell ray, 0 where clear or unknown */
  isObstructed: Uint8Array;
  /** knife-edge diffraction loss, dB (0 where clear of the Fresnel-zone limit v <= -0.78 or unknown) */
  diffractionDb: Float32Array;
}

/**
 * Terrain obstruction and diffraction for every cell of `window` in one radial sweep from the site's cell
 * (O(1) work per cell). Rays run from the site-cell centre to each cell on the square of Chebyshev radius R
 * around it, one sample per column (or row) crossed, so every cell of the square is met (twice on average).
 * Along a ray the sweep carries the horizon: the largest elevation angle seen from the transmitter,
 * θ = (z − H_tx)/x − x/(2ka), and the sample that set it, the dominant edge. A cell takes the state of the
 * ray passing nearest its centre: h = x_e(θ_e − θ_rx) is the edge height above the direct ray with the
 * earth bulge d1·d2/(2ka) (k = 4/3), v = h·sqrt(2/λ·(1/d1 + 1/d2)), loss = J(v) of that single edge (P.526
 * single knife edge on the dominant obstacle). The exact per-profile path (profileTerrainLoss) takes the
 * largest-v edge and up to two secondary edges; on smooth hills those secondary edges add about 6 dB each
 * per sample near the crest (the plain Deygout sum's known overestimate), so the sweep keeps one edge.
 * Sources: ITU-R P.526-15 §4.1 (J(v)), §4.5 (Deygout); ITU-R P.452-17 eq. (14) (bulge); radio.md §4.
 * Rays stop at `maxDistanceM` (default: the window's edge). Never throws; NaN terrain is no obstacle and a
 * NaN receiver height gives "clear".
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
  options: { kFactor?: number; maxDistanceM?: number } = {},
): TerrainLoss {
  const maxDistanceM = options.maxDistanceM ?? Infinity;
  const { cols: gridCols, cellSizeM } = grid;
  const { col0, row0, cols, rows } = window;
  const isObstructed = new Uint8Array(cols * rows);
  const diffractionDb = new Float32Array(cols * rows);
  const bestOffset = new Float32Array(cols * rows).fill(Infinity);
  const twoKa = 2 * (options.kFactor ?? 4 / 3) * EARTH_RADIUS_M;
  const twoOverLambda = (2 * freqMhz * 1e6) / SPEED_OF_LIGHT_M_PER_S;
  const txM = terrainM[siteRow * gridCols + siteCol] + txHeightAglM;
  const col1 = col0 + cols - 1;
  const row1 = row0 + rows - 1;
  const radius = Math.max(siteCol - col0, col1 - siteCol, siteRow - row0, row1 - siteRow);
  if (!Number.isFinite(txM) || radius === 0) return { window, isObstructed, diffractionDb };

  // One ray toward perimeter offset (major = ±radius along one axis, minor along the other).
  const castRay = (isMajorX: boolean, majorSign: number, minorEnd: number): void => {
    const slope = minorEnd / radius;
    const stepM = cellSizeM * Math.sqrt(1 + slope * slope);
    let thetaE = -Infinity;
    let xE = 0;
    for (let k = 1; k <= radius; k++) {
      const minor = k * slope;
      const m0 = Math.floor(minor);
      const frac = minor - m0;
      const mr = Math.round(minor);
      const xSample = k * stepM;
      if (xSample > maxDistanceM) break;
      const col = isMajorX ? siteCol + majorSign * k : siteCol + mr;
      const row = isMajorX ? siteRow + mr : siteRow + majorSign * k;
      if (col < col0 || col > col1 || row < row0 || row > row1) break;
      // terrain under the ray: linear between the two cells the ray passes between
      let za: number;
      let zb: number;
      if (isMajorX) {
        const r0 = Math.min(Math.max(siteRow + m0, 0), grid.rows - 1);
        const r1 = Math.min(Math.max(siteRow + m0 + 1, 0), grid.rows - 1);
        za = terrainM[r0 * gridCols + col];
        zb = terrainM[r1 * gridCols + col];
      } else {
        const c0 = Math.min(Math.max(siteCol + m0, 0), gridCols - 1);
        const c1 = Math.min(Math.max(siteCol + m0 + 1, 0), gridCols - 1);
        za = terrainM[row * gridCols + c0];
        zb = terrainM[row * gridCols + c1];
      }
      const zSample = frac === 0 ? za : za + (zb - za) * frac;
      const local = (row - row0) * cols + (col - col0);
      const offset = Math.abs(minor - mr);
      if (offset < bestOffset[local]) {
        bestOffset[local] = offset;
        const dM = cellSizeM * Math.sqrt(k * k + mr * mr);
        const rxM = terrainM[row * gridCols + col] + ueHeightM;
        let obstructed = 0;
        let lossDb = 0;
        if (thetaE > -Infinity && xE < dM && Number.isFinite(rxM)) {
          const thetaRx = (rxM - txM) / dM - dM / twoKa;
          const hE = xE * (thetaE - thetaRx);
          const vP = hE * Math.sqrt(twoOverLambda * (1 / xE + 1 / (dM - xE)));
          obstructed = hE > 0 ? 1 : 0;
          if (vP > -0.78) lossDb = knifeEdgeLossDb(vP);
        }
        isObstructed[local] = obstructed;
        diffractionDb[local] = lossDb;
      }
      if (Number.isNaN(zSample)) continue;
      const theta = (zSample - txM) / xSample - xSample / twoKa;
      if (theta > thetaE) {
        thetaE = theta;
        xE = xSample;
      }
    }
  };
  for (let m = -radius; m <= radius; m++) {
    castRay(true, 1, m);
    castRay(true, -1, m);
    castRay(false, 1, m);
    castRay(false, -1, m);
  }
  return { window, isObstructed, diffractionDb };
}
