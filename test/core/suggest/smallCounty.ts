import { makeLocalProjection } from '../../../core/geo/localProjection';
import { cellCentreXM, cellCentreYM, gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Place, type Project } from '../../../core/model';

export const projection = makeLocalProjection(106.4, 27.8);
const halfM = 4000;

/** Villages: centre (m), radius (m), persons per 50 m cell. Test values, not real settlements. */
const VILLAGES = [
  { xM: -2500, yM: 2500, radiusM: 400, perCell: 20 },
  { xM: 2500, yM: -2000, radiusM: 500, perCell: 15 },
  { xM: 2600, yM: 2600, radiusM: 300, perCell: 10 },
  { xM: -2800, yM: -2800, radiusM: 250, perCell: 8 },
];

/**
 * An 8 km square test county at 50 m: four villages (population only in them), a hill in the north-west,
 * one existing macro site at the centre, a hospital (deep coverage, two key points) and a school, and two
 * project candidates (a shared tower near a village, a smart pole nowhere near people).
 */
export function smallCounty(): Project {
  const ring = [[-halfM, -halfM], [halfM, -halfM], [halfM, halfM], [-halfM, halfM], [-halfM, -halfM]].map(([x, y]) => projection.inverse([x, y]));
  const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 50, projection.proj4);
  const population = new Float32Array(grid.cols * grid.rows);
  const terrain = new Float32Array(grid.cols * grid.rows);
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const x = cellCentreXM(grid, col);
      const y = cellCentreYM(grid, row);
      const i = row * grid.cols + col;
      for (const v of VILLAGES) if (Math.hypot(x - v.xM, y - v.yM) <= v.radiusM) population[i] = v.perCell;
      terrain[i] = 900 + 250 * Math.exp(-((x + 1500) ** 2 + (y - 1500) ** 2) / (2 * 800 ** 2));
    }
  }
  const at = (xM: number, yM: number) => projection.inverse([xM, yM]) as [number, number];
  const places: Place[] = [
    { id: 'H', name: 'hospital', category: 'hospital', geometry: { type: 'Point', coordinates: at(2500, -2000) }, radiusM: 150, keyPoints: [at(2480, -1980), at(2530, -2030)] },
    { id: 'SC', name: 'school', category: 'school', geometry: { type: 'Point', coordinates: at(-2500, 2500) }, radiusM: 100 },
  ];
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'small county',
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: defaultProjectSettings(),
    sites: [makeSite('macro', at(0, 0), 'S1', { status: 'existing' })],
    places,
    candidates: [
      { ...makeSite('macro', at(-2300, 2300), 'C1', { status: 'proposed' }), buildMethod: 'shared-tower' },
      { ...makeSite('micro', at(0, -3500), 'C2', { status: 'proposed' }), buildMethod: 'smart-pole', costCny: 40_000 },
    ],
    olts: [],
    terrain: { values: terrain, provenance: 'synthetic', source: 'test hill' },
    population: { values: population, provenance: 'synthetic', source: 'test villages' },
  };
}
