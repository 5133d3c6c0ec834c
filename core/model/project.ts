import type { FeatureCollection, LineString, MultiLineString, MultiPolygon } from 'geojson';
import type { GridSpec } from '../grid/gridSpec';
import type { LayerDetails } from './layerDetails';
import type { PropagationModel } from '../propagation/propagationModel';
import type { Place } from './place';
import type { BandId, Site } from './site';

/**
 * A planning project: one county, its planning grid, the layers over it and the planner's edits.
 * Plain serialisable data (typed arrays allowed): it is saved to a GeoPackage, diffed for undo (minus the
 * rasters), sent to workers and read by the CLI. Modules add their own optional settings sections.
 */
export interface Project {
  /** schema version of this shape; bumped with a migration in the project-file reader */
  schemaVersion: number;
  name: string;
  /** GB/T 2260 code of the county, e.g. '520382' */
  countyCode: string;
  /** county boundary, WGS-84 */
  boundary: MultiPolygon;
  /** the county seat, for naming places by direction and distance ('县城东北 12 km'); absent in files that predate it */
  seat?: ProjectSeat;
  /** the planning grid (county-local transverse Mercator, see core/geo/localProjection.ts) */
  grid: GridSpec;
  settings: ProjectSettings;
  sites: Site[];
  places: Place[];
  /** candidate locations for new sites (towers to share, smart poles, rooftops); status 'proposed' */
  candidates: Site[];
  /** fibre: OLTs / central offices */
  olts: Olt[];
  /** optional road network (WGS-84 lines) along which fibre runs */
  roads?: FeatureCollection<LineString | MultiLineString>;
  /** terrain height above sea level per grid cell, m; absent = flat ground */
  terrain?: GridLayer;
  /** resident persons per grid cell; absent = none loaded */
  population?: GridLayer;
  /**
   * land-use class per grid cell (core/propagation/landUse.ts codes as numbers, NaN = no data) from a land-use
   * raster the planner loaded; absent = derived from the population layer when the coverage is computed
   */
  landUse?: GridLayer;
  /** the propagation model the coverage uses (calibrated or the default); absent = DEFAULT_PROPAGATION_MODEL */
  propagationModel?: PropagationModel;
  /** the planner's edit log, oldest first, saved with the project file; absent = none kept */
  history?: ProjectEditRecord[];
}

/** A county seat as a project keeps it: where it is and how gap names call it. */
export interface ProjectSeat {
  lonLat: [number, number];
  /** '县城', '市区' or '城区' */
  nameZh: string;
  /** 'the county seat', 'the city centre' or 'the district centre' */
  nameEn: string;
}

/** One entry of a project's edit log (what was done, when; `detail` is plain JSON, e.g. immer patches). */
export interface ProjectEditRecord {
  /** ISO 8601 UTC time of the edit */
  atIso: string;
  /** action name, e.g. 'site.move' */
  action: string;
  detail?: unknown;
}

/** Where a raster layer's numbers come from; the UI labels anything but 'file' as modelled or synthetic. */
export type LayerProvenance = 'file' | 'modelled' | 'synthetic';

/** A raster over the project grid (same cols/rows), with its provenance. */
export interface GridLayer {
  /** row-major, row 0 = north, `grid.cols * grid.rows` values; NaN = no data */
  values: Float32Array;
  provenance: LayerProvenance;
  /** file name, or the method (e.g. 'census total spread over settlements, scripts/...') */
  source: string;
  /** what the layer rests on, in numbers (core/model/layerDetails.ts); kept in the project file */
  details?: LayerDetails;
}

/** Optical line terminal / central office (局端). 10G-PON capable when it has XGS-PON ports. */
export interface Olt {
  id: string;
  name: string;
  lonDeg: number;
  latDeg: number;
  /** PON ports by technology */
  gponPorts: number;
  xgsPonPorts: number;
  status: 'existing' | 'planned' | 'proposed';
  isIllustrative?: boolean;
  source?: string;
}

/** Radio settings of a project (thresholds: radio.md section 6). */
export interface RadioSettings {
  band: BandId;
  /** share of resource elements the interfering cells occupy, 0..1 */
  loadFactor: number;
  /** outdoor receiver height above ground, m */
  ueHeightM: number;
  /**
   * location probability of the coverage figures (0 < p < 1; absent = DEFAULT_LOCATION_PROBABILITY, 0.5: the
   * median): RSRP is predicted at p of locations, the median less z(p) times the model's sigma
   */
  locationProbability?: number;
  /** maximum distance evaluated around a macro / micro / indoor site, m */
  maxRangeM: { macro: number; micro: number; indoor: number };
}

export interface ProjectSettings {
  radio: RadioSettings;
  /** persons per household (Guizhou 2020 census: 2.81; ../shared/reference/ftth.md section 5) */
  householdSize: number;
  /** other sections (scoring targets, fibre, cost table) are added by their modules */
  [section: string]: unknown;
}

export const PROJECT_SCHEMA_VERSION = 1;

export const DEFAULT_RADIO_SETTINGS: RadioSettings = {
  band: 'n78',
  loadFactor: 0.5,
  ueHeightM: 1.5,
  maxRangeM: { macro: 5000, micro: 1000, indoor: 200 },
};

/** Default settings for a new project. */
export function defaultProjectSettings(): ProjectSettings {
  return { radio: { ...DEFAULT_RADIO_SETTINGS, maxRangeM: { ...DEFAULT_RADIO_SETTINGS.maxRangeM } }, householdSize: 2.81 };
}
