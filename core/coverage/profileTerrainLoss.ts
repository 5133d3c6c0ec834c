import type { GridSpec } from '../grid/gridSpec';
import { cellCentreXM, cellCentreYM } from '../grid/gridSpec';
import { sampleProfileM } from '../radio/sampleProfile';
import { bullingtonLossDb, deygoutLossDb, horizonEdgeLoss, isLineOfSight, type HorizonEdge } from '../radio/terrainProfile';
import type { CellWindow } from './cellWindow';
import type { TerrainLoss } from './sweepTerrainLoss';

/**
 * Terrain obstruction and diffraction for every cell of `window`, exactly per profile: the DEM is sampled
 * (bilinear) from the site-cell centre to each cell centre about once per cell (the DEM's own resolution),
 * line of sight and the loss are computed over the whole profile by Deygout (`maxEdges` 1-3, default 3,
 * plain sum) or Bullington, with the earth bulge (k = 4/3). With `surfaceM` (terrain plus clutter heights) the
 * surface loss is the transmitter-horizon single knife edge over the sampled surface (horizonEdgeLoss, the
 * propagation model's clutter term). O(profile length) per cell: the reference for sweepTerrainLoss and for spot
 * checks, not for maps.
 * Sources: ITU-R P.526-15 §4.5; ITU-R P.1812-6 §4.3.1; radio.md §4. Never throws.
 * @example profileTerrainLoss(grid, dem, win, c, r, 35, 1.5, 3500, { method: 'deygout' })
 */
export function profileTerrainLoss(
  grid: GridSpec,
  terrainM: Float32Array,
  window: CellWindow,
  siteCol: number,
  siteRow: number,
  txHeightAglM: number,
  ueHeightM: number,
  freqMhz: number,
  options: { method?: 'deygout' | 'bullington'; maxEdges?: 1 | 2 | 3; kFactor?: number; surfaceM?: Float32Array } = {},
): TerrainLoss {
  const { col0, row0, cols, rows } = window;
  const isObstructed = new Uint8Array(cols * rows);
  const diffractionDb = new Float32Array(cols * rows);
  const surfaceM = options.surfaceM;
  const surfaceDiffractionDb = surfaceM ? new Float32Array(cols * rows) : undefined;
  const surface = surfaceM ? new Float64Array(2 * Math.ceil(Math.hypot(cols, rows)) + 3) : undefined;
  const edge: HorizonEdge = { lossDb: 0, heightAboveRayM: 0, distanceFromTxM: 0 };
  const result: TerrainLoss = { window, isObstructed, diffractionDb, surfaceDiffractionDb };
  const txXM = cellCentreXM(grid, siteCol);
  const txYM = cellCentreYM(grid, siteRow);
  const txM = terrainM[siteRow * grid.cols + siteCol] + txHeightAglM;
  if (!Number.isFinite(txM)) return result;
  const method = options.method ?? 'deygout';
  const profileOptions = { kFactor: options.kFactor ?? 4 / 3 };
  const profile = new Float64Array(2 * Math.ceil(Math.hypot(cols, rows)) + 3);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const col = col0 + c;
      const row = row0 + r;
      if (col === siteCol && row === siteRow) continue;
      const rxM = terrainM[row * grid.cols + col] + ueHeightM;
      if (!Number.isFinite(rxM)) continue;
      const xM = cellCentreXM(grid, col);
      const yM = cellCentreYM(grid, row);
      const dM = Math.hypot(xM - txXM, yM - txYM);
      const count = Math.max(2, Math.round(dM / grid.cellSizeM) + 1);
      const heights = sampleProfileM(grid, terrainM, txXM, txYM, xM, yM, count, profile.subarray(0, count));
      const stepM = dM / (count - 1);
      const local = r * cols + c;
      isObstructed[local] = isLineOfSight(heights, stepM, txM, rxM, freqMhz, profileOptions) ? 0 : 1;
      diffractionDb[local] =
        method === 'bullington'
          ? bullingtonLossDb(heights, stepM, txM, rxM, freqMhz, profileOptions)
          : deygoutLossDb(heights, stepM, txM, rxM, freqMhz, { ...profileOptions, maxEdges: options.maxEdges ?? 3 });
      if (surfaceM && surface && surfaceDiffractionDb) {
        const sampled = sampleProfileM(grid, surfaceM, txXM, txYM, xM, yM, count, surface.subarray(0, count));
        surfaceDiffractionDb[local] = horizonEdgeLoss(sampled, stepM, txM, rxM, freqMhz, profileOptions, edge).lossDb;
      }
    }
  }
  return result;
}
