import type { Database } from 'sql.js';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon } from 'geojson';
import { z } from 'zod';
import {
  BAND_IDS, BUILD_METHODS, PLACE_CATEGORIES, PROJECT_SCHEMA_VERSION, SITE_KINDS, SITE_STATUSES,
  type GridLayer, type Olt, type Place, type Project, type ProjectSettings, type Site,
} from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { openGpkgDatabase, readGpkgContent, type GpkgContent, type GpkgFeatureLayer, type GpkgValue } from '../gpkg';
import { migrateProjectDatabase, PROJECT_FILE_APP, PROJECT_FILE_VERSION } from './projectFileSchema';
import { decodeRaster } from './rasterCodec';

const sectorSchema = z.object({
  id: z.string(), azimuthDeg: z.number(), mechanicalTiltDeg: z.number(), electricalTiltDeg: z.number(),
  antenna: z.enum(['sector', 'omni']), horizontalBeamwidthDeg: z.number().optional(), verticalBeamwidthDeg: z.number().optional(),
  maxGainDbi: z.number().optional(), txPowerDbm: z.number().optional(),
});
const gridSchema = z.object({
  cols: z.number().int().positive(), rows: z.number().int().positive(), originXM: z.number(), originYM: z.number(),
  cellSizeM: z.number().positive(), crs: z.string(),
});
const settingsSchema = z.looseObject({
  radio: z.looseObject({
    band: z.enum(BAND_IDS), loadFactor: z.number(), ueHeightM: z.number(), model: z.enum(['auto', 'uma', 'umi', 'rma', 'cost231']),
    maxRangeM: z.object({ macro: z.number(), micro: z.number(), indoor: z.number() }),
  }),
  householdSize: z.number(),
});

class BadProject extends Error {}

const str = (v: GpkgValue | undefined): string | undefined => (v == null ? undefined : String(v));
const num = (v: GpkgValue | undefined): number | undefined => (v == null ? undefined : Number(v));
const flag = (v: GpkgValue | undefined): boolean | undefined => (v == null ? undefined : Number(v) === 1);

function layer(content: GpkgContent, name: string): GpkgFeatureLayer | undefined {
  return content.layers.find((l) => l.name === name);
}

function required(content: GpkgContent, name: string): GpkgFeatureLayer {
  const l = layer(content, name);
  if (!l) throw new BadProject(`layer '${name}' is missing`);
  return l;
}

function pointOf(g: Geometry | null, where: string): [number, number] {
  if (g?.type !== 'Point' || g.coordinates.length < 2) throw new BadProject(`${where}: geometry is not a point`);
  return [g.coordinates[0], g.coordinates[1]];
}

function oneOf<T extends string>(values: readonly T[], v: GpkgValue | undefined, where: string): T {
  if (!values.includes(v as T)) throw new BadProject(`${where}: '${String(v)}' is not one of ${values.join(', ')}`);
  return v as T;
}

function sitesOf(l: GpkgFeatureLayer): Site[] {
  return l.features.map((f, i) => {
    const p = f.properties;
    const where = `${l.name} row ${i + 1}`;
    const [lonDeg, latDeg] = pointOf(f.geometry, where);
    const sectors = z.array(sectorSchema).safeParse(JSON.parse(String(p.sectors ?? '[]')));
    if (!sectors.success) throw new BadProject(`${where}: sectors: ${sectors.error.issues[0]?.message}`);
    const site: Site = {
      id: String(p.id), name: String(p.name ?? ''), kind: oneOf(SITE_KINDS, p.kind, `${where} kind`), status: oneOf(SITE_STATUSES, p.status, `${where} status`),
      buildMethod: oneOf(BUILD_METHODS, p.build_method, `${where} build_method`), lonDeg, latDeg, heightAglM: num(p.height_agl_m) ?? NaN,
      band: oneOf(BAND_IDS, p.band, `${where} band`), sectors: sectors.data,
    };
    if (!Number.isFinite(site.heightAglM)) throw new BadProject(`${where}: height_agl_m is not a number`);
    const costCny = num(p.cost_cny);
    if (costCny !== undefined) site.costCny = costCny;
    const isCostEstimate = flag(p.cost_is_estimate);
    if (isCostEstimate !== undefined) site.isCostEstimate = isCostEstimate;
    const isIllustrative = flag(p.is_illustrative);
    if (isIllustrative !== undefined) site.isIllustrative = isIllustrative;
    if (p.source != null) site.source = String(p.source);
    if (p.notes != null) site.notes = String(p.notes);
    return site;
  });
}

