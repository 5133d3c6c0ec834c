import { strToU8 } from 'fflate';
import type { FeatureCollection, Point } from 'geojson';
import type { BuildListRow } from '../../core/buildList';
import { formatterFor, roundDeg } from '../../core/text';
import type { BuildListExportOptions } from './buildListExportOptions';
import { buildListColumns } from './buildListColumns';
import { EXPORT_CRS_LABEL, rowsInCrs } from './exportCrs';

/**
 * The build list as a GeoJSON FeatureCollection of points, properties keyed by the headers of the file's language
 * and coordinates to 6 decimals. The coordinate system is named twice: the foreign member `coordinateSystem`
 * ('WGS-84' / 'GCJ-02'), and for WGS-84 the legacy `crs` member (OGC CRS84) that GDAL reads; RFC 7946 itself
 * assumes WGS-84.
 * @example JSON.parse(strFromU8(exportBuildListGeoJson(rows, { crs: 'gcj02' }))).coordinateSystem // 'GCJ-02'
 */
export function exportBuildListGeoJson(rows: readonly BuildListRow[], options: BuildListExportOptions = {}): Uint8Array {
  const crs = options.crs ?? 'wgs84';
  const columns = buildListColumns(crs, options.language);
  const fc: FeatureCollection<Point> & Record<string, unknown> = {
    type: 'FeatureCollection',
    name: formatterFor(options.language ?? 'zh').words.buildList.sheetName,
    coordinateSystem: EXPORT_CRS_LABEL[crs],
    ...(crs === 'wgs84' ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } } : {}),
    features: rowsInCrs(rows, crs).map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [roundDeg(r.lonDeg), roundDeg(r.latDeg)] },
      properties: Object.fromEntries(columns.map((c) => [c.header, c.value(r)])),
    })),
  };
  return strToU8(JSON.stringify(fc, null, 1));
}
