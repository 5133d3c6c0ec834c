import type { CellWindow } from './cellWindow';

/**
 * The smallest window holding both `a` and `b` (an empty window is ignored).
 * @example unionWindows({ col0: 0, row0: 0, cols: 2, rows: 2 }, { col0: 5, row0: 1, cols: 1, rows: 1 }) // { col0: 0, row0: 0, cols: 6, rows: 2 }
 */
export function unionWindows(a: CellWindow, b: CellWindow): CellWindow {
  if (a.cols <= 0 || a.rows <= 0) return { ...b };
  if (b.cols <= 0 || b.rows <= 0) return { ...a };
  const col0 = Math.min(a.col0, b.col0);
  const row0 = Math.min(a.row0, b.row0);
  return {
    col0,
    row0,
    cols: Math.max(a.col0 + a.cols, b.col0 + b.cols) - col0,
    rows: Math.max(a.row0 + a.rows, b.row0 + b.rows) - row0,
  };
}
