import proj4 from 'proj4';
import { colOfXM, rowOfYM, type GridSpec } from '../grid/gridSpec';
import { emptyHouseholdSet, type HouseholdSet } from './households';

/**
 * Households from imported points ([lonDeg, latDeg] WGS-84, one household each unless `counts` is given),
 * projected into the grid CRS with proj4.
 * @example householdsFromPoints(grid, [[106.7, 26.6]]).households[0] // 1
 */
export function householdsFromPoints(grid: GridSpec, lonLat: readonly (readonly [number, number])[], counts?: ArrayLike<number>): HouseholdSet {
  if (counts && counts.length !== lonLat.length) throw new RangeError(`counts must have ${lonLat.length} entries, got ${counts.length}`);
  const toMetric = proj4('WGS84', grid.crs);
  const set = emptyHouseholdSet('points', lonLat.length);
  for (let k = 0; k < lonLat.length; k++) {
    const [x, y] = toMetric.forward([lonLat[k][0], lonLat[k][1]]);
    set.xM[k] = x;
    set.yM[k] = y;
    set.households[k] = counts ? counts[k] : 1;
    const col = colOfXM(grid, x);
    const row = rowOfYM(grid, y);
    set.cellIndex[k] = col >= 0 && col < grid.cols && row >= 0 && row < grid.rows ? row * grid.cols + col : -1;
  }
  return set;
}
