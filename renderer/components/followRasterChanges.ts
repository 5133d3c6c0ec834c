import { unionWindows, type CellWindow } from '../../core/coverage';
import type { GridSpec } from '../../core/grid';
import type { PlanCompute } from '../session/PlanCompute';

/**
 * Follows the compute's raster updates for a map layer, drawing at most once per animation frame: `onWindow`
 * gets the union of the windows edits changed since the last frame, `onAll` is called instead after a full
 * recompute. Answers arriving within one frame are drawn once, and an answer's own task stays short, so the
 * next edit's answer is not held up behind a repaint. Returns the unsubscribe function.
 * @example useEffect(() => followRasterChanges(compute, grid, () => layer.redraw(), (w) => layer.refreshWindow(w)), [compute]);
 */
export function followRasterChanges(
  compute: PlanCompute,
  grid: GridSpec,
  onAll: () => void,
  onWindow: (window: CellWindow) => void,
  /** 'load': follow the load map (fetched once edits rest) instead of the coverage rasters */
  which: 'rasters' | 'load' = 'rasters',
): () => void {
  const versionOf = (snap: ReturnType<PlanCompute['getSnapshot']>) => (which === 'load' ? snap.loadVersion : snap.rasterVersion);
  let version = versionOf(compute.getSnapshot());
  let pending: CellWindow | null = null;
  let isAll = false;
  let frame = 0;
  const draw = () => {
    frame = 0;
    if (isAll) onAll();
    else if (pending) onWindow(pending);
    pending = null;
    isAll = false;
  };
  const unsubscribe = compute.subscribe(() => {
    const snap = compute.getSnapshot();
    if (versionOf(snap) === version) return;
    version = versionOf(snap);
    const w = which === 'load' ? snap.loadChanged : snap.changed;
    if (!w || (w.cols === grid.cols && w.rows === grid.rows)) isAll = true;
    else pending = pending ? unionWindows(pending, w) : w;
    frame ||= requestAnimationFrame(draw);
  });
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}
