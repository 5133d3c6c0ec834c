import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GridLayer, Project, Site } from '../../core/model';
import { writeGpkg, type GpkgAttributeTable, type GpkgColumn, type GpkgFeatureLayer, type GpkgValue } from '../gpkg';
import { projectExtrasMetaRows } from './projectExtrasMeta';
import { PROJECT_FILE_APP, PROJECT_FILE_VERSION } from './projectFileSchema';
import { PROJECT_LIMITS } from './projectTables';
import { propagationModelTable } from './propagationModelTable';
import { encodeRaster } from './rasterCodec';
import { sectorWedge } from './sectorWedge';

/** Options of writeProjectGpkg. */
export interface WriteProjectOptions {
  /** coverage gaps to show in GIS (layer 'gaps'); written for viewing, not read back into the Project */
  gaps?: FeatureCollection<Polygon | MultiPolygon>;
}

const bool = (b: boolean | undefined): number | null => (b === undefined ? null : b ? 1 : 0);

const SITE_COLUMNS: GpkgColumn[] = [
  { name: 'id', type: 'TEXT' }, { name: 'name', type: 'TEXT' }, { name: 'kind', type: 'TEXT' }, { name: 'status', type: 'TEXT' },
  { name: 'build_method', type: 'TEXT' }, { name: 'height_agl_m', type: 'REAL' }, { name: 'band', type: 'TEXT' },
  { name: 'azimuths_deg', type: 'TEXT' }, { name: 'cost_cny', type: 'REAL' }, { name: 'cost_is_estimate', type: 'INTEGER' }, { name: 'is_illustrative', type: 'INTEGER' },
  { name: 'source', type: 'TEXT' }, { name: 'notes', type: 'TEXT' }, { name: 'sectors', type: 'TEXT' },
  { name: 'outside_county', type: 'TEXT' },
];

function siteLayer(name: string, sites: Site[], description: string): GpkgFeatureLayer {
  return {
    name, geometryType: 'POINT', srsId: 4326, description, columns: SITE_COLUMNS,
    features: sites.map((s) => ({
      geometry: { type: 'Point', coordinates: [s.lonDeg, s.latDeg] },
      properties: {
        id: s.id, name: s.name, kind: s.kind, status: s.status, build_method: s.buildMethod, height_agl_m: s.heightAglM, band: s.band,
        azimuths_deg: s.sectors.map((x) => x.azimuthDeg).join('/'), cost_cny: s.costCny ?? null,
        cost_is_estimate: bool(s.isCostEstimate), is_illustrative: bool(s.isIllustrative),
        source: s.source ?? null, notes: s.notes ?? null, sectors: JSON.stringify(s.sectors),
        outside_county: s.outsideCounty ? JSON.stringify(s.outsideCounty) : null,
      },
    })),
  };
}

function rasterRow(name: string, layer: GridLayer, project: Project): Record<string, GpkgValue> {
  const expected = project.grid.cols * project.grid.rows;
  if (layer.values.length !== expected) throw new RangeError(`project.${name}.values must have grid.cols * grid.rows = ${expected} values, got ${layer.values.length}`);
  // Float32 bytes in platform order: every supported platform (x64, arm64) is little-endian.
  return { name, cols: project.grid.cols, rows: project.grid.rows, dtype: 'float32le', codec: 'shuffle4-zlib', provenance: layer.provenance, source: layer.source, data: encodeRaster(layer.values) };
}

function columnName(key: string): string {
  const c = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1').slice(0, 60);
  return c === 'fid' || c === 'geom' ? `${c}_` : c;
}

function gapsLayer(gaps: FeatureCollection<Polygon | MultiPolygon>): GpkgFeatureLayer {
  const columns = new Map<string, GpkgColumn>();
  for (const f of gaps.features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const type = typeof v === 'number' ? 'REAL' : typeof v === 'boolean' ? 'INTEGER' : 'TEXT';
      const name = columnName(k);
      if (!columns.has(name)) columns.set(name, { name, type });
    }
  }
  return {
    name: 'gaps', geometryType: 'MULTIPOLYGON', srsId: 4326, description: 'coverage gaps (view only)', columns: [...columns.values()],
    features: gaps.features.map((f) => ({
      geometry: f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry,
      properties: Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [
        columnName(k), typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v == null ? null : JSON.stringify(v),
      ])),
    })),
  };
}

