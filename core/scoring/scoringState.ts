import type Flatbush from 'flatbush';
import type { GridSpec } from '../grid/gridSpec';
import type { LayerProvenance } from '../model/project';
import type { Place } from '../model/place';
import type { Landmark } from './landmarks';
import type { PlaceCells } from './rasterisePlace';
import type { PlaceTarget, ScoringSettings } from './settings';

/**
 * Everything about a project that does not change when sites change: the county mask, places rasterised
 * once, each cell's target, population and density class. Built by prepareScoring.
 */
export interface ScoringPrep {
  grid: GridSpec;
  settings: ScoringSettings;
  /** 1 where the cell centre is inside the county boundary */
  inCounty: Uint8Array;
  /** persons per cell (NaN read as 0) */
  populationPerCell: Float32Array;
  /** where the population came from; anything but 'file' makes people-based KPIs "modelled" */
  populationProvenance: LayerProvenance | 'none';
  /** 0 rural, 1 built-up, 2 urban (density thresholds in settings) */
  densityClass: Uint8Array;
  /** index into `targets` per cell: 0 the baseline, 1 + k the place category PLACE_CATEGORIES[k] */
  targetIndex: Uint8Array;
  /** target table; entry 0 is the baseline with weight 1 */
  targets: PlaceTarget[];
  places: Place[];
  placeCells: PlaceCells[];
  /** place bounding boxes in cell coordinates, item k = places[k]; null when no place is on the grid */
  placeIndex: Flatbush | null;
  /** grid metres -> [lonDeg, latDeg] */
  toLonLat: (xy: [number, number]) => number[];
  /** the seat and the located places, in grid metres, for naming gaps by where they are */
  landmarks: Landmark[];
}

/** What a single place scored. */
export interface PlaceScore {
  id: string;
  name: string;
  category: Place['category'];
  environment: PlaceTarget['environment'];
  /** share (0..1) of the area's cells, or of the line's length, meeting the target; NaN when off the grid */
  coveredShare: number;
  /** coveredShare >= the category's minShare and, when it has key points, every key point meets the target */
  isMet: boolean;
  /** persons living in the place's cells */
  people: number;
  /** persons in the place's cells that miss the target */
  peopleAffected: number;
  keyPointCount: number;
  keyPointsMet: number;
  /** indoor targets with key points: every key point meets it (深度覆盖); null otherwise */
  isDeepCovered: boolean | null;
  /** the key point with the smallest margin min(RSRP - target, SINR - target); null without key points */
  worstKeyPoint: { index: number; lonLat: [number, number]; rsrpDbm: number; sinrDb: number; isMet: boolean } | null;
  isLine: boolean;
}

/** Recommended fix for a gap: a macro site, a micro site, or indoor coverage (室分). */
export type GapFix = 'macro' | 'micro' | 'indoor' | 'optimise';

/**
 * A connected region (8-connectivity) of county cells that miss their target. Its id is its smallest cell
 * index, so the same region has the same id after any sequence of updates.
 */
export interface Gap {
  id: number;
  cellCount: number;
  areaM2: number;
  people: number;
  /** sum over cells of persons x the weight of the cell's target (1 outside places) */
  weightedPeople: number;
  /** persons in urban cells / persons (cells when nobody lives there) */
  urbanShare: number;
  /** every cell meets the outdoor thresholds of its target and misses only indoors */
  isIndoorOnly: boolean;
  fix: GapFix;
  /** mean cell centre */
  centroidLonLat: [number, number];
  /** [col0, row0, col1, row1] inclusive */
  bbox: [number, number, number, number];
  /** ids of the places having a cell in the gap */
  placeIds: string[];
  /** cells beyond every site's range ("no service": no server at all, not just a weak one) */
  noServiceCells: number;
}

/** The part of a gap inside one tile: found by a flood fill within the tile, joined across tiles later. */
export interface TilePiece {
  cellCount: number;
  people: number;
  weightedPeople: number;
  urbanPeople: number;
  urbanCells: number;
  /** cells missing even their target's outdoor thresholds */
  outdoorMisses: number;
  /** of those, cells whose RSRP meets the target and only the SINR misses (interference, not signal) */
  interferenceMisses: number;
  /** cells no site reaches */
  noServiceCells: number;
  sumCol: number;
  sumRow: number;
  col0: number;
  row0: number;
  col1: number;
  row1: number;
  firstCell: number;
  /** indices into prep.places of places with a cell in this piece, ascending */
  placeKs: number[];
}

/** KPI accumulators: sums over county cells, kept current by incremental updates. */
export interface ScoringSums {
  cells: number;
  cellsOutdoor: number;
  cellsIndoor: number;
  people: number;
  peopleOutdoor: number;
  peopleIndoor: number;
  peopleUrban: number;
  peopleUrbanOutdoor: number;
  peopleRural: number;
  peopleRuralOutdoor: number;
  builtUpCells: number;
  /** county cells beyond every site's range, and the people on them */
  cellsNoService: number;
  peopleNoService: number;
  builtUpDlSumMbps: number;
  /** built-up cells per 1 Mbit/s bin of DL throughput, 0..DL_BINS-1 (last bin open-ended) */
  builtUpDlHistogram: Int32Array;
}

/** Mutable scoring state of one raster: full scoring builds it, updateScoring keeps it current. */
export interface ScoringState {
  prep: ScoringPrep;
  sums: ScoringSums;
  /** per cell: bit 1 outdoor baseline met, 2 indoor baseline met, 4 own target met, 8 own target's outdoor part met, 16 no server at all, 32 outdoor part missed on SINR alone (RSRP met) */
  status: Uint8Array;
  /** per cell, the DL throughput last counted, Mbit/s */
  dlMbps: Float32Array;
  /** gap tiles per row and column (GAP_TILE x GAP_TILE cells each) */
  tilesX: number;
  tilesY: number;
  /** per cell, 1 + index of its piece in `pieces[tile]`; 0 when the cell is not in a gap */
  pieceOfCell: Uint16Array;
  /** per tile, its gap pieces */
  pieces: TilePiece[][];
  /** per tile, pieces adjacent across its edges to tiles of higher index: [piece, otherTile, otherPiece]... */
  links: Int32Array[];
  /** per tile, 1 when a cell's gap status changed since the tile was last labelled */
  dirtyTiles: Uint8Array;
  /** per tile, the node index of its first piece in `gapOfNode` */
  nodeBase: Int32Array;
  /** per piece node, the id of the gap it belongs to */
  gapOfNode: Int32Array;
  gaps: Map<number, Gap>;
  /** per gap id, the pieces it was built from (an unchanged list means an unchanged gap) */
  gapPieces: Map<number, TilePiece[]>;
  placeScores: PlaceScore[];
  /** per tile, the place cells inside it as (place index, cell) pairs */
  tilePlaceCells: Int32Array[];
  /** scratch for flood fills within a tile */
  stack: Int32Array;
}

/** Side of a gap tile, cells. With 8-connectivity a tile holds at most 32 x 32 pieces, well within Uint16. */
export const GAP_TILE = 64;

/** Number of 1 Mbit/s bins of the built-up DL histogram. */
export const DL_BINS = 10000;
