import type { BuildListRow } from '../../core/model';
import { WGS84_WKT, writeGpkg, type GpkgColumn, type GpkgSrs } from '../gpkg';
import { buildListColumns } from './buildListColumns';
import { rowsInCrs, type ExportCrs } from './exportCrs';

/** srs_id of the GCJ-02 row we write: GCJ-02 has no EPSG code, so it lives in a user range (not EPSG). */
export const GCJ02_SRS_ID = 990002;

const GCJ02_SRS: GpkgSrs = {
  srsId: GCJ02_SRS_ID, name: 'GCJ-02', organization: 'NONE', organizationCoordsysId: GCJ02_SRS_ID,
  definition: WGS84_WKT.replace('GEOGCS["WGS 84"', 'GEOGCS["GCJ-02 (WGS 84 with the Chinese obfuscation offset)"').replace(/,AUTHORITY\["EPSG","4326"\]\]$/, ']'),
  description: 'GCJ-02 (国测局坐标): WGS 84 shifted by the Chinese offset (AMap, Tencent, 奥维); not a datum GIS tools can transform',
};

/**
 * The build list as a GeoPackage with one point layer 'build_list' (ASCII field names, Chinese values) for
 * QGIS/GDAL. WGS-84 is EPSG:4326; GCJ-02 gets its own gpkg_spatial_ref_sys row (srs_id 990002) naming it.
 * @example const bytes = await exportBuildListGpkg(rows, 'wgs84');
 */
export async function exportBuildListGpkg(rows: readonly BuildListRow[], crs: ExportCrs = 'wgs84'): Promise<Uint8Array> {
  const columns = buildListColumns(crs).filter((c) => c.field !== 'lon_deg' && c.field !== 'lat_deg');
  const numeric = new Set(['priority', 'height_agl_m', 'new_people', 'new_area_km2', 'cost_wan_cny']);
  const gpkgColumns: GpkgColumn[] = columns.map((c) => ({ name: c.field, type: numeric.has(c.field) ? 'REAL' : 'TEXT' }));
  return writeGpkg({
    extraSrs: crs === 'gcj02' ? [GCJ02_SRS] : [],
    attributes: [],
    layers: [{
      name: 'build_list', geometryType: 'POINT', srsId: crs === 'gcj02' ? GCJ02_SRS_ID : 4326, columns: gpkgColumns,
      description: `建设清单 (${crs === 'gcj02' ? 'GCJ-02' : 'WGS-84'})`,
      features: rowsInCrs(rows, crs).map((r) => ({
        geometry: { type: 'Point', coordinates: [r.lonDeg, r.latDeg] },
        properties: Object.fromEntries(columns.map((c) => [c.field, c.value(r)])),
      })),
    }],
  });
}
