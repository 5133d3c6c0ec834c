import type { Database, SqlValue } from 'sql.js';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { z } from 'zod';
import {
  BAND_IDS, BUILD_METHODS, PLACE_CATEGORIES, PROJECT_SCHEMA_VERSION, SITE_KINDS, SITE_STATUSES,
  type GridLayer, type Olt, type Place, type Project, type ProjectSettings, type Site,
} from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { BoundedReadError, decodeGpkgGeometry, openGpkgDatabase, readBoundedTable, type ReadDeadline } from '../gpkg';
import { jsonDepthOver } from '../text';
import { applyProjectExtrasMeta } from './projectExtrasMeta';
import { migrateProjectDatabase, PROJECT_FILE_APP, PROJECT_FILE_VERSION } from './projectFileSchema';
import { PROJECT_LIMITS, PROJECT_TABLES, VIEW_ONLY_TABLES, type ProjectTable, type ProjectTableName } from './projectTables';
import { projectSettingsSchema } from './projectSettingsSchema';
import { readPropagationModelTable } from './propagationModelTable';
import { decodeRaster } from './rasterCodec';

const sectorSchema = z.object({
  id: z.string(), azimuthDeg: z.number(), mechanicalTiltDeg: z.number(), electricalTiltDeg: z.number(),
  antenna: z.enum(['sector', 'omni']), horizontalBeamwidthDeg: z.number().optional(), verticalBeamwidthDeg: z.number().optional(),
  maxGainDbi: z.number().optional(), txPowerDbm: z.number().optional(), pci: z.number().int().min(0).max(1007).optional(),
});
const gridSchema = z.object({
  cols: z.number().int().positive().max(PROJECT_LIMITS.maxGridSide), rows: z.number().int().positive().max(PROJECT_LIMITS.maxGridSide),
  originXM: z.number(), originYM: z.number(), cellSizeM: z.number().positive().max(10_000), crs: z.string().max(2000),
});
const outsideCountySchema = z.object({ lonDeg: z.number(), latDeg: z.number(), distanceM: z.number().nonnegative() });

class BadProject extends Error {}

type Row = Record<string, SqlValue>;
interface LayerRow {
  geometry: Geometry | null;
  p: Row;
}

const num = (v: SqlValue | undefined): number | undefined => (v == null ? undefined : Number(v));
const flag = (v: SqlValue | undefined): boolean | undefined => (v == null ? undefined : Number(v) === 1);

/** A JSON cell, its nesting bounded before JSON.parse (which does not bound it). */
function json(v: SqlValue | undefined, where: string): unknown {
  const s = String(v);
  if (jsonDepthOver(s, PROJECT_LIMITS.maxJsonDepth)) throw new BoundedReadError('too-large', `${where}: JSON nested deeper than ${PROJECT_LIMITS.maxJsonDepth} levels`);
  try {
    return JSON.parse(s);
  } catch {
    throw new BadProject(`${where}: not valid JSON`);
  }
}

function finite(v: SqlValue | undefined, where: string): number {
  const n = Number(v);
  if (v == null || !Number.isFinite(n)) throw new BadProject(`${where} is not a finite number ('${String(v)}')`);
  return n;
}

function pointOf(g: Geometry | null, where: string): [number, number] {
  if (g?.type !== 'Point' || g.coordinates.length < 2) throw new BadProject(`${where}: geometry is not a point`);
  const [x, y] = g.coordinates;
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new BadProject(`${where}: the point is not finite (${x}, ${y})`);
  return [x, y];
}

function oneOf<T extends string>(values: readonly T[], v: SqlValue | undefined, where: string): T {
  if (!values.includes(v as T)) throw new BadProject(`${where}: '${String(v)}' is not one of ${values.join(', ')}`);
  return v as T;
}

/** The state of one read: the open file, its deadline and the geometry budget left. */
interface ReadState {
  db: Database;
  deadline: ReadDeadline;
  geometryBytesLeft: number;
}

