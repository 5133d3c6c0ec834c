import fc from 'fast-check';
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

/** A random macro or micro site `id` within `maxOffsetM` of the centre, its sectors 120° apart (property tests). */
export const siteArb = (id: string, maxOffsetM: number) =>
  fc
    .record({
      kind: fc.constantFrom('macro' as const, 'micro' as const),
      xM: fc.integer({ min: -maxOffsetM, max: maxOffsetM }),
      yM: fc.integer({ min: -maxOffsetM, max: maxOffsetM }),
      azimuthDeg: fc.integer({ min: 0, max: 359 }),
      heightAglM: fc.integer({ min: 12, max: 45 }),
    })
    .map(({ kind, xM, yM, azimuthDeg, heightAglM }) => {
      const s = siteAt(kind, id, xM, yM, { heightAglM });
      return { ...s, sectors: s.sectors.map((sec, k) => ({ ...sec, azimuthDeg: (azimuthDeg + 120 * k) % 360 })) };
    });

/** A random edit of one of `ids`: an upsert of a site (siteArb) or a removal. */
export const editArb = (ids: readonly string[], maxOffsetM: number) =>
  fc.oneof(
    fc.record({ op: fc.constant('upsert' as const), id: fc.constantFrom(...ids) }).chain(({ op, id }) => siteArb(id, maxOffsetM).map((site) => ({ op, id, site }))),
    fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
  );
