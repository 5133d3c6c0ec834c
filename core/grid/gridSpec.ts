import proj4 from 'proj4';

/**
 * A planning grid: a regular metric raster in a county's local projection (core/geo/localProjection.ts).
 * Rasters over it are flat typed arrays, `i = row * cols + col`, row 0 = north; NaN is no-data.
 * (originXM, originYM) is the north-west corner of cell (0, 0); cell centres sit half a cell inside.
 */
export interface GridSpec {
  readonly cols: number;
  readonly rows: number;
  /** x of the grid's west edge, m */
  readonly originXM: number;
  /** y of the grid's north edge, m */
  readonly originYM: number;
  readonly cellSizeM: number;
  /** proj4 definition of the grid's metric CRS (see LocalProjection.proj4) */
  readonly crs: string;
}

/** Checks a GridSpec once at a public entry; throws RangeError naming the bad field. */
export function assertGridSpec(grid: GridSpec): void {
  if (!Number.isInteger(grid.cols) || grid.cols <= 0) throw new RangeError(`grid.cols must be a positive integer, got ${grid.cols}`);
  if (!Number.isInteger(grid.rows) || grid.rows <= 0) throw new RangeError(`grid.rows must be a positive integer, got ${grid.rows}`);
  if (!(grid.cellSizeM > 0)) throw new RangeError(`grid.cellSizeM must be > 0, got ${grid.cellSizeM}`);
  if (!Number.isFinite(grid.originXM)) throw new RangeError(`grid.originXM must be finite, got ${grid.originXM}`);
  if (!Number.isFinite(grid.originYM)) throw new RangeError(`grid.originYM must be finite, got ${grid.originYM}`);
}

/** x (m) of the centre of column `col`. */
export function cellCentreXM(grid: GridSpec, col: number): number {
  return grid.originXM + (col + 0.5) * grid.cellSizeM;
}

/** y (m) of the centre of row `row` (rows grow southwards). */
export function cellCentreYM(grid: GridSpec, row: number): number {
  return grid.originYM - (row + 0.5) * grid.cellSizeM;
}

/**
 * WGS-84 [lon, lat] of the centre of grid cell `cell` (row-major index), through the grid's proj4 CRS.
 * @example cellCentreLonLat(grid, row * grid.cols + col) // [106.43, 27.81]
 */
export function cellCentreLonLat(grid: GridSpec, cell: number): [number, number] {
  const col = cell % grid.cols;
  const row = (cell - col) / grid.cols;
  const [lonDeg, latDeg] = proj4(grid.crs, 'WGS84', [cellCentreXM(grid, col), cellCentreYM(grid, row)]);
  return [lonDeg, latDeg];
}

/** Column holding x (m), possibly outside [0, cols). */
export function colOfXM(grid: GridSpec, xM: number): number {
  return Math.floor((xM - grid.originXM) / grid.cellSizeM);
}

/** Row holding y (m), possibly outside [0, rows). */
export function rowOfYM(grid: GridSpec, yM: number): number {
  return Math.floor((grid.originYM - yM) / grid.cellSizeM);
}

/**
 * The smallest grid of `cellSizeM` cells covering a metric bounding box [minX, minY, maxX, maxY],
 * snapped outwards to whole cells.
 * @example gridForBoundsM([0, 0, 100, 50], 25, crs) // { cols: 4, rows: 2, originXM: 0, originYM: 50, ... }
 */
export function gridForBoundsM(boundsM: readonly [number, number, number, number], cellSizeM: number, crs: string): GridSpec {
  if (!(cellSizeM > 0)) throw new RangeError(`cellSizeM must be > 0, got ${cellSizeM}`);
  const [minX, minY, maxX, maxY] = boundsM;
  if (!(maxX > minX && maxY > minY)) throw new RangeError(`boundsM must have max > min, got ${boundsM.join(',')}`);
  const originXM = Math.floor(minX / cellSizeM) * cellSizeM;
  const originYM = Math.ceil(maxY / cellSizeM) * cellSizeM;
  const cols = Math.ceil((maxX - originXM) / cellSizeM);
  const rows = Math.ceil((originYM - minY) / cellSizeM);
  return { cols, rows, originXM, originYM, cellSizeM, crs };
}
