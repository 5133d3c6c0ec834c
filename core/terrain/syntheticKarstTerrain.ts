import { createNoise2D } from 'simplex-noise';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { assertGridSpec, cellCentreXM, cellCentreYM, type GridSpec } from '../grid/gridSpec';
import { mulberry32 } from '../random';

/** Options of syntheticKarstTerrain; the defaults give a Guizhou-like plateau (illustrative values). */
export interface KarstTerrainOptions {
  /** mean plateau height above sea level, m; default 900 (a Guizhou plateau level, illustrative) */
  baseM?: number;
  /** amplitude of the regional (tens of km) undulation, m; default 250 */
  regionalReliefM?: number;
  /** height of the karst cones (峰丛) above their depressions, m; default 160 */
  coneReliefM?: number;
  /** typical distance between neighbouring cones, m; default 700 */
  coneSpacingM?: number;
  /** depth of the river gorges, m; default 350 */
  gorgeDepthM?: number;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/**
 * SYNTHETIC karst-like terrain (heights above sea level, m, per cell of `grid`) for samples and tests:
 * deterministic for a given integer `seed`. Not real terrain. Sum of three simplex-noise fields
 * (simplex-noise package, Gustavson 2005 "Simplex noise demystified"):
 *  - a regional undulation (2 octaves, ~25 km),
 *  - cone karst (峰丛): rounded peaks where a ~`coneSpacingM` noise field is positive, shallow closed
 *    depressions (洼地) where it is negative,
 *  - gorges: a narrow band along the zero line of a ~15 km noise field, cut `gorgeDepthM` deep
 *    (like the 赤水河 gorge), with the cones damped inside it.
 * Noise is taken in grid metres, so the same seed gives the same landscape at any cell size.
 * @example const terrainM = syntheticKarstTerrain(project.grid, 20220101);
 */
export function syntheticKarstTerrain(grid: GridSpec, seed: number, options: KarstTerrainOptions = {}): Float32Array {
  assertGridSpec(grid);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const baseM = options.baseM ?? 900;
  const regionalReliefM = options.regionalReliefM ?? 250;
  const coneReliefM = options.coneReliefM ?? 160;
  const coneSpacingM = options.coneSpacingM ?? 700;
  const gorgeDepthM = options.gorgeDepthM ?? 350;
  if (!(coneSpacingM > 0)) throw new RangeError(`coneSpacingM must be > 0, got ${coneSpacingM}`);
  const random = mulberry32(seed);
  const regional = createNoise2D(random);
  const cones = createNoise2D(random);
  const conesDetail = createNoise2D(random);
  const rivers = createNoise2D(random);
  const out = new Float32Array(grid.cols * grid.rows);
  const coneFreq = 1 / coneSpacingM;
  for (let row = 0; row < grid.rows; row++) {
    throwIfCancelled(options.cancel);
    const y = cellCentreYM(grid, row);
    for (let col = 0, i = row * grid.cols; col < grid.cols; col++, i++) {
      const x = cellCentreXM(grid, col);
      const region = regional(x / 25_000, y / 25_000) + 0.5 * regional(x / 9_000 + 31.7, y / 9_000 - 12.3);
      const c = cones(x * coneFreq, y * coneFreq) + 0.3 * conesDetail(x * coneFreq * 2.7, y * coneFreq * 2.7);
      const coneM = c > 0 ? coneReliefM * Math.pow(c / 1.3, 1.4) : 0.15 * coneReliefM * (c / 1.3);
      const river = rivers(x / 15_000, y / 15_000);
      const gorge = Math.exp(-((river / 0.06) ** 2));
      out[i] = baseM + (regionalReliefM * region) / 1.5 + coneM * (1 - 0.8 * gorge) - gorgeDepthM * gorge;
    }
    options.onProgress?.((row + 1) / grid.rows);
  }
  return out;
}
