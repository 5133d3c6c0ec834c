import type { Geometry } from 'geojson';

/** GeoPackage geometry type names (OGC 12-128r18 table 30) the project layers use. */
export type GpkgGeometryType = 'GEOMETRY' | 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON';

/** Column types of feature and attribute tables (SQLite storage classes as GeoPackage names them). */
export type GpkgColumnType = 'TEXT' | 'REAL' | 'INTEGER' | 'BLOB';

export interface GpkgColumn {
  name: string;
  type: GpkgColumnType;
}

export type GpkgValue = string | number | Uint8Array | null;

export interface GpkgFeature {
  geometry: Geometry | null;
  properties: Record<string, GpkgValue>;
}

/** A spatial reference system row of gpkg_spatial_ref_sys. */
export interface GpkgSrs {
  srsId: number;
  name: string;
  organization: string;
  organizationCoordsysId: number;
  definition: string;
  description?: string;
}

/** A vector layer: a feature table with one geometry column `geom` and an integer primary key `fid`. */
export interface GpkgFeatureLayer {
  name: string;
  geometryType: GpkgGeometryType;
  srsId: number;
  columns: GpkgColumn[];
  features: GpkgFeature[];
  description?: string;
}

/** A non-spatial table registered in gpkg_contents with data_type 'attributes'. */
export interface GpkgAttributeTable {
  name: string;
  columns: GpkgColumn[];
  rows: Record<string, GpkgValue>[];
  description?: string;
}

/** Everything a GeoPackage holds that this module writes or reads. */
export interface GpkgContent {
  layers: GpkgFeatureLayer[];
  attributes: GpkgAttributeTable[];
  /** srs rows besides the three the standard requires (4326, -1, 0) */
  extraSrs?: GpkgSrs[];
}

/** ASCII 'GPKG' as the 32-bit PRAGMA application_id (OGC 12-128r18 requirement 2). */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** PRAGMA user_version for GeoPackage 1.3.1 (OGC 12-128r18 requirement 2: MMmmPP). */
export const GPKG_USER_VERSION = 10301;

/** EPSG:4326 as OGC WKT (the definition GDAL writes for it). */
export const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,' +
  'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';
