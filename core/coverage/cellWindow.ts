import type { GridSpec } from '../grid/gridSpec';

/** A rectangle of grid cells: columns col0..col0+cols-1, rows row0..row0+rows-1. Empty when cols or rows is 0. */
export interface CellWindow {
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

/**
 * The cells within `radiusM` of cell (col, row), as the bounding window clipped to the grid.
 * @example windowAround(grid, 100, 100, 5000) // { col0: 0, row0: 0, cols: 301, rows: 301 } on a 25 m grid
 */
export function windowAround(grid: GridSpec, col: number, row: number, radiusM: number): CellWindow {
  const r = Math.ceil(radiusM / grid.cellSizeM);
  const col0 = Math.max(0, col - r);
  const row0 = Math.max(0, row - r);
  const col1 = Math.min(grid.cols - 1, col + r);
  const row1 = Math.min(grid.rows - 1, row + r);
  return { col0, row0, cols: Math.max(0, col1 - col0 + 1), rows: Math.max(0, row1 - row0 + 1) };
}
