import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Project, type Site } from '../../../core/model';

export const projection = makeLocalProjection(106.4, 27.8);
export const HALF_M = 3000;

/** An existing site of `kind` at (xM, yM) metres from the square's centre. */
export const site = (id: string, xM: number, yM: number, kind: 'macro' | 'micro' = 'macro') =>
  makeSite(kind, projection.inverse([xM, yM]), id, { status: 'existing' });

/**
 * A 6 km square county at 50 m with 1 person per cell, one hospital and `sites`; flat, or with a ridge of
 * hills (`hilly`) so terrain shadows the coverage.
 */
export function squareCounty(sites: Site[], options: { hilly?: boolean } = {}): Project {
  const ring = [[-HALF_M, -HALF_M], [HALF_M, -HALF_M], [HALF_M, HALF_M], [-HALF_M, HALF_M], [-HALF_M, -HALF_M]].map(([x, y]) => projection.inverse([x, y]));
  const grid = gridForBoundsM([-HALF_M, -HALF_M, HALF_M, HALF_M], 50, projection.proj4);
  const hills = (i: number) => 900 + 80 * Math.sin((i % grid.cols) / 17) * Math.cos(Math.floor(i / grid.cols) / 23);
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'square',
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: defaultProjectSettings(),
    ...(options.hilly ? { terrain: { values: new Float32Array(grid.cols * grid.rows).map((_, i) => hills(i)), provenance: 'synthetic' as const, source: 'test' } } : {}),
    sites,
    places: [
      { id: 'h1', name: 'hospital', category: 'hospital', geometry: { type: 'Point', coordinates: projection.inverse([800, 600]) }, radiusM: 150 },
    ],
    candidates: [],
    olts: [],
    population: { values: new Float32Array(grid.cols * grid.rows).fill(1), provenance: 'synthetic', source: 'test' },
  };
}
