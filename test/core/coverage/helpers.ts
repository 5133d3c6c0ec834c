import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM, type GridSpec } from '../../../core/grid/gridSpec';
import { makeSite } from '../../../core/model/siteDefaults';
import type { Site, SiteKind } from '../../../core/model/site';

/** A 25 m test grid centred on (0, 0) of a local projection near Guiyang. */
export const proj = makeLocalProjection(106.7, 26.6);

export function testGrid(halfWidthM: number, cellSizeM = 25): GridSpec {
  return gridForBoundsM([-halfWidthM, -halfWidthM, halfWidthM, halfWidthM], cellSizeM, proj.proj4);
}

/** A site of `kind` at planar (xM, yM) of the test projection. */
export function siteAt(kind: SiteKind, id: string, xM: number, yM: number, patch: Partial<Site> = {}): Site {
  const [lon, lat] = proj.inverse([xM, yM]);
  return { ...makeSite(kind, [lon, lat], id), ...patch };
}

/** Terrain over `grid` from a height function of planar (xM, yM). */
export function terrainFrom(grid: GridSpec, heightM: (xM: number, yM: number) => number): Float32Array {
  const out = new Float32Array(grid.cols * grid.rows);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      out[r * grid.cols + c] = heightM(grid.originXM + (c + 0.5) * grid.cellSizeM, grid.originYM - (r + 0.5) * grid.cellSizeM);
    }
  }
  return out;
}