/**
 * The rows of one table of PROJECT_TABLES, read by readBoundedTable (a real table of the expected shape, rows and
 * bytes within its limits, within the read's deadline); undefined for an absent optional table. Feature tables
 * come with their geometry decoded, all of them sharing PROJECT_LIMITS.maxGeometryBytes.
 */
function readProjectTable(state: ReadState, name: ProjectTableName): LayerRow[] | undefined {
  const spec: ProjectTable = PROJECT_TABLES[name];
  const exists = state.db.exec('SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)', [name]).length > 0;
  if (!exists) {
    if (spec.isRequired) throw new BadProject(`table '${name}' is missing`);
    return undefined;
  }
  const columns = spec.geometry
    ? { ...spec.columns, geom: { ...spec.columns.geom, maxTotalBytes: state.geometryBytesLeft } }
    : spec.columns;
  const rows = readBoundedTable(state.db, name, { ...spec, columns }, state.deadline);
  return rows.map((p, i) => {
    let geometry: Geometry | null = null;
    if (spec.geometry && p.geom instanceof Uint8Array) {
      state.geometryBytesLeft -= p.geom.length;
      try {
        geometry = decodeGpkgGeometry(p.geom).geometry;
      } catch (err) {
        throw new BadProject(`${name} row ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { geometry, p };
  });
}

function sitesOf(name: 'sites' | 'candidates', rows: LayerRow[]): Site[] {
  return rows.map(({ geometry, p }, i) => {
    const where = `${name} row ${i + 1} (${String(p.id)})`;
    const [lonDeg, latDeg] = pointOf(geometry, where);
    const sectorsJson = json(p.sectors ?? '[]', `${where} sectors`);
    // a declared count is a claim: checked before each sector is looked at
    if (Array.isArray(sectorsJson) && sectorsJson.length > PROJECT_LIMITS.maxSectorsPerSite) {
      throw new BoundedReadError('too-large', `${where}: ${sectorsJson.length} sectors; a site has at most ${PROJECT_LIMITS.maxSectorsPerSite} (PROJECT_LIMITS.maxSectorsPerSite)`);
    }
    const sectors = z.array(sectorSchema).safeParse(sectorsJson);
    if (!sectors.success) throw new BadProject(`${where}: sectors: ${sectors.error.issues[0]?.message}`);
    const site: Site = {
      id: String(p.id), name: String(p.name ?? ''), kind: oneOf(SITE_KINDS, p.kind, `${where} kind`), status: oneOf(SITE_STATUSES, p.status, `${where} status`),
      buildMethod: oneOf(BUILD_METHODS, p.build_method, `${where} build_method`), lonDeg, latDeg, heightAglM: finite(p.height_agl_m, `${where} height_agl_m`),
      band: oneOf(BAND_IDS, p.band, `${where} band`), sectors: sectors.data,
    };
    if (p.cost_cny != null) site.costCny = finite(p.cost_cny, `${where} cost_cny`);
    const isCostEstimate = flag(p.cost_is_estimate);
    if (isCostEstimate !== undefined) site.isCostEstimate = isCostEstimate;
    const isIllustrative = flag(p.is_illustrative);
    if (isIllustrative !== undefined) site.isIllustrative = isIllustrative;
    if (p.source != null) site.source = String(p.source);
    if (p.notes != null) site.notes = String(p.notes);
    if (p.outside_county != null) {
      const out = outsideCountySchema.safeParse(json(p.outside_county, `${where} outside_county`));
      if (!out.success) throw new BadProject(`${where}: outside_county is not {lonDeg, latDeg, distanceM}`);
      site.outsideCounty = out.data;
    }
    return site;
  });
}

const keyPointsSchema = z.array(z.tuple([z.number(), z.number()]));

function placesOf(rows: LayerRow[]): Place[] {
  return rows.map(({ geometry: g, p }, i) => {
    const where = `places row ${i + 1} (${String(p.id)})`;
    if (!g || !['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'].includes(g.type)) throw new BadProject(`${where}: unsupported geometry`);
    const place: Place = { id: String(p.id), name: String(p.name ?? ''), category: oneOf(PLACE_CATEGORIES, p.category, `${where} category`), geometry: g as Place['geometry'] };
    if (p.subcategory != null) place.subcategory = String(p.subcategory);
    if (p.radius_m != null) place.radiusM = finite(p.radius_m, `${where} radius_m`);
    if (p.key_points != null) {
      const raw = json(p.key_points, `${where} key_points`);
      if (Array.isArray(raw) && raw.length > PROJECT_LIMITS.maxKeyPointsPerPlace) {
        throw new BoundedReadError('too-large', `${where}: ${raw.length} key points; at most ${PROJECT_LIMITS.maxKeyPointsPerPlace} (PROJECT_LIMITS.maxKeyPointsPerPlace)`);
      }
      const kp = keyPointsSchema.safeParse(raw);
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

function oltsOf(rows: LayerRow[]): Olt[] {
  return rows.map(({ geometry, p }, i) => {
    const where = `olts row ${i + 1} (${String(p.id)})`;
    const [lonDeg, latDeg] = pointOf(geometry, where);
    const olt: Olt = {
      id: String(p.id), name: String(p.name ?? ''), lonDeg, latDeg, gponPorts: finite(p.gpon_ports ?? 0, `${where} gpon_ports`), xgsPonPorts: finite(p.xgs_pon_ports ?? 0, `${where} xgs_pon_ports`),
      status: oneOf(['existing', 'planned', 'proposed'] as const, p.status, `${where} status`),
    };
    const isIllustrative = flag(p.is_illustrative);
    if (isIllustrative !== undefined) olt.isIllustrative = isIllustrative;
    if (p.source != null) olt.source = String(p.source);
    return olt;
  });
}

function rastersOf(rows: LayerRow[], project: Project): void {
  const cells = project.grid.cols * project.grid.rows;
  for (const { p: r } of rows) {
    const name = String(r.name);
    if (name !== 'terrain' && name !== 'population' && name !== 'landUse') continue;
    if (Number(r.cols) !== project.grid.cols || Number(r.rows) !== project.grid.rows) throw new BadProject(`raster ${name} is ${r.cols}x${r.rows}, the grid ${project.grid.cols}x${project.grid.rows}`);
    if (!(r.data instanceof Uint8Array)) throw new BadProject(`raster ${name} has no data`);
    // zlib never grows data by more than 0.1 % plus a few bytes: more is not a raster of this grid
    if (r.data.length > cells * 4 * 1.001 + 1024) throw new BoundedReadError('too-large', `raster ${name} holds ${r.data.length} bytes for ${cells} cells; refused`);
    let values: Float32Array;
    try {
      values = decodeRaster(r.data, String(r.codec), cells);
    } catch (err) {
      throw new BadProject(`raster ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const provenance = oneOf(['file', 'modelled', 'synthetic'] as const, r.provenance, `raster ${name} provenance`);
    const gridLayer: GridLayer = { values, provenance, source: String(r.source ?? '') };
    project[name] = gridLayer;
  }
}

/** The grid a file declares, checked as a claim before anything is allocated for it. */
function gridOf(meta: Map<string, string>): Project['grid'] {
  const grid = gridSchema.safeParse(json(meta.get('grid') ?? 'null', 'grid'));
  if (!grid.success) {
    const issue = grid.error.issues[0];
    if (issue?.code === 'too_big') throw new BoundedReadError('too-large', `grid: ${issue.path.join('.')} ${issue.message} (PROJECT_LIMITS.maxGridSide)`);
    throw new BadProject(`grid: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const { cols, rows, crs } = grid.data;
  if (cols * rows > PROJECT_LIMITS.maxGridCells) {
    throw new BoundedReadError('too-large', `the grid is ${cols} x ${rows} = ${(cols * rows).toLocaleString('en')} cells; at most ${PROJECT_LIMITS.maxGridCells.toLocaleString('en')} are opened (PROJECT_LIMITS.maxGridCells)`);
  }
  try {
    proj4(crs);
  } catch {
    throw new BadProject(`grid: crs is not a projection ('${crs.slice(0, 80)}')`);
  }
  return grid.data;
}

/** Settings of files before version 3 name a TR 38.901 model choice (radio.model) the propagation model replaced. */
function withoutOldModelChoice<T extends { radio: object }>(settings: T): T {
  const { model: _replaced, ...radio } = settings.radio as { model?: unknown };
  return { ...settings, radio };
}

function projectOf(state: ReadState, meta: Map<string, string>): Project {
  const grid = gridOf(meta);
  const settings = projectSettingsSchema.safeParse(json(meta.get('settings') ?? 'null', 'settings'));
  if (!settings.success) throw new BadProject(`settings: ${settings.error.issues[0]?.path.join('.')} ${settings.error.issues[0]?.message}`);
  const boundary = readProjectTable(state, 'boundary')![0]?.geometry;
  if (boundary?.type !== 'MultiPolygon') throw new BadProject('boundary is not a MultiPolygon');
  const project: Project = {
    schemaVersion: Number(meta.get('project_schema_version')), name: meta.get('name') ?? '', countyCode: meta.get('county_code') ?? '',
    boundary: boundary as MultiPolygon, grid, settings: withoutOldModelChoice(settings.data) satisfies ProjectSettings,
    sites: sitesOf('sites', readProjectTable(state, 'sites')!), candidates: sitesOf('candidates', readProjectTable(state, 'candidates')!),
    places: placesOf(readProjectTable(state, 'places')!), olts: oltsOf(readProjectTable(state, 'olts')!),
  };
  const roads = readProjectTable(state, 'roads');
  if (roads) {
    project.roads = {
      type: 'FeatureCollection',
      features: roads.map(({ geometry, p }, i) => {
        if (geometry?.type !== 'LineString' && geometry?.type !== 'MultiLineString') throw new BadProject(`roads row ${i + 1}: not a line`);
        const properties = p.properties == null ? null : json(p.properties, `roads row ${i + 1} properties`);
        const feature: Feature<LineString | MultiLineString> = { type: 'Feature', geometry, properties: properties as Feature['properties'] };
        if (p.feature_id != null) feature.id = json(p.feature_id, `roads row ${i + 1} feature_id`) as Feature['id'];
        return feature;
      }),
    } satisfies FeatureCollection<LineString | MultiLineString>;
  }
  rastersOf(readProjectTable(state, 'qc_rasters')!, project);
  applyProjectExtrasMeta(meta, project);
  try {
    const model = readPropagationModelTable(readProjectTable(state, 'qc_propagation_model')?.map((r) => r.p) ?? []);
    if (model) project.propagationModel = model;
  } catch (err) {
    throw new BadProject((err as Error).message);
  }
  const history = readProjectTable(state, 'qc_history');
  if (history?.length) {
    project.history = history.map(({ p: h }, i) => ({
      atIso: String(h.at_iso ?? ''), action: String(h.action ?? ''), ...(h.detail == null ? {} : { detail: json(h.detail, `qc_history row ${i + 1} detail`) }),
    }));
  }
  return project;
}

// Schema objects GeoPackage and GDAL/QGIS add to a file they edit: expected, left unread without a word.
const KNOWN_EXTRA = /^(gpkg_|rtree_|sqlite_|gpkg_ogr_contents$)/i;

/**
 * Removes every trigger of the in-memory copy (the file on disk is untouched) and lists what the reader will
 * not read: triggers, views, virtual tables and tables that are not part of a project. Triggers go first so
 * that the migrations, which write to the copy, never run the file's own code (issue 21: a looping trigger on
 * an internal table hung a version-1 file's migration).
 */
function disarm(db: Database, notice: (message: string) => void): void {
  const known = new Set([...Object.keys(PROJECT_TABLES), ...VIEW_ONLY_TABLES]);
  const objects = db.exec("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")[0]?.values ?? [];
  for (const [type, name, sql] of objects.map((v) => v.map(String))) {
    const isKnown = known.has(name.toLowerCase()) || KNOWN_EXTRA.test(name);
    if (type === 'trigger') {
      db.run(`DROP TRIGGER IF EXISTS "${name.replace(/"/g, '""')}"`);
      if (!/^(rtree_|trigger_(insert|delete)_feature_count_|gpkg_)/i.test(name)) notice(`trigger '${name}' removed: a project file runs no code of its own`);
    } else if (type === 'view') {
      if (!KNOWN_EXTRA.test(name)) notice(`view '${name}' ignored: a project is read from its tables only`);
    } else if (/^\s*create\s+virtual\s/i.test(sql) && !/^rtree_/i.test(name)) {
      notice(`virtual table '${name}' ignored`);
    } else if (!isKnown) {
      notice(`table '${name}' ignored: not part of a project`);
    }
  }
}

/** Options of readProjectGpkg. */
export interface ReadProjectOptions {
  /** told what the file holds that the reader leaves alone (triggers removed, views and unknown tables ignored) */
  onNotice?: (message: string) => void;
  /** the clock for PROJECT_LIMITS.maxReadMs, ms (tests); default Date.now */
  now?: () => number;
}

/**
 * Opens a project GeoPackage written by writeProjectGpkg (any earlier file version is migrated forward in
 * memory). A project file is data, never code, and cannot make the read hang or exhaust memory:
 * - only the tables of PROJECT_TABLES are read, each checked through sqlite_master to be a real table of the
 *   expected shape (a view or virtual table in a layer's place, a GENERATED column: refused), read with
 *   readBoundedTable (rows, bytes per cell and per column, a 30 s deadline: PROJECT_LIMITS), explicit columns only;
 * - the file's triggers are removed from the in-memory copy before the migrations run, and views, virtual and
 *   unknown tables are left unread; each is reported through `onNotice`;
 * - sizes the file declares are claims checked before allocating: grid cells (cols x rows), sectors per site,
 *   key points per place, geometry bytes of all layers, raster bytes against the grid, JSON nesting.
 * Refuses, as a failed Result with a message for people: a file that is not SQLite or not a GeoPackage or not a
 * project ('not-project'), a damaged or malformed one ('corrupt'), one over a limit ('too-large', naming the
 * limit), one from a newer version of the app ('newer-version'). Nothing is half-loaded.
 * @example const r = await readProjectGpkg(bytes, { onNotice: console.warn }); if (!r.ok) showError(r.message); else open(r.value);
 */
export async function readProjectGpkg(bytes: Uint8Array, options: ReadProjectOptions = {}): Promise<Result<Project>> {
  const opened = await openGpkgDatabase(bytes);
  if (!opened.ok) {
    return opened.code === 'corrupt' || opened.code === 'too-large' ? opened : fail('not-project', `not a Qiancheng project file: ${opened.message}`);
  }
  const db = opened.value;
  const now = options.now ?? Date.now;
  const state: ReadState = { db, deadline: { atMs: now() + PROJECT_LIMITS.maxReadMs, now, label: `${PROJECT_LIMITS.maxReadMs / 1000} s` }, geometryBytesLeft: PROJECT_LIMITS.maxGeometryBytes };
  try {
    // No function of the file's schema may have side effects, whatever else happens (SQLite 3.31+).
    db.run('PRAGMA trusted_schema = OFF');
    const hasMeta = db.exec("SELECT 1 FROM sqlite_master WHERE lower(name) = 'qc_meta'").length > 0;
    if (!hasMeta) return fail('not-project', 'not a Qiancheng project file: a GeoPackage without the project tables (qc_meta)');
    disarm(db, options.onNotice ?? (() => undefined));
    const meta = new Map(readProjectTable(state, 'qc_meta')!.map(({ p }) => [String(p.key), String(p.value)]));
    if (meta.get('app') !== PROJECT_FILE_APP) return fail('not-project', 'not a Qiancheng project file: a GeoPackage without the project tables (qc_meta)');
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
    return ok(projectOf(state, meta));
  } catch (err) {
    if (err instanceof BoundedReadError) {
      if (err.code === 'too-large' || err.code === 'too-slow') return fail('too-large', `the project file is refused: ${err.message}`);
      return fail('corrupt', `the project file is refused: ${err.message}`);
    }
    return fail('corrupt', `the project file is damaged: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    db.close();
  }
}
