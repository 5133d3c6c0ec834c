import type { Database } from 'sql.js';
import { encodeGpkgGeometry } from './encodeGpkgGeometry';
import { loadSqlJs } from './sqlJs';
import {
  GPKG_APPLICATION_ID, GPKG_USER_VERSION, WGS84_WKT,
  type GpkgAttributeTable, type GpkgColumn, type GpkgContent, type GpkgFeatureLayer, type GpkgSrs,
} from './types';

/** The three rows every GeoPackage must hold (OGC 12-128r18 requirement 11). */
const REQUIRED_SRS: GpkgSrs[] = [
  { srsId: 4326, name: 'WGS 84 geodetic', organization: 'EPSG', organizationCoordsysId: 4326, definition: WGS84_WKT, description: 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid' },
  { srsId: -1, name: 'Undefined cartesian SRS', organization: 'NONE', organizationCoordsysId: -1, definition: 'undefined', description: 'undefined cartesian coordinate reference system' },
  { srsId: 0, name: 'Undefined geographic SRS', organization: 'NONE', organizationCoordsysId: 0, definition: 'undefined', description: 'undefined geographic coordinate reference system' },
];

// Table DDL as given in OGC 12-128r18 annex C (tables 21-23).
const CORE_DDL = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
`;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function assertName(what: string, name: string): void {
  if (!NAME.test(name)) throw new RangeError(`${what} must match ${NAME}, got '${name}'`);
}

function columnDdl(columns: GpkgColumn[]): string {
  return columns.map((c) => `, "${c.name}" ${c.type}`).join('');
}

function insertRows(db: Database, table: string, names: string[], rows: Iterable<(string | number | Uint8Array | null)[]>): void {
  const stmt = db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  try {
    for (const r of rows) stmt.run(r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
  } finally {
    stmt.free();
  }
}

function writeLayer(db: Database, layer: GpkgFeatureLayer): void {
  db.run(`CREATE TABLE "${layer.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${layer.geometryType}${columnDdl(layer.columns)})`);
  const names = ['geom', ...layer.columns.map((c) => c.name)];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const rows = layer.features.map((f) => {
    const blob = f.geometry ? encodeGpkgGeometry(f.geometry, layer.srsId) : null;
    if (blob && (blob[3] & 0x10) === 0) {
      const dv = new DataView(blob.buffer);
      // Points have no stored envelope: read x, y from the WKB after the 8-byte header.
      const [x0, x1, y0, y1] = (blob[3] & 0x0e) === 0
        ? [dv.getFloat64(13, true), dv.getFloat64(13, true), dv.getFloat64(21, true), dv.getFloat64(21, true)]
        : [0, 1, 2, 3].map((i) => dv.getFloat64(8 + 8 * i, true));
      minX = Math.min(minX, x0); maxX = Math.max(maxX, x1); minY = Math.min(minY, y0); maxY = Math.max(maxY, y1);
    }
    return [blob, ...layer.columns.map((c) => f.properties[c.name] ?? null)];
  });
  insertRows(db, layer.name, names, rows);
  const hasBounds = minX <= maxX;
  db.run(
    'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [layer.name, 'features', layer.name, layer.description ?? '', hasBounds ? minX : null, hasBounds ? minY : null, hasBounds ? maxX : null, hasBounds ? maxY : null, layer.srsId],
  );
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [layer.name, 'geom', layer.geometryType, layer.srsId]);
}

function writeAttributes(db: Database, table: GpkgAttributeTable): void {
  // Attribute tables need an INTEGER PRIMARY KEY AUTOINCREMENT column (OGC 12-128r18 requirement 119).
  db.run(`CREATE TABLE "${table.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${columnDdl(table.columns)})`);
  const names = table.columns.map((c) => c.name);
  insertRows(db, table.name, names, table.rows.map((r) => names.map((n) => r[n] ?? null)));
  db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, ?, ?, ?)', [table.name, 'attributes', table.name, table.description ?? '']);
}

/**
 * Writes a GeoPackage (OGC 12-128r18, GeoPackage 1.3.1) with sql.js: application_id 'GPKG', user_version
 * 10301, gpkg_spatial_ref_sys with the required rows (EPSG:4326, -1, 0) plus `extraSrs`, gpkg_contents,
 * gpkg_geometry_columns, one feature table per layer (`fid`, `geom` as GeoPackage geometry blobs, the
 * layer's columns) and one attributes table per non-spatial table. Returns the file's bytes.
 * @example const bytes = await writeGpkg({ layers: [{ name: 'sites', geometryType: 'POINT', srsId: 4326, columns: [{ name: 'name', type: 'TEXT' }], features: [{ geometry: { type: 'Point', coordinates: [106.4, 27.8] }, properties: { name: 'A' } }] }], attributes: [] });
 */
export async function writeGpkg(content: GpkgContent): Promise<Uint8Array> {
  const srs = [...REQUIRED_SRS, ...(content.extraSrs ?? [])];
  const srsIds = new Set(srs.map((s) => s.srsId));
  if (srsIds.size !== srs.length) throw new RangeError('content.extraSrs repeats an srs_id');
  const tables = new Set<string>();
  for (const t of [...content.layers, ...content.attributes]) {
    assertName('table name', t.name);
    if (t.name.toLowerCase().startsWith('gpkg_') || tables.has(t.name.toLowerCase())) throw new RangeError(`table name '${t.name}' is reserved or repeated`);
    tables.add(t.name.toLowerCase());
    for (const c of t.columns) {
      assertName(`column name of ${t.name}`, c.name);
      if (c.name === 'fid' || c.name === 'geom') throw new RangeError(`column name '${c.name}' of ${t.name} is reserved`);
    }
  }
  for (const l of content.layers) if (!srsIds.has(l.srsId)) throw new RangeError(`layer ${l.name} uses srs ${l.srsId}, not in gpkg_spatial_ref_sys`);

  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_USER_VERSION};`);
    db.run('BEGIN');
    db.run(CORE_DDL);
    insertRows(db, 'gpkg_spatial_ref_sys', ['srs_name', 'srs_id', 'organization', 'organization_coordsys_id', 'definition', 'description'],
      srs.map((s) => [s.name, s.srsId, s.organization, s.organizationCoordsysId, s.definition, s.description ?? null]));
    content.layers.forEach((l) => writeLayer(db, l));
    content.attributes.forEach((t) => writeAttributes(db, t));
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
