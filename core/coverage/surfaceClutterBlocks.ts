import type { CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';

/** Side of a block of the map below, cells: 16 x 16 cells (400 m at 25 m) per flag. */
const BLOCK_CELLS = 16;

const cache = new WeakMap<CoverageContext, { blockCols: number; hasClutter: Uint8Array }>();

/**
 * Whether the context's surface (terrain plus clutter heights, ctx.surfaceM) differs from its terrain at any cell
 * of `window` or of the ring of cells around it (clipped to the grid): the cells the sweep samples for that
 * window. Where it does not, the sweep's surface horizon follows the terrain's sample for sample, its J equals the
 * terrain's and the model's clutter-diffraction term is exactly 0, so the prediction can leave the surface out
 * (a rural site, with land use derived from population, has no clutter height around it). False without a surface.
 * Answers from a map of 16 x 16-cell blocks built once per context (one pass over the grid; conservative: a
 * block with one differing cell counts whole); the context must not change afterwards.
 * @example if (!surfaceDiffersNear(ctx, win)) sweepTerrainLoss(grid, ctx.terrainM, win, ...) // no surface needed
 */
export function surfaceDiffersNear(ctx: CoverageContext, window: CellWindow): boolean {
  const { surfaceM, terrainM, grid } = ctx;
  if (!surfaceM || !terrainM) return false;
  let blocks = cache.get(ctx);
  if (!blocks) {
    const blockCols = Math.ceil(grid.cols / BLOCK_CELLS);
    const hasClutter = new Uint8Array(blockCols * Math.ceil(grid.rows / BLOCK_CELLS));
    for (let r = 0; r < grid.rows; r++) {
      const blockRow = Math.floor(r / BLOCK_CELLS) * blockCols;
      for (let c = 0; c < grid.cols; c++) {
        const i = r * grid.cols + c;
        const s = surfaceM[i];
        const t = terrainM[i];
        // NaN surface over NaN terrain is no difference (neither is an obstacle)
        if (s !== t && (s === s || t === t)) hasClutter[blockRow + Math.floor(c / BLOCK_CELLS)] = 1;
      }
    }
    blocks = { blockCols, hasClutter };
    cache.set(ctx, blocks);
  }
  const col0 = Math.max(0, window.col0 - 1);
  const row0 = Math.max(0, window.row0 - 1);
  const col1 = Math.min(grid.cols - 1, window.col0 + window.cols);
  const row1 = Math.min(grid.rows - 1, window.row0 + window.rows);
  for (let br = Math.floor(row0 / BLOCK_CELLS); br <= Math.floor(row1 / BLOCK_CELLS); br++) {
    for (let bc = Math.floor(col0 / BLOCK_CELLS); bc <= Math.floor(col1 / BLOCK_CELLS); bc++) {
      if (blocks.hasClutter[br * blocks.blockCols + bc]) return true;
    }
  }
  return false;
}
