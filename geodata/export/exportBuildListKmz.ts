import { zipSync } from 'fflate';
import type { BuildListRow } from '../../core/buildList';
import type { BuildListExportOptions } from './buildListExportOptions';
import { exportBuildListKml } from './exportBuildListKml';

/**
 * The build list as KMZ: the KML above zipped as doc.kml (fflate), as Google Earth and 奥维 open it.
 * @example const kmz = exportBuildListKmz(rows);
 */
export function exportBuildListKmz(rows: readonly BuildListRow[], options: BuildListExportOptions = {}): Uint8Array {
  return zipSync({ 'doc.kml': exportBuildListKml(rows, options) }, { level: 6 });
}
