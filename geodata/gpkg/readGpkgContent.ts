import type { Database, SqlValue } from 'sql.js';
import { decodeGpkgGeometry } from './decodeGpkgGeometry';
import type { GpkgAttributeTable, GpkgColumn, GpkgColumnType, GpkgContent, GpkgFeatureLayer, GpkgGeometryType } from './types';

function rowsOf(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

function columnsOf(db: Database, table: string, skip: Set<string>): GpkgColumn[] {
  return rowsOf(db, `PRAGMA table_info("${table.replace(/"/g, '""')}")`)
    .filter((c) => !skip.has(String(c.name)))
    .map((c) => {
      const t = String(c.type).toUpperCase();
      const type: GpkgColumnType = /INT/.test(t) ? 'INTEGER' : /REAL|DOUB|FLOA/.test(t) ? 'REAL' : /BLOB/.test(t) ? 'BLOB' : 'TEXT';
      return { name: String(c.name), type };
    });
}

function pkOf(db: Database, table: string): string | undefined {
  const pk = rowsOf(db, `PRAGMA table_info("${table.replace(/"/g, '""')}")`).find((c) => Number(c.pk) === 1);
  return pk ? String(pk.name) : undefined;
}

/**
 * Reads every feature layer and attributes table listed in gpkg_contents of an open GeoPackage (see
 * openGpkgDatabase), decoding geometry blobs to GeoJSON. Throws RangeError for a malformed geometry blob,
 * naming the table and row; tiles and other data types are skipped.
 * @example const content = readGpkgContent(db); content.layers.map((l) => l.name)
 */
export function readGpkgContent(db: Database): GpkgContent {
  const contents = rowsOf(db, 'SELECT c.table_name, c.data_type, c.description, g.column_name, g.geometry_type_name, g.srs_id FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name ORDER BY c.rowid');
  const layers: GpkgFeatureLayer[] = [];
  const attributes: GpkgAttributeTable[] = [];
  for (const c of contents) {
    const name = String(c.table_name);
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const pk = pkOf(db, name);
    if (c.data_type === 'features' && c.column_name) {
      const geomCol = String(c.column_name);
      const columns = columnsOf(db, name, new Set([geomCol, ...(pk ? [pk] : [])]));
      const features = rowsOf(db, `SELECT * FROM ${quoted}`).map((r, i) => {
        const blob = r[geomCol];
        let geometry = null;
        if (blob instanceof Uint8Array) {
          try {
            geometry = decodeGpkgGeometry(blob).geometry;
          } catch (err) {
            throw new RangeError(`${name} row ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        return { geometry, properties: Object.fromEntries(columns.map((col) => [col.name, r[col.name] ?? null])) };
      });
      layers.push({ name, geometryType: String(c.geometry_type_name).toUpperCase() as GpkgGeometryType, srsId: Number(c.srs_id), columns, features, description: String(c.description ?? '') });
    } else if (c.data_type === 'attributes') {
      const columns = columnsOf(db, name, new Set(pk ? [pk] : []));
      const rows = rowsOf(db, `SELECT * FROM ${quoted}`).map((r) => Object.fromEntries(columns.map((col) => [col.name, r[col.name] ?? null])));
      attributes.push({ name, columns, rows, description: String(c.description ?? '') });
    }
  }
  const extraSrs = rowsOf(db, 'SELECT * FROM gpkg_spatial_ref_sys WHERE srs_id NOT IN (4326, -1, 0)').map((s) => ({
    srsId: Number(s.srs_id), name: String(s.srs_name), organization: String(s.organization),
    organizationCoordsysId: Number(s.organization_coordsys_id), definition: String(s.definition), description: s.description == null ? undefined : String(s.description),
  }));
  return { layers, attributes, extraSrs };
}
