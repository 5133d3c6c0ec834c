import { zipSync } from 'fflate';
import type { BuildListRow } from '../../core/model';
import type { ExportCrs } from './exportCrs';
import { exportBuildListKml } from './exportBuildListKml';

/**
 * The build list as KMZ: the KML above zipped as doc.kml (fflate), as Google Earth and 奥维 open it.
 * @example const kmz = exportBuildListKmz(rows);
 */
export function exportBuildListKmz(rows: readonly BuildListRow[], crs: ExportCrs = 'wgs84'): Uint8Array {
  return zipSync({ 'doc.kml': exportBuildListKml(rows, crs) }, { level: 6 });
}
