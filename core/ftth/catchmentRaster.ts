import type { GridSpec } from '../grid/gridSpec';
import type { HouseholdSet } from './households';

/**
 * Road-distance catchments as a raster: each grid cell holding households is labelled with the OLT that
 * serves most of its households (the nearest OLT by road, from gigabitReach's `servingOltIdx`); other cells
 * are -1. Cells without households are not labelled because no route was traced for them.
 * @example catchmentRaster(project.grid, households, reach.servingOltIdx)[i] // OLT index or -1
 */
export function catchmentRaster(grid: GridSpec, set: HouseholdSet, servingOltIdx: Int32Array): Int32Array {
  if (servingOltIdx.length !== set.xM.length) throw new RangeError(`servingOltIdx must have ${set.xM.length} entries, got ${servingOltIdx.length}`);
  const label = new Int32Array(grid.cols * grid.rows).fill(-1);
  const best = new Float64Array(grid.cols * grid.rows);
  // households per (cell, OLT) are summed only when a cell holds several entries (imported points)
  const perCell = new Map<number, Map<number, number>>();
  for (let k = 0; k < set.xM.length; k++) {
    const c = set.cellIndex[k];
    const olt = servingOltIdx[k];
    if (c < 0 || olt < 0) continue;
    if (!perCell.has(c)) {
      label[c] = olt;
      best[c] = set.households[k];
      perCell.set(c, new Map([[olt, set.households[k]]]));
      continue;
    }
    const sums = perCell.get(c)!;
    const total = (sums.get(olt) ?? 0) + set.households[k];
    sums.set(olt, total);
    if (total > best[c]) {
      best[c] = total;
      label[c] = olt;
    }
  }
  return label;
}