/** Refuses to write a project readProjectGpkg would refuse to open (PROJECT_LIMITS), naming the limit. */
function assertWithinLimits(project: Project): void {
  const L = PROJECT_LIMITS;
  const counts: [string, number, number][] = [
    ['grid cells', project.grid.cols * project.grid.rows, L.maxGridCells], ['sites', project.sites.length, L.maxSites],
    ['candidates', project.candidates.length, L.maxCandidates], ['places', project.places.length, L.maxPlaces], ['OLTs', project.olts.length, L.maxOlts],
    ['roads', project.roads?.features.length ?? 0, L.maxRoads], ['edit log entries', project.history?.length ?? 0, L.maxHistory],
  ];
  for (const [what, n, max] of counts) if (n > max) throw new RangeError(`the project has ${n.toLocaleString('en')} ${what}; a project file holds at most ${max.toLocaleString('en')} (PROJECT_LIMITS)`);
  const crowded = [...project.sites, ...project.candidates].find((s) => s.sectors.length > L.maxSectorsPerSite);
  if (crowded) throw new RangeError(`site ${crowded.id} has ${crowded.sectors.length} sectors; a site has at most ${L.maxSectorsPerSite}`);
}

/**
 * Saves a Project as a GeoPackage (OGC 12-128r18) that QGIS and GDAL open directly. Vector layers (EPSG:4326):
 * boundary, sites, candidates, sectors (wedge polygons, view only), places, olts, roads (when present), gaps
 * (when given). Extra attributes tables: qc_meta (file version, project schema version, name, county, grid,
 * settings as JSON), qc_rasters (terrain / population / land-use Float32, byte-shuffled and zlib-compressed with fflate: rasterCodec.ts), qc_history
 * (edit log) and qc_propagation_model (propagationModelTable.ts). Read back with readProjectGpkg. Throws RangeError for a project over
 * PROJECT_LIMITS (the file could not be opened again).
 * @example const bytes = await writeProjectGpkg(project); // Uint8Array, a .gpkg file's content
 */
