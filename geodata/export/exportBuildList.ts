import type { BuildListRow } from '../../core/model';
import { exportBuildListCsv } from './exportBuildListCsv';
import { exportBuildListGeoJson } from './exportBuildListGeoJson';
import { exportBuildListGpkg } from './exportBuildListGpkg';
import { exportBuildListKml } from './exportBuildListKml';
import { exportBuildListKmz } from './exportBuildListKmz';
import { exportBuildListXlsx } from './exportBuildListXlsx';
import type { ExportCrs } from './exportCrs';

export type BuildListFormat = 'xlsx' | 'csv' | 'geojson' | 'kml' | 'kmz' | 'gpkg';
/** Every build-list export format, as the CLI's --format takes them. */
export const BUILD_LIST_FORMATS: readonly BuildListFormat[] = ['xlsx', 'csv', 'geojson', 'kml', 'kmz', 'gpkg'];

/**
 * The build list in any export format (the dispatch the CLI and the app's export dialog use).
 * @example const bytes = await exportBuildList(rows, 'kmz', { crs: 'gcj02' });
 */
export async function exportBuildList(rows: readonly BuildListRow[], format: BuildListFormat, options: { crs?: ExportCrs; title?: string } = {}): Promise<Uint8Array> {
  const crs = options.crs ?? 'wgs84';
  switch (format) {
    case 'xlsx': return exportBuildListXlsx(rows, { crs, title: options.title });
    case 'csv': return exportBuildListCsv(rows, crs);
    case 'geojson': return exportBuildListGeoJson(rows, crs);
    case 'kml': return exportBuildListKml(rows, crs);
    case 'kmz': return exportBuildListKmz(rows, crs);
    case 'gpkg': return exportBuildListGpkg(rows, crs);
    default: throw new RangeError(`format must be one of ${BUILD_LIST_FORMATS.join(', ')}, got ${String(format)}`);
  }
}