function placesOf(l: GpkgFeatureLayer): Place[] {
  return l.features.map((f, i) => {
    const p = f.properties;
    const where = `places row ${i + 1}`;
    const g = f.geometry;
    if (!g || !['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'].includes(g.type)) throw new BadProject(`${where}: unsupported geometry`);
    const place: Place = { id: String(p.id), name: String(p.name ?? ''), category: oneOf(PLACE_CATEGORIES, p.category, `${where} category`), geometry: g as Place['geometry'] };
    if (p.subcategory != null) place.subcategory = String(p.subcategory);
    const radiusM = num(p.radius_m);
    if (radiusM !== undefined) place.radiusM = radiusM;
    if (p.key_points != null) {
      const kp = z.array(z.tuple([z.number(), z.number()])).safeParse(JSON.parse(String(p.key_points)));
      if (!kp.success) throw new BadProject(`${where}: key_points are not [lon, lat] pairs`);
      place.keyPoints = kp.data;
    }
    const isIllustrative = flag(p.is_illustrative);
    if (isIllustrative !== undefined) place.isIllustrative = isIllustrative;
    if (p.source != null) place.source = String(p.source);
    if (p.source_crs != null) place.sourceCrs = String(p.source_crs);
    return place;
  });
}

function oltsOf(l: GpkgFeatureLayer): Olt[] {
  return l.features.map((f, i) => {
    const p = f.properties;
    const [lonDeg, latDeg] = pointOf(f.geometry, `olts row ${i + 1}`);
    const olt: Olt = {
      id: String(p.id), name: String(p.name ?? ''), lonDeg, latDeg, gponPorts: Number(p.gpon_ports ?? 0), xgsPonPorts: Number(p.xgs_pon_ports ?? 0),
      status: oneOf(['existing', 'planned', 'proposed'] as const, p.status, `olts row ${i + 1} status`),
    };
    const isIllustrative = flag(p.is_illustrative);
    if (isIllustrative !== undefined) olt.isIllustrative = isIllustrative;
    if (p.source != null) olt.source = String(p.source);
    return olt;
  });
}