export async function writeProjectGpkg(project: Project, options: WriteProjectOptions = {}): Promise<Uint8Array> {
  if (!project || typeof project !== 'object') throw new RangeError('project must be a Project');
  if (!project.boundary || project.boundary.type !== 'MultiPolygon') throw new RangeError('project.boundary must be a MultiPolygon');
  assertWithinLimits(project);
  const layers: GpkgFeatureLayer[] = [
    {
      name: 'boundary', geometryType: 'MULTIPOLYGON', srsId: 4326, description: 'county boundary',
      columns: [{ name: 'county_code', type: 'TEXT' }, { name: 'name', type: 'TEXT' }],
      features: [{ geometry: project.boundary, properties: { county_code: project.countyCode, name: project.name } }],
    },
    siteLayer('sites', project.sites, 'sites (existing, planned, proposed)'),
    siteLayer('candidates', project.candidates, 'candidate locations for new sites'),
    {
      name: 'sectors', geometryType: 'POLYGON', srsId: 4326, description: 'sector wedges of sites (view only; drawing radius by kind)',
      columns: [{ name: 'site_id', type: 'TEXT' }, { name: 'sector_id', type: 'TEXT' }, { name: 'site_name', type: 'TEXT' }, { name: 'status', type: 'TEXT' },
        { name: 'azimuth_deg', type: 'REAL' }, { name: 'mechanical_tilt_deg', type: 'REAL' }, { name: 'electrical_tilt_deg', type: 'REAL' }, { name: 'antenna', type: 'TEXT' }],
      features: project.sites.flatMap((s) => s.sectors.map((x) => ({
        geometry: sectorWedge(s, x),
        properties: { site_id: s.id, sector_id: x.id, site_name: s.name, status: s.status, azimuth_deg: x.azimuthDeg, mechanical_tilt_deg: x.mechanicalTiltDeg, electrical_tilt_deg: x.electricalTiltDeg, antenna: x.antenna },
      }))),
    },
    {
      name: 'places', geometryType: 'GEOMETRY', srsId: 4326, description: 'priority places (points, areas, lines)',
      columns: [{ name: 'id', type: 'TEXT' }, { name: 'name', type: 'TEXT' }, { name: 'category', type: 'TEXT' }, { name: 'subcategory', type: 'TEXT' },
        { name: 'radius_m', type: 'REAL' }, { name: 'key_points', type: 'TEXT' }, { name: 'is_illustrative', type: 'INTEGER' }, { name: 'source', type: 'TEXT' }, { name: 'source_crs', type: 'TEXT' }],
      features: project.places.map((p) => ({
        geometry: p.geometry,
        properties: { id: p.id, name: p.name, category: p.category, subcategory: p.subcategory ?? null, radius_m: p.radiusM ?? null,
          key_points: p.keyPoints ? JSON.stringify(p.keyPoints) : null, is_illustrative: bool(p.isIllustrative), source: p.source ?? null, source_crs: p.sourceCrs ?? null },
      })),
    },
    {
      name: 'olts', geometryType: 'POINT', srsId: 4326, description: 'OLTs / central offices',
      columns: [{ name: 'id', type: 'TEXT' }, { name: 'name', type: 'TEXT' }, { name: 'gpon_ports', type: 'INTEGER' }, { name: 'xgs_pon_ports', type: 'INTEGER' },
        { name: 'status', type: 'TEXT' }, { name: 'is_illustrative', type: 'INTEGER' }, { name: 'source', type: 'TEXT' }],
      features: project.olts.map((o) => ({
        geometry: { type: 'Point', coordinates: [o.lonDeg, o.latDeg] },
        properties: { id: o.id, name: o.name, gpon_ports: o.gponPorts, xgs_pon_ports: o.xgsPonPorts, status: o.status, is_illustrative: bool(o.isIllustrative), source: o.source ?? null },
      })),
    },
  ];
  if (project.roads) {
    layers.push({
      name: 'roads', geometryType: 'GEOMETRY', srsId: 4326, description: 'road network (fibre routes)',
      columns: [{ name: 'feature_id', type: 'TEXT' }, { name: 'properties', type: 'TEXT' }],
      features: project.roads.features.map((f) => ({
        geometry: f.geometry,
        properties: { feature_id: f.id === undefined ? null : JSON.stringify(f.id), properties: f.properties ? JSON.stringify(f.properties) : null },
      })),
    });
  }
  if (options.gaps) layers.push(gapsLayer(options.gaps));

  const meta: [string, string][] = [
    ['app', PROJECT_FILE_APP],
    ['file_version', String(PROJECT_FILE_VERSION)],
    ['project_schema_version', String(project.schemaVersion)],
    ['name', project.name],
    ['county_code', project.countyCode],
    ['grid', JSON.stringify(project.grid)],
    ['settings', JSON.stringify(project.settings)],
    ...projectExtrasMetaRows(project),
  ];
  const attributes: GpkgAttributeTable[] = [
    { name: 'qc_meta', description: 'project metadata (JSON values)', columns: [{ name: 'key', type: 'TEXT' }, { name: 'value', type: 'TEXT' }], rows: meta.map(([key, value]) => ({ key, value })) },
    {
      name: 'qc_rasters', description: 'grid rasters, Float32 little-endian, codec in column codec',
      columns: [{ name: 'name', type: 'TEXT' }, { name: 'cols', type: 'INTEGER' }, { name: 'rows', type: 'INTEGER' }, { name: 'dtype', type: 'TEXT' },
        { name: 'codec', type: 'TEXT' }, { name: 'provenance', type: 'TEXT' }, { name: 'source', type: 'TEXT' }, { name: 'data', type: 'BLOB' }],
      rows: (['terrain', 'population', 'landUse'] as const).flatMap((n) => (project[n] ? [rasterRow(n, project[n], project)] : [])),
    },
    {
      name: 'qc_history', description: 'edit log',
      columns: [{ name: 'at_iso', type: 'TEXT' }, { name: 'action', type: 'TEXT' }, { name: 'detail', type: 'TEXT' }],
      rows: (project.history ?? []).map((h) => ({ at_iso: h.atIso, action: h.action, detail: h.detail === undefined ? null : JSON.stringify(h.detail) })),
    },
    propagationModelTable(project.propagationModel),
  ];
  return writeGpkg({ layers, attributes });
}
