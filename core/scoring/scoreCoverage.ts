import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { CoverageRaster } from '../model/coverage';
import { labelTile } from './labelTile';
import { linkTile } from './linkTile';
import { mergeGaps } from './mergeGaps';
import { rescoreCells } from './rescoreCells';
import { scorePlace } from './scorePlace';
import { DL_BINS, GAP_TILE, type ScoringPrep, type ScoringState } from './scoringState';

/**
 * Full scoring of a coverage raster: every county cell against its target (KPI sums), every place, and
 * the gaps (pieces per 64 x 64 tile by flood fill, joined across tiles by union-find). The returned state is what updateScoring keeps current after edits.
 * @example const state = scoreCoverage(prepareScoring(inputs), raster); scoringReport(state)
 */
export function scoreCoverage(
  prep: ScoringPrep,
  raster: CoverageRaster,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): ScoringState {
  const { grid } = prep;
  const n = grid.cols * grid.rows;
  if (raster.grid.cols !== grid.cols || raster.grid.rows !== grid.rows) {
    throw new RangeError(`raster.grid must be ${grid.cols} x ${grid.rows} like the project grid, got ${raster.grid.cols} x ${raster.grid.rows}`);
  }
  for (const key of ['rsrpDbm', 'indoorRsrpDbm', 'sinrDb', 'dlThroughputMbps'] as const) {
    if (raster[key].length !== n) throw new RangeError(`raster.${key} must have ${n} values, got ${raster[key].length}`);
  }
  const { inCounty, populationPerCell: pop, densityClass } = prep;
  const sums = {
    cells: 0, cellsOutdoor: 0, cellsIndoor: 0, people: 0, peopleOutdoor: 0, peopleIndoor: 0,
    peopleUrban: 0, peopleUrbanOutdoor: 0, peopleRural: 0, peopleRuralOutdoor: 0,
    builtUpCells: 0, cellsNoService: 0, peopleNoService: 0, builtUpDlSumMbps: 0, builtUpDlHistogram: new Int32Array(DL_BINS),
  };
  for (let i = 0; i < n; i++) {
    if (inCounty[i] === 0) continue;
    sums.cells++;
    sums.people += pop[i];
    if (densityClass[i] === 2) sums.peopleUrban += pop[i];
    else sums.peopleRural += pop[i];
    if (densityClass[i] >= 1) sums.builtUpCells++;
  }
  const tilesX = Math.ceil(grid.cols / GAP_TILE);
  const tilesY = Math.ceil(grid.rows / GAP_TILE);
  const tiles = tilesX * tilesY;
  const state: ScoringState = {
    prep,
    sums,
    status: new Uint8Array(n),
    dlMbps: new Float32Array(n),
    tilesX,
    tilesY,
    pieceOfCell: new Uint16Array(n),
    pieces: new Array(tiles),
    links: new Array(tiles),
    dirtyTiles: new Uint8Array(tiles),
    nodeBase: new Int32Array(tiles + 1),
    gapOfNode: new Int32Array(0),
    gaps: new Map(),
    gapPieces: new Map(),
    placeScores: [],
    tilePlaceCells: tilePlaceCells(prep, tilesX, tiles),
    stack: new Int32Array(GAP_TILE * GAP_TILE),
  };
  // rows in bands so cancel and progress are checked per band, not per cell
  for (let row0 = 0; row0 < grid.rows; row0 += GAP_TILE) {
    throwIfCancelled(options.cancel);
    rescoreCells(state, raster, { col0: 0, row0, cols: grid.cols, rows: Math.min(GAP_TILE, grid.rows - row0) }, false);
    for (let t = (row0 / GAP_TILE) * tilesX, end = t + tilesX; t < end; t++) labelTile(state, t);
    options.onProgress?.((0.9 * Math.min(grid.rows, row0 + GAP_TILE)) / grid.rows);
  }
  state.dirtyTiles.fill(0);
  for (let t = 0; t < tiles; t++) linkTile(state, t);
  mergeGaps(state);
  state.placeScores = prep.places.map((_, k) => scorePlace(prep, raster, k));
  options.onProgress?.(1);
  return state;
}

/** Place cells bucketed by tile as (place index, cell) pairs, grouped by place. */
function tilePlaceCells(prep: ScoringPrep, tilesX: number, tiles: number): Int32Array[] {
  const buckets: number[][] = Array.from({ length: tiles }, () => []);
  const { cols } = prep.grid;
  prep.placeCells.forEach(({ cells }, k) => {
    for (const i of cells) {
      const col = i % cols;
      buckets[Math.floor((i - col) / cols / GAP_TILE) * tilesX + Math.floor(col / GAP_TILE)].push(k, i);
    }
  });
  return buckets.map((b) => Int32Array.from(b));
}
