import type { County } from './county';
import { countyGrid } from './newCountyProject';

/**
 * Grid cells a new county project gets by default, in the app and in `qcplan new` alike. The sample 仁怀市 at 25 m is 6.4 M cells and is what the app's
 * coverage, map and scoring were built and measured on; 威宁 at 25 m is 19.2 M cells, three times that, for every
 * raster in the UI thread, the plan worker and each coverage worker. Larger counties get a coarser default grid.
 */
export const DEFAULT_MAX_GRID_CELLS = 6_500_000;

/** Cell sizes offered for a new county's default grid, m (finest first). */
const CELL_SIZES_M = [25, 30, 40, 50, 75, 100] as const;

/**
 * The default grid of a new county project: 25 m unless that exceeds DEFAULT_MAX_GRID_CELLS, else the finest of
 * 30/40/50/75/100 m that fits. 40 of the 88 counties are over the budget at 25 m; 威宁 gets 50 m (4.8 M cells).
 * @example defaultCellSizeM(countyByCode('520526')!) // { cellSizeM: 50, cells: 4800180, isCoarsened: true }
 */
export function defaultCellSizeM(county: County, maxCells = DEFAULT_MAX_GRID_CELLS): { cellSizeM: number; cells: number; isCoarsened: boolean } {
  for (const cellSizeM of CELL_SIZES_M) {
    const g = countyGrid(county, cellSizeM);
    if (g.cols * g.rows <= maxCells) return { cellSizeM, cells: g.cols * g.rows, isCoarsened: cellSizeM !== CELL_SIZES_M[0] };
  }
  const g = countyGrid(county, 100);
  return { cellSizeM: 100, cells: g.cols * g.rows, isCoarsened: true };
}
