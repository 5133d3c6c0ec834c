import type { BuildListRow } from '../../core/buildList';
import { formatterFor, roundDeg } from '../../core/text';
import { WGS84_WKT, writeGpkg, type GpkgColumn, type GpkgSrs } from '../gpkg';
import type { BuildListExportOptions } from './buildListExportOptions';
import { buildListColumns } from './buildListColumns';
import { EXPORT_CRS_LABEL, rowsInCrs } from './exportCrs';

/** srs_id of the GCJ-02 row we write: GCJ-02 has no EPSG code, so it lives in a user range (not EPSG). */
export const GCJ02_SRS_ID = 990002;

const GCJ02_SRS: GpkgSrs = {
  srsId: GCJ02_SRS_ID, name: 'GCJ-02', organization: 'NONE', organizationCoordsysId: GCJ02_SRS_ID,
  definition: WGS84_WKT.replace('GEOGCS["WGS 84"', 'GEOGCS["GCJ-02 (WGS 84 with the Chinese obfuscation offset)"').replace(/,AUTHORITY\["EPSG","4326"\]\]$/, ']'),
  description: 'GCJ-02 (国测局坐标): WGS 84 shifted by the Chinese offset (AMap, Tencent, 奥维); not a datum GIS tools can transform',
};

/**
 * The build list as a GeoPackage with one point layer 'build_list' (ASCII field names, values in the file's
 * language, coordinates to 6 decimals) for QGIS/GDAL. WGS-84 is EPSG:4326; GCJ-02 gets its own
 * gpkg_spatial_ref_sys row (srs_id 990002) naming it.
 * @example const bytes = await exportBuildListGpkg(rows, { crs: 'wgs84' });
 */
export async function exportBuildListGpkg(rows: readonly BuildListRow[], options: BuildListExportOptions = {}): Promise<Uint8Array> {
  const crs = options.crs ?? 'wgs84';
  const columns = buildListColumns(crs, options.language).filter((c) => c.id !== 'lon' && c.id !== 'lat');
  const gpkgColumns: GpkgColumn[] = columns.map((c) => ({ name: c.field, type: c.isNumeric ? 'REAL' : 'TEXT' }));
  const sheetName = formatterFor(options.language ?? 'zh').words.buildList.sheetName;
  return writeGpkg({
    extraSrs: crs === 'gcj02' ? [GCJ02_SRS] : [],
    attributes: [],
    layers: [{
      name: 'build_list', geometryType: 'POINT', srsId: crs === 'gcj02' ? GCJ02_SRS_ID : 4326, columns: gpkgColumns,
      description: `${sheetName} (${EXPORT_CRS_LABEL[crs]})`,
      features: rowsInCrs(rows, crs).map((r) => ({
        geometry: { type: 'Point', coordinates: [roundDeg(r.lonDeg), roundDeg(r.latDeg)] },
        properties: Object.fromEntries(columns.map((c) => [c.field, c.value(r)])),
      })),
    }],
  });
}
