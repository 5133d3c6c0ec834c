import type { GridSpec } from '../grid/gridSpec';
import { assertGridSpec } from '../grid/gridSpec';
import type { RadioSettings } from '../model/project';
import { DEFAULT_PROPAGATION_MODEL } from '../propagation/defaultModel';
import { LAND_USE, LAND_USE_CLASSES, LAND_USE_DENSITY_THRESHOLDS_PER_KM2, isLandUseCode, landUseOfDensity } from '../propagation/landUse';
import type { PropagationModel } from '../propagation/propagationModel';
import { inSharedMemory, newBuffer } from './sharedMemory';

/**
 * Everything the coverage engine needs about the ground, derived once per project and shared by every site:
 * the grid, terrain heights, land use and the surface it makes, and the propagation model. Plain data (it
 * crosses worker boundaries).
 */
export interface CoverageContext {
  grid: GridSpec;
  /** ground height above sea level per cell, m (row-major, row 0 = north); absent = flat ground, no diffraction */
  terrainM?: Float32Array;
  radio: RadioSettings;
  /** 1 where the cell is dense urban (urban O2I distance), 0 elsewhere; absent = none */
  isDenseUrban?: Uint8Array;
  /** land-use class per cell (core/propagation/landUse.ts codes, 0 = unknown); absent = no clutter anywhere */
  landUse?: Uint8Array;
  /**
   * terrain plus each cell's representative clutter height (LAND_USE_CLASSES profileClutterHeightM), m: the
   * profile of the model's clutter-diffraction term; absent without terrain or when no cell has clutter height
   */
  surfaceM?: Float32Array;
  /** the propagation model every footprint is predicted with */
  model: PropagationModel;
}

/**
 * Population density, persons/km², at and above which a cell counts as dense urban (the land-use class's
 * threshold, core/propagation/landUse.ts [EST]).
 */
export const DENSE_URBAN_PERSONS_PER_KM2 = LAND_USE_DENSITY_THRESHOLDS_PER_KM2.denseUrban;

/**
 * Land-use codes per cell from a population raster (persons per cell): landUseOfDensity of each cell's density.
 * NaN cells are unknown (0).
 * @example landUseFromPopulation(project.population.values, project.grid.cellSizeM)
 */
export function landUseFromPopulation(populationPerCell: ArrayLike<number>, cellSizeM: number): Uint8Array {
  const cellKm2 = (cellSizeM / 1000) ** 2;
  const out = new Uint8Array(populationPerCell.length);
  for (let i = 0; i < out.length; i++) out[i] = landUseOfDensity(populationPerCell[i] / cellKm2);
  return out;
}

/**
 * Builds a CoverageContext, checking the grid and the rasters once. Land use comes from `landUse` (class codes;
 * NaN or a code outside 0-7 is unknown) when given, else from `populationPerCell` (persons per cell,
 * landUseFromPopulation); the dense-urban flag from `isDenseUrban` when given, else from the land use. The
 * surface is the terrain plus the classes' clutter heights. The model defaults to DEFAULT_PROPAGATION_MODEL.
 * Where the host has SharedArrayBuffer, the context's rasters (the terrain copied) live in shared memory: each
 * worker the context is sent to (the footprint pool, the edit shard) then shares them instead of holding a copy
 * of tens of MB; the context must not be changed afterwards.
 * Throws RangeError naming the argument: a bad grid, a terrain raster of the wrong length or with no finite
 * height (an empty DEM), a population or land-use raster of the wrong length, a location probability outside
 * (0, 1).
 * @example makeCoverageContext(grid, DEFAULT_RADIO_SETTINGS, { terrainM: dem })
 */
export function makeCoverageContext(
  grid: GridSpec,
  radio: RadioSettings,
  options: {
    terrainM?: Float32Array;
    populationPerCell?: Float32Array;
    landUse?: ArrayLike<number>;
    isDenseUrban?: Uint8Array;
    model?: PropagationModel;
  } = {},
): CoverageContext {
  assertGridSpec(grid);
  const n = grid.cols * grid.rows;
  if (!(radio.loadFactor >= 0 && radio.loadFactor <= 1)) throw new RangeError(`radio.loadFactor must be in [0, 1], got ${radio.loadFactor}`);
  if (!(radio.ueHeightM > 0) || !Number.isFinite(radio.ueHeightM)) throw new RangeError(`radio.ueHeightM must be > 0 m, got ${radio.ueHeightM}`);
  const p = radio.locationProbability;
  if (p !== undefined && !(p > 0 && p < 1)) throw new RangeError(`radio.locationProbability must be in (0, 1), got ${p}`);
  const { populationPerCell } = options;
  if (options.terrainM) assertTerrain(options.terrainM, n);
  const terrainM = options.terrainM && inSharedMemory(options.terrainM);
  let landUse: Uint8Array | undefined;
  if (options.landUse) {
    if (options.landUse.length !== n) throw new RangeError(`landUse must have ${n} cells, got ${options.landUse.length}`);
    landUse = new Uint8Array(newBuffer(n, true));
    for (let i = 0; i < n; i++) {
      const code = options.landUse[i];
      landUse[i] = isLandUseCode(code) ? code : LAND_USE.unknown;
    }
  } else if (populationPerCell) {
    if (populationPerCell.length !== n) throw new RangeError(`populationPerCell must have ${n} cells, got ${populationPerCell.length}`);
    landUse = inSharedMemory(landUseFromPopulation(populationPerCell, grid.cellSizeM));
  }
  let isDenseUrban = options.isDenseUrban;
  if (isDenseUrban && isDenseUrban.length !== n) throw new RangeError(`isDenseUrban must have ${n} cells, got ${isDenseUrban.length}`);
  if (isDenseUrban) isDenseUrban = inSharedMemory(isDenseUrban);
  else if (landUse) {
    isDenseUrban = new Uint8Array(newBuffer(n, true));
    for (let i = 0; i < n; i++) isDenseUrban[i] = landUse[i] === LAND_USE.denseUrban ? 1 : 0;
  }
  let surfaceM: Float32Array | undefined;
  if (terrainM && landUse && landUse.some((c) => LAND_USE_CLASSES[c].profileClutterHeightM > 0)) {
    surfaceM = new Float32Array(newBuffer(n * 4, true));
    for (let i = 0; i < n; i++) surfaceM[i] = terrainM[i] + LAND_USE_CLASSES[landUse[i]].profileClutterHeightM;
  }
  return { grid, terrainM, radio, isDenseUrban, landUse, surfaceM, model: options.model ?? DEFAULT_PROPAGATION_MODEL };
}

function assertTerrain(terrainM: Float32Array, n: number): void {
  if (terrainM.length !== n) throw new RangeError(`terrainM must have grid.cols * grid.rows = ${n} cells, got ${terrainM.length}`);
  for (let i = 0; i < n; i++) if (Number.isFinite(terrainM[i])) return;
  throw new RangeError('terrainM is empty: no finite height in the DEM');
}
