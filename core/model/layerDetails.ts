/**
 * What a project's population and terrain layers rest on, in numbers the UI can word in either language
 * and the project file keeps (geodata/project/layerDetailsMeta.ts). GridLayer.source carries the same in one
 * English sentence.
 */

/** How a population layer was made. */
export type PopulationMethod =
  /** a census total distributed by a population raster (the shipped GPW by default), mass-preserving */
  | 'census-raster'
  /** a census total spread over the seat, towns and a rural floor (core/population/modelPopulation) */
  | 'census-model'
  /** a population raster the planner loaded, its own counts (WorldPop / GPW) */
  | 'raster-file';

export interface PopulationDetails {
  kind: 'population';
  method: PopulationMethod;
  /** persons on the county's cells, as the layer holds them */
  totalPersons: number;
  censusTotal?: number;
  censusSource?: string;
  /** the raster the people are distributed by (or loaded from) */
  raster?: { name: string; attribution?: string; resolution?: string };
  /** persons the raster holds inside the county, before scaling */
  rasterPersonsInCounty?: number;
  /** uniform factor applied to the raster's people when the census total is at most what the raster holds */
  scale?: number;
  /**
   * Dense cores whose raster values are unreliable (the shipped GPW tiles keep densities only below 4,096/km2):
   * they received the census remainder (census less the people of the other cells), by distance to the seat and
   * core centres.
   */
  core?: {
    areaKm2: number;
    /** separate dense cores (connected groups of raster pixels) */
    clusters: number;
    /** persons the raster put on these cores, replaced */
    rasterPersons: number;
    /** persons given to them */
    remainderPersons: number;
    /** density no core cell may exceed, persons/km2; `isCeilingReached` when some did and the rest went elsewhere */
    ceilingPerKm2: number;
    isCeilingReached: boolean;
  };
}

/** How a terrain layer was made. */
export type TerrainMethod =
  /** the DEM shipped with the app (SRTM30_PLUS, about 2 km): coarse */
  | 'shipped-coarse'
  /** DEM tiles the planner loaded (SRTM .hgt, GeoTIFF), mosaicked, voids filled */
  | 'loaded-tiles'
  /** one DEM file resampled (e.g. qcplan province --dem) */
  | 'file';

/** One DEM tile the planner gave, as loaded. */
export interface DemTileReport {
  name: string;
  format: 'hgt' | 'geotiff';
  /** post spacing: arc-seconds for geographic tiles, metres on the ground for all */
  resolutionArcSec?: number;
  resolutionM: number;
  /** grid cells whose height came from this tile */
  cellsUsed: number;
}

export interface TerrainDetails {
  kind: 'terrain';
  method: TerrainMethod;
  /** ground spacing of the finest source posts, m */
  resolutionM: number;
  /** ground spacing of the coarsest source used, m (tiles of mixed resolution) */
  coarsestResolutionM?: number;
  /** citation of the data set, e.g. 'SRTM30_PLUS (Becker et al. 2009)' */
  citation?: string;
  tiles?: DemTileReport[];
  /** tiles given but not used, with why (e.g. they do not reach the county) */
  ignoredTiles?: { name: string; reason: string }[];
  /** cells no tile had a height for, filled */
  voids?: {
    cellsInCounty: number;
    areaKm2InCounty: number;
    shareOfCounty: number;
    cellsOutsideCounty: number;
    /** how they were filled */
    method: string;
  };
  /** heights over the county's cells, m */
  minM: number;
  maxM: number;
}

export type LayerDetails = PopulationDetails | TerrainDetails;