function rastersOf(content: GpkgContent, project: Project): void {
  const table = content.attributes.find((t) => t.name === 'qc_rasters');
  for (const r of table?.rows ?? []) {
    const name = String(r.name);
    if (name !== 'terrain' && name !== 'population') continue;
    if (Number(r.cols) !== project.grid.cols || Number(r.rows) !== project.grid.rows) throw new BadProject(`raster ${name} is ${r.cols}x${r.rows}, the grid ${project.grid.cols}x${project.grid.rows}`);
    if (!(r.data instanceof Uint8Array)) throw new BadProject(`raster ${name} has no data`);
    let values: Float32Array;
    try {
      values = decodeRaster(r.data, String(r.codec), project.grid.cols * project.grid.rows);
    } catch (err) {
      throw new BadProject(`raster ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const provenance = oneOf(['file', 'modelled', 'synthetic'] as const, r.provenance, `raster ${name} provenance`);
    const gridLayer: GridLayer = { values, provenance, source: String(r.source ?? '') };
    project[name] = gridLayer;
  }
}

function metaOf(db: Database): Map<string, string> | undefined {
  const has = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qc_meta'").length > 0;
  if (!has) return undefined;
  return new Map((db.exec('SELECT key, value FROM qc_meta')[0]?.values ?? []).map((v) => [String(v[0]), String(v[1])]));
}

function projectOf(content: GpkgContent, meta: Map<string, string>): Project {
  const grid = gridSchema.safeParse(JSON.parse(meta.get('grid') ?? 'null'));
  if (!grid.success) throw new BadProject(`grid: ${grid.error.issues[0]?.path.join('.')} ${grid.error.issues[0]?.message}`);
  const settings = settingsSchema.safeParse(JSON.parse(meta.get('settings') ?? 'null'));
  if (!settings.success) throw new BadProject(`settings: ${settings.error.issues[0]?.path.join('.')} ${settings.error.issues[0]?.message}`);
  const boundary = required(content, 'boundary').features[0]?.geometry;
  if (boundary?.type !== 'MultiPolygon') throw new BadProject('boundary is not a MultiPolygon');
  const project: Project = {
    schemaVersion: Number(meta.get('project_schema_version')), name: meta.get('name') ?? '', countyCode: meta.get('county_code') ?? '',
    boundary: boundary as MultiPolygon, grid: grid.data, settings: settings.data satisfies ProjectSettings,
    sites: sitesOf(required(content, 'sites')), candidates: sitesOf(required(content, 'candidates')),
    places: placesOf(required(content, 'places')), olts: oltsOf(required(content, 'olts')),
  };
  const roads = layer(content, 'roads');
  if (roads) {
    project.roads = {
      type: 'FeatureCollection',
      features: roads.features.map((f, i) => {
        if (f.geometry?.type !== 'LineString' && f.geometry?.type !== 'MultiLineString') throw new BadProject(`roads row ${i + 1}: not a line`);
        const feature: Feature<LineString | MultiLineString> = { type: 'Feature', geometry: f.geometry, properties: f.properties.properties == null ? null : JSON.parse(String(f.properties.properties)) };
        if (f.properties.feature_id != null) feature.id = JSON.parse(String(f.properties.feature_id));
        return feature;
      }),
    } satisfies FeatureCollection<LineString | MultiLineString>;
  }
  rastersOf(content, project);
  const history = content.attributes.find((t) => t.name === 'qc_history');
  if (history && history.rows.length) {
    project.history = history.rows.map((h) => ({
      atIso: String(h.at_iso ?? ''), action: String(h.action ?? ''), ...(h.detail == null ? {} : { detail: JSON.parse(String(h.detail)) }),
    }));
  }
  return project;
}

/**
 * Opens a project GeoPackage written by writeProjectGpkg (any earlier file version is migrated forward in
 * memory). Refuses, as a failed Result with a message for people: a file that is not SQLite or not a
 * GeoPackage or not a project ('not-project'), a damaged file ('corrupt'), a file from a newer version of the
 * app ('newer-version'). Nothing is half-loaded: any bad record fails the whole read.
 * @example const r = await readProjectGpkg(bytes); if (!r.ok) showError(r.message); else open(r.value);
 */
export async function readProjectGpkg(bytes: Uint8Array): Promise<Result<Project>> {
  const opened = await openGpkgDatabase(bytes);
  if (!opened.ok) {
    return opened.code === 'corrupt' ? opened : fail('not-project', `not a Qiancheng project file: ${opened.message}`);
  }
  const db = opened.value;
  try {
    const meta = metaOf(db);
    if (!meta || meta.get('app') !== PROJECT_FILE_APP) return fail('not-project', 'not a Qiancheng project file: a GeoPackage without the project tables (qc_meta)');
    const fileVersion = Number(meta.get('file_version'));
    if (!Number.isInteger(fileVersion) || fileVersion < 1) return fail('corrupt', `the project file is damaged: file_version '${meta.get('file_version')}'`);
    if (fileVersion > PROJECT_FILE_VERSION) {
      return fail('newer-version', `this project was saved by a newer version of the planner (file version ${fileVersion}; this version reads up to ${PROJECT_FILE_VERSION}). Update the planner to open it.`);
    }
    const shapeVersion = Number(meta.get('project_schema_version'));
    if (shapeVersion > PROJECT_SCHEMA_VERSION) {
      return fail('newer-version', `this project was saved by a newer version of the planner (project schema ${shapeVersion}; this version reads up to ${PROJECT_SCHEMA_VERSION}). Update the planner to open it.`);
    }
    migrateProjectDatabase(db, fileVersion);
    return ok(projectOf(readGpkgContent(db), meta));
  } catch (err) {
    return fail('corrupt', `the project file is damaged: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    db.close();
  }
}
