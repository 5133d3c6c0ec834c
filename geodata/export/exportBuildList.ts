import type { BuildListRow } from '../../core/buildList';
import type { BuildListExportOptions } from './buildListExportOptions';
import { exportBuildListCsv } from './exportBuildListCsv';
import { exportBuildListGeoJson } from './exportBuildListGeoJson';
import { exportBuildListGpkg } from './exportBuildListGpkg';
import { exportBuildListKml } from './exportBuildListKml';
import { exportBuildListKmz } from './exportBuildListKmz';
import { exportBuildListXlsx } from './exportBuildListXlsx';

export type BuildListFormat = 'xlsx' | 'csv' | 'geojson' | 'kml' | 'kmz' | 'gpkg';
/** Every build-list export format, as the CLI's --format takes them. */
export const BUILD_LIST_FORMATS: readonly BuildListFormat[] = ['xlsx', 'csv', 'geojson', 'kml', 'kmz', 'gpkg'];

/**
 * The build list in any export format (the dispatch the CLI and the app's export dialog use).
 * @example const bytes = await exportBuildList(rows, 'kmz', { crs: 'gcj02', language: 'zh' });
 */
export async function exportBuildList(rows: readonly BuildListRow[], format: BuildListFormat, options: BuildListExportOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx': return exportBuildListXlsx(rows, options);
    case 'csv': return exportBuildListCsv(rows, options);
    case 'geojson': return exportBuildListGeoJson(rows, options);
    case 'kml': return exportBuildListKml(rows, options);
    case 'kmz': return exportBuildListKmz(rows, options);
    case 'gpkg': return exportBuildListGpkg(rows, options);
    default: throw new RangeError(`format must be one of ${BUILD_LIST_FORMATS.join(', ')}, got ${String(format)}`);
  }
}
