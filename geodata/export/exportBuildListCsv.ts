import type { BuildListRow } from '../../core/model';
import { buildListColumns } from './buildListColumns';
import { csvBytes } from './csvText';
import { rowsInCrs, type ExportCrs } from './exportCrs';

/**
 * The build list as CSV (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel on Chinese Windows opens the Chinese
 * headers correctly; the coordinate system is in the longitude/latitude headers.
 * @example const bytes = exportBuildListCsv(rows, 'wgs84'); // starts EF BB BF
 */
export function exportBuildListCsv(rows: readonly BuildListRow[], crs: ExportCrs = 'wgs84'): Uint8Array {
  const columns = buildListColumns(crs);
  return csvBytes([columns.map((c) => c.header), ...rowsInCrs(rows, crs).map((r) => columns.map((c) => c.value(r)))]);
}
