import Flatbush from 'flatbush';
import proj4 from 'proj4';
import type { MultiPolygon } from 'geojson';
import { assertGridSpec, type GridSpec } from '../grid/gridSpec';
import { PLACE_CATEGORIES, type Place } from '../model/place';
import type { GridLayer, ProjectSeat } from '../model/project';
import { scoringLandmarks } from './landmarks';
import { rasteriseBoundary } from './rasteriseBoundary';
import { rasterisePlace } from './rasterisePlace';
import type { ScoringPrep } from './scoringState';
import type { PlaceTarget, ScoringSettings } from './settings';

/** Inputs of {@link prepareScoring}: the parts of a Project scoring reads. */
export interface ScoringInputs {
  grid: GridSpec;
  /** county boundary, WGS-84; absent = every grid cell counts */
  boundary?: MultiPolygon;
  places: Place[];
  population?: GridLayer;
  settings: ScoringSettings;
  /** the county seat, to name gaps by where they are ('县城东北 12 km'); places name them too */
  seat?: ProjectSeat;
}

/**
 * Does the per-project work of scoring once: rasterises the boundary and places through the grid's proj4
 * CRS, assigns each cell its target (where places overlap: the higher weight, then indoor over outdoor,
 * then the earlier place), classes cells urban / built-up / rural by population density, and indexes place
 * boxes (flatbush) so an edit finds the places it touches.
 * @example const prep = prepareScoring({ grid, boundary, places, population, settings: resolveScoringSettings(project.settings) });
 */
export function prepareScoring(inputs: ScoringInputs): ScoringPrep {
  const { grid, boundary, places, population, settings, seat } = inputs;
  assertGridSpec(grid);
  const n = grid.cols * grid.rows;
  if (population && population.values.length !== n) {
    throw new RangeError(`population.values must have grid.cols * grid.rows = ${n} values, got ${population.values.length}`);
  }
  const converter = proj4('WGS84', grid.crs);
  const toGridM = (p: [number, number]) => converter.forward(p);
  const inCounty = boundary ? rasteriseBoundary(boundary, grid, toGridM) : new Uint8Array(n).fill(1);

  const populationPerCell = new Float32Array(n);
  const densityClass = new Uint8Array(n);
  const cellAreaKm2 = (grid.cellSizeM * grid.cellSizeM) / 1e6;
  if (population) {
    const urban = settings.urbanDensityPerKm2 * cellAreaKm2;
    const builtUp = settings.builtUpDensityPerKm2 * cellAreaKm2;
    for (let i = 0; i < n; i++) {
      const p = population.values[i];
      const v = p > 0 ? p : 0;
      populationPerCell[i] = v;
      densityClass[i] = v >= urban && v > 0 ? 2 : v >= builtUp && v > 0 ? 1 : 0;
    }
  }

  const targets: PlaceTarget[] = [
    { ...settings.baseline, weight: 1, minShare: 1, provenance: { cites: [] } },
    ...PLACE_CATEGORIES.map((c) => settings.places[c]),
  ];
  const targetIndex = new Uint8Array(n);
  const placeCells = places.map((p) => rasterisePlace(p, grid, toGridM));
  const outranks = (a: PlaceTarget, b: PlaceTarget) =>
    a.weight > b.weight || (a.weight === b.weight && a.environment === 'indoor' && b.environment !== 'indoor');
  places.forEach((p, k) => {
    const t = 1 + PLACE_CATEGORIES.indexOf(p.category);
    for (const i of placeCells[k].cells) if (targetIndex[i] === 0 || outranks(targets[t], targets[targetIndex[i]])) targetIndex[i] = t;
  });

  const onGrid = placeCells.filter((c) => c.bbox).length;
  let placeIndex: Flatbush | null = null;
  if (onGrid > 0) {
    placeIndex = new Flatbush(placeCells.length);
    // places off the grid get an empty box far outside so item k stays place k
    for (const c of placeCells) {
      if (c.bbox) placeIndex.add(c.bbox[0], c.bbox[1], c.bbox[2], c.bbox[3]);
      else placeIndex.add(-10, -10, -10, -10);
    }
    placeIndex.finish();
  }
  return {
    grid,
    settings,
    inCounty,
    populationPerCell,
    populationProvenance: population ? population.provenance : 'none',
    densityClass,
    targetIndex,
    targets,
    places,
    placeCells,
    placeIndex,
    toLonLat: (xy) => converter.inverse(xy),
    landmarks: scoringLandmarks(places, seat, (p) => converter.forward(p)),
  };
}
