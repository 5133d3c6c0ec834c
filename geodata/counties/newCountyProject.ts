import type { CancelToken, ProgressFn } from '../../core/cancel';
import { makeLocalProjection } from '../../core/geo/localProjection';
import { gridForBoundsM, type GridSpec } from '../../core/grid/gridSpec';
import type { Place } from '../../core/model/place';
import { DEFAULT_PROPAGATION_MODEL } from '../../core/propagation/defaultModel';
import { PROJECT_SCHEMA_VERSION, defaultProjectSettings, type GridLayer, type Project } from '../../core/model/project';
import { modelPopulation, type ModelTown } from '../../core/population/modelPopulation';
import { coarseTerrainLayer } from '../defaults/coarseTerrainLayer';
import { defaultPopulationLayer } from '../defaults/defaultPopulationLayer';
import type { CountyDefaults } from '../defaults/readShippedRasters';
import { catalogueEntryToPlace } from '../places/catalogueEntryToPlace';
import { locatedPlacesInCounty } from '../places';
import { PROJECT_LIMITS } from '../project/projectTables';
import type { County } from './county';
import { countySeat } from './countySeat';

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
  /** a terrain layer already on this county's grid (e.g. from loadDemTiles); default the shipped coarse DEM from `defaults` */
  terrain?: GridLayer;
  /**
   * the shipped rasters, decoded once by geodata/defaults readCountyDefaults: the census total distributed by GPW
   * and the coarse SRTM30_PLUS relief. Without them the population is the census total spread by the settlement
   * model and the ground is flat (both labelled so).
   */
  defaults?: CountyDefaults;
  name?: string;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** What the project's population layer rests on; kept in `project.settings.population`. */
export interface PopulationSettings {
  /**
   * 'modelled': a census total distributed by a raster or the settlement model (GridLayer.details.method says
   * which); 'needs-census-figure': no sourced total, none entered
   */
  status: 'modelled' | 'needs-census-figure';
  censusTotal?: number;
  censusSource?: string;
}

/**
 * The planning grid over `county` at `cellSizeM`: its boundary's extent in a transverse Mercator centred on the
 * county seat (core/geo/localProjection.ts). Cheap (no rasters): the app sizes its default grid with it.
 * @example countyGrid(countyByCode('520526')!, 25).cols * countyGrid(countyByCode('520526')!, 25).rows // ~19.2 M
 */
export function countyGrid(county: County, cellSizeM: number): GridSpec {
  const projection = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of county.boundary.coordinates) {
    for (const [lon, lat] of polygon[0]) {
      const [x, y] = projection.forward([lon, lat]);
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
  }
  return gridForBoundsM([minX, minY, maxX, maxY], cellSizeM, projection.proj4);
}

/**
 * A new planning project for one of the 88 counties: its WGS-84 boundary and seat; a grid of `cellSizeM` cells
 * over the boundary in a transverse Mercator centred on the county seat (core/geo/localProjection.ts); the
 * catalogue places whose sourced point lies in the county; the population: the 2020 census total (or
 * `censusPopulation`) distributed by the shipped GPW raster when `defaults.population` is given
 * (defaultPopulationLayer), else spread by the settlement model (core/population modelPopulation), else none
 * with `settings.population.status = 'needs-census-figure'`; the terrain: `terrain`, else the shipped coarse
 * SRTM30_PLUS from `defaults.terrain` (coarseTerrainLayer), else none (flat). Layers carry `details`.
 * Pure compute over decoded rasters: runs in a web worker or the CLI alike. 威宁 at 25 m: see README (Performance).
 * @example const p = newCountyProject(countyByCode('520526')!, { defaults: (await readCountyDefaults(bytes)).value }); p.population?.details
 */
