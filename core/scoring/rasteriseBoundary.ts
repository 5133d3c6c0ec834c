import type { MultiPolygon } from 'geojson';
import type { GridSpec } from '../grid/gridSpec';
import { forEachCellInRings } from './scanPolygon';

/**
 * A mask of the grid cells whose centre lies inside a (WGS-84) boundary: 1 inside, 0 outside.
 * `toGridM` maps [lonDeg, latDeg] to grid metres, e.g. proj4('WGS84', grid.crs).forward.
 * @example rasteriseBoundary(project.boundary, project.grid, proj4('WGS84', project.grid.crs).forward)
 */
export function rasteriseBoundary(boundary: MultiPolygon, grid: GridSpec, toGridM: (lonLat: [number, number]) => number[]): Uint8Array {
  const mask = new Uint8Array(grid.cols * grid.rows);
  for (const rings of boundary.coordinates) {
    forEachCellInRings(rings.map((r) => r.map((p) => toGridM([p[0], p[1]]))), grid, (i) => { mask[i] = 1; });
  }
  return mask;
}
