import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { WGS84_LONLAT } from './geoRaster';
import { assertGridSpec, cellCentreXM, cellCentreYM, type GridSpec } from './gridSpec';

/**
 * 1 for every grid cell whose centre lies inside `boundary` (WGS-84), else 0: scanline fill with the
 * even-odd rule over all rings (holes excluded), vertices projected to the grid's CRS with proj4.
 * Method: the classic polygon scan-conversion (Foley et al., Computer Graphics, section 3.6).
 * @example const inside = polygonMask(project.grid, project.boundary); // Uint8Array, 1 = in the county
 */
export function polygonMask(grid: GridSpec, boundary: MultiPolygon): Uint8Array {
  assertGridSpec(grid);
  const toGrid = proj4(WGS84_LONLAT, grid.crs);
  const edges: number[] = []; // x0, y0, x1, y1 per edge
  for (const polygon of boundary.coordinates) {
    for (const ring of polygon) {
      let prev = toGrid.forward([ring[0][0], ring[0][1]]);
      for (let k = 1; k < ring.length; k++) {
        const p = toGrid.forward([ring[k][0], ring[k][1]]);
        if (p[1] !== prev[1]) edges.push(prev[0], prev[1], p[0], p[1]);
        prev = p;
      }
    }
  }
  const mask = new Uint8Array(grid.cols * grid.rows);
  const xs: number[] = [];
  for (let row = 0; row < grid.rows; row++) {
    const y = cellCentreYM(grid, row);
    xs.length = 0;
    for (let e = 0; e < edges.length; e += 4) {
      const y0 = edges[e + 1];
      const y1 = edges[e + 3];
      // half-open in y so a vertex on the scanline is counted once
      if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) {
        xs.push(edges[e] + ((y - y0) / (y1 - y0)) * (edges[e + 2] - edges[e]));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k] - grid.originXM) / grid.cellSizeM - 0.5));
      const to = Math.min(grid.cols - 1, Math.floor((xs[k + 1] - grid.originXM) / grid.cellSizeM - 0.5));
      for (let col = from; col <= to; col++) {
        const x = cellCentreXM(grid, col);
        if (x >= xs[k] && x < xs[k + 1]) mask[row * grid.cols + col] = 1;
      }
    }
  }
  return mask;
}