export function newCountyProject(county: County, options: NewCountyProjectOptions = {}): Project {
  const cellSizeM = options.cellSizeM ?? 25;
  if (!(cellSizeM >= 10 && cellSizeM <= 100)) throw new RangeError(`cellSizeM must be in 10..100, got ${cellSizeM}`);
  if (options.censusPopulation !== undefined && !(Number.isFinite(options.censusPopulation) && options.censusPopulation > 0)) {
    throw new RangeError(`censusPopulation must be a positive number, got ${options.censusPopulation}`);
  }
  const grid = countyGrid(county, cellSizeM);
  if (grid.cols * grid.rows > PROJECT_LIMITS.maxGridCells) {
    const finest = Math.ceil(cellSizeM * Math.sqrt((grid.cols * grid.rows) / PROJECT_LIMITS.maxGridCells));
    throw new RangeError(`a ${cellSizeM} m grid over ${county.name} is ${grid.cols} x ${grid.rows} cells; a project holds at most ${PROJECT_LIMITS.maxGridCells.toLocaleString('en')} (PROJECT_LIMITS.maxGridCells): choose ${finest} m or coarser`);
  }
  if (options.terrain && options.terrain.values.length !== grid.cols * grid.rows) {
    throw new RangeError(`terrain must have ${grid.cols * grid.rows} cells (the county grid at ${cellSizeM} m), got ${options.terrain.values.length}`);
  }
  // population first, terrain after: progress runs 0..0.7 and 0.7..1
  const progress = (from: number, to: number) => (f: number) => options.onProgress?.(from + (to - from) * f);
  const settings = defaultProjectSettings();
  const censusTotal = options.censusPopulation ?? county.pop2020;
  const censusSource = options.censusPopulation !== undefined ? options.censusSource ?? 'entered by the user' : county.pop2020Source;
  let population: GridLayer | undefined;
  if (censusTotal !== undefined && options.defaults?.population) {
    population = defaultPopulationLayer(
      options.defaults.population, grid,
      { boundary: county.boundary, seatLonLat: county.seatLonLat, censusTotal, censusSource },
      { cancel: options.cancel, onProgress: progress(0, 0.7) },
    );
  }
  if (censusTotal !== undefined && !population) {
    population = {
      values: modelPopulation(grid, county.boundary, censusTotal, {
        seatLonLat: county.seatLonLat,
        towns: options.towns,
        cancel: options.cancel,
        onProgress: progress(0, 0.7),
      }),
      provenance: 'modelled',
      source:
        `2020 census total ${censusTotal} (${censusSource ?? 'source not recorded'}) spread over the seat` +
        `${options.towns?.length ? ` and ${options.towns.length} towns` : ''} and a rural floor (core/population/modelPopulation)`,
      details: { kind: 'population', method: 'census-model', totalPersons: censusTotal, censusTotal, ...(censusSource && { censusSource }) },
    };
  }
  settings.population = (censusTotal !== undefined
    ? { status: 'modelled', censusTotal, ...(censusSource && { censusSource }) }
    : { status: 'needs-census-figure' }) satisfies PopulationSettings;
  const terrain = options.terrain
    ?? (options.defaults?.terrain
      ? coarseTerrainLayer(options.defaults.terrain, grid, county.boundary, county.seatLonLat[1], { cancel: options.cancel, onProgress: progress(0.7, 1) })
      : undefined);
  const places = locatedPlacesInCounty(county.code)
    .map(catalogueEntryToPlace)
    .filter((p): p is Place => p !== undefined);
  const seat = countySeat(county);
  options.onProgress?.(1);
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: options.name ?? county.name,
    countyCode: county.code,
    boundary: county.boundary,
    seat: { lonLat: seat.lonLat, nameZh: seat.nameZh, nameEn: seat.nameEn },
    grid,
    settings,
    sites: [],
    places,
    candidates: [],
    olts: [],
    ...(terrain && { terrain }),
    ...(population && { population }),
    // recorded, not implied: the file says which model its figures use even after the default changes
    propagationModel: DEFAULT_PROPAGATION_MODEL,
  };
}
