import type { GridSpec } from '../grid/gridSpec';
import { assertGridSpec } from '../grid/gridSpec';
import type { RadioSettings } from '../model/project';

/**
 * Everything the coverage engine needs about the ground, derived once per project and shared by every site:
 * the grid, terrain heights and a per-cell environment flag. Plain data (it crosses worker boundaries).
 */
export interface CoverageContext {
  grid: GridSpec;
  /** ground height above sea level per cell, m (row-major, row 0 = north); absent = flat ground, no diffraction */
  terrainM?: Float32Array;
  radio: RadioSettings;
  /** 1 where the cell is dense urban (UMa environment, urban O2I distance), 0 elsewhere; absent = all rural */
  isDenseUrban?: Uint8Array;
}

/**
 * Population density, persons/km², at and above which a cell counts as dense urban. [EST]: a planning choice
 * (a 25 m cell with 3000 persons/km² holds about 1.9 persons); no cited source.
 */
export const DENSE_URBAN_PERSONS_PER_KM2 = 3000;

/**
 * Builds a CoverageContext, checking the grid and the rasters once. The dense-urban flag comes from
 * `isDenseUrban` when given, else from `populationPerCell` (persons per cell) at `denseThresholdPerKm2`.
 * Throws RangeError naming the argument: a bad grid, a terrain raster of the wrong length or with no finite
 * height (an empty DEM), a population raster of the wrong length.
 * @example makeCoverageContext(grid, DEFAULT_RADIO_SETTINGS, { terrainM: dem })
 */
export function makeCoverageContext(
  grid: GridSpec,
  radio: RadioSettings,
  options: { terrainM?: Float32Array; populationPerCell?: Float32Array; isDenseUrban?: Uint8Array; denseThresholdPerKm2?: number } = {},
): CoverageContext {
  assertGridSpec(grid);
  const n = grid.cols * grid.rows;
  if (!(radio.loadFactor >= 0 && radio.loadFactor <= 1)) throw new RangeError(`radio.loadFactor must be in [0, 1], got ${radio.loadFactor}`);
  if (!(radio.ueHeightM > 0) || !Number.isFinite(radio.ueHeightM)) throw new RangeError(`radio.ueHeightM must be > 0 m, got ${radio.ueHeightM}`);
  const { terrainM, populationPerCell } = options;
  if (terrainM) assertTerrain(terrainM, n);
  let isDenseUrban = options.isDenseUrban;
  if (isDenseUrban && isDenseUrban.length !== n) throw new RangeError(`isDenseUrban must have ${n} cells, got ${isDenseUrban.length}`);
  if (!isDenseUrban && populationPerCell) {
    if (populationPerCell.length !== n) throw new RangeError(`populationPerCell must have ${n} cells, got ${populationPerCell.length}`);
    const threshold = options.denseThresholdPerKm2 ?? DENSE_URBAN_PERSONS_PER_KM2;
    const cellKm2 = (grid.cellSizeM / 1000) ** 2;
    isDenseUrban = new Uint8Array(n);
    for (let i = 0; i < n; i++) isDenseUrban[i] = populationPerCell[i] / cellKm2 >= threshold ? 1 : 0;
  }
  return { grid, terrainM, radio, isDenseUrban };
}

function assertTerrain(terrainM: Float32Array, n: number): void {
  if (terrainM.length !== n) throw new RangeError(`terrainM must have grid.cols * grid.rows = ${n} cells, got ${terrainM.length}`);
  for (let i = 0; i < n; i++) if (Number.isFinite(terrainM[i])) return;
  throw new RangeError('terrainM is empty: no finite height in the DEM');
}
