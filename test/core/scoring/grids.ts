import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid/gridSpec';
import type { CoverageRaster } from '../../../core/model/coverage';
import type { Place, PlaceCategory } from '../../../core/model/place';
import type { Project } from '../../../core/model/project';
import { defaultProjectSettings, PROJECT_SCHEMA_VERSION } from '../../../core/model/project';

/** Hand-made test grids: a local projection near Guiyang, origin (0, rows x cell), cells of `cellSizeM`. */
export const proj = makeLocalProjection(106.7, 26.6);

export function makeGrid(cols: number, rows: number, cellSizeM = 10): GridSpec {
  return { cols, rows, originXM: 0, originYM: rows * cellSizeM, cellSizeM, crs: proj.proj4 };
}

/** WGS-84 of a point given in cell units (x = col, y = row from the north edge). */
export function at(grid: GridSpec, col: number, row: number): [number, number] {
  return proj.inverse([grid.originXM + col * grid.cellSizeM, grid.originYM - row * grid.cellSizeM]);
}

/** Polygon over cells col0..col1, row0..row1 (inclusive), on the cell edges. */
export function rectPlace(grid: GridSpec, id: string, category: PlaceCategory, c0: number, r0: number, c1: number, r1: number, extra: Partial<Place> = {}): Place {
  const ring = [at(grid, c0, r0), at(grid, c1 + 1, r0), at(grid, c1 + 1, r1 + 1), at(grid, c0, r1 + 1), at(grid, c0, r0)];
  return { id, name: id, category, geometry: { type: 'Polygon', coordinates: [ring] }, ...extra };
}

/** Raster with every cell at `rsrpDbm` outdoors, 20 dB less indoors, SINR 10 dB, DL 100 Mbit/s. */
export function makeRaster(grid: GridSpec, rsrpDbm = -90): CoverageRaster {
  const n = grid.cols * grid.rows;
  return {
    grid,
    rsrpDbm: new Float32Array(n).fill(rsrpDbm),
    indoorRsrpDbm: new Float32Array(n).fill(rsrpDbm - 20),
    sinrDb: new Float32Array(n).fill(10),
    dlThroughputMbps: new Float32Array(n).fill(100),
    bestServer: new Int32Array(n),
    cellIds: ['s/1'],
  };
}

/** Sets a cell's outdoor RSRP (indoor 20 dB less). */
export function setCell(raster: CoverageRaster, col: number, row: number, rsrpDbm: number): void {
  const i = row * raster.grid.cols + col;
  raster.rsrpDbm[i] = rsrpDbm;
  raster.indoorRsrpDbm[i] = rsrpDbm - 20;
}

export function makeProject(grid: GridSpec, places: Place[], population?: Float32Array): Project {
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'test',
    countyCode: '520102',
    boundary: { type: 'MultiPolygon', coordinates: [[[at(grid, 0, 0), at(grid, grid.cols, 0), at(grid, grid.cols, grid.rows), at(grid, 0, grid.rows), at(grid, 0, 0)]]] },
    grid,
    settings: defaultProjectSettings(),
    sites: [],
    places,
    candidates: [],
    olts: [],
    population: population && { values: population, provenance: 'file', source: 'hand-made' },
  };
}
