import type { CancelToken, ProgressFn } from '../../core/cancel';
import { makeLocalProjection } from '../../core/geo/localProjection';
import { gridForBoundsM } from '../../core/grid/gridSpec';
import type { Place } from '../../core/model/place';
import { DEFAULT_PROPAGATION_MODEL } from '../../core/propagation/defaultModel';
import { PROJECT_SCHEMA_VERSION, defaultProjectSettings, type GridLayer, type Project } from '../../core/model/project';
import { modelPopulation, type ModelTown } from '../../core/population/modelPopulation';
import { catalogueEntryToPlace } from '../places/catalogueEntryToPlace';
import { locatedPlacesInCounty } from '../places';
import type { County } from './county';

/** Options of newCountyProject; everything is optional. */
export interface NewCountyProjectOptions {
  /** planning grid cell size, m, 10..100; default 25 */
  cellSizeM?: number;
  /** 2020 census resident population entered by the user (the UI asks where no source gives one); overrides the sourced figure */
  censusPopulation?: number;
  /** where the entered figure comes from, shown with the layer; default 'entered by the user' */
  censusSource?: string;
  /** town centres for the population model (none are in the reference data) */
  towns?: ModelTown[];
  /** a terrain layer already on this county's grid (e.g. resampled from a DEM); default flat ground */
  terrain?: GridLayer;
  name?: string;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** What the project's population layer rests on; kept in `project.settings.population`. */
export interface PopulationSettings {
  /** 'modelled': a census total spread by core/population; 'needs-census-figure': no sourced total, none entered */
  status: 'modelled' | 'needs-census-figure';
  censusTotal?: number;
  censusSource?: string;
}

/**
 * A new planning project for one of the 88 counties: its WGS-84 boundary; a grid of `cellSizeM` cells over
 * the boundary in a transverse Mercator centred on the county seat (core/geo/localProjection.ts); the
 * catalogue places whose sourced point lies in the county; a MODELLED population layer when a census total
 * is known (the sourced 2020 figure, or `censusPopulation`) and otherwise none, with
 * `settings.population.status = 'needs-census-figure'` so the UI asks for one; terrain only when given.
 * @example const p = newCountyProject(countyByCode('520382')!, { cellSizeM: 50 }); p.population?.provenance // 'modelled'
 */
export function newCountyProject(county: County, options: NewCountyProjectOptions = {}): Project {
  const cellSizeM = options.cellSizeM ?? 25;
  if (!(cellSizeM >= 10 && cellSizeM <= 100)) throw new RangeError(`cellSizeM must be in 10..100, got ${cellSizeM}`);
  if (options.censusPopulation !== undefined && !(Number.isFinite(options.censusPopulation) && options.censusPopulation > 0)) {
    throw new RangeError(`censusPopulation must be a positive number, got ${options.censusPopulation}`);
  }
  const projection = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of county.boundary.coordinates) {
    for (const [lon, lat] of polygon[0]) {
      const [x, y] = projection.forward([lon, lat]);
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
  }
  const grid = gridForBoundsM([minX, minY, maxX, maxY], cellSizeM, projection.proj4);
  if (options.terrain && options.terrain.values.length !== grid.cols * grid.rows) {
    throw new RangeError(`terrain must have ${grid.cols * grid.rows} cells (the county grid at ${cellSizeM} m), got ${options.terrain.values.length}`);
  }
  const settings = defaultProjectSettings();
  const censusTotal = options.censusPopulation ?? county.pop2020;
  const censusSource = options.censusPopulation !== undefined ? options.censusSource ?? 'entered by the user' : county.pop2020Source;
  let population: GridLayer | undefined;
  if (censusTotal !== undefined) {
    population = {
      values: modelPopulation(grid, county.boundary, censusTotal, {
        seatLonLat: county.seatLonLat,
        towns: options.towns,
        cancel: options.cancel,
        onProgress: options.onProgress,
      }),
      provenance: 'modelled',
      source:
        `2020 census total ${censusTotal} (${censusSource ?? 'source not recorded'}) spread over the seat` +
        `${options.towns?.length ? ` and ${options.towns.length} towns` : ''} and a rural floor (core/population/modelPopulation)`,
    };
  }
  settings.population = (censusTotal !== undefined
    ? { status: 'modelled', censusTotal, ...(censusSource && { censusSource }) }
    : { status: 'needs-census-figure' }) satisfies PopulationSettings;
  const places = locatedPlacesInCounty(county.code)
    .map(catalogueEntryToPlace)
    .filter((p): p is Place => p !== undefined);
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: options.name ?? county.name,
    countyCode: county.code,
    boundary: county.boundary,
    grid,
    settings,
    sites: [],
    places,
    candidates: [],
    olts: [],
    ...(options.terrain && { terrain: options.terrain }),
    ...(population && { population }),
    // recorded, not implied: the file says which model its figures use even after the default changes
    propagationModel: DEFAULT_PROPAGATION_MODEL,
  };
}
