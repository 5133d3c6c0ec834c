import type { BuildListRow } from '../../core/buildList';
import type { BuildListExportOptions } from './buildListExportOptions';
import { buildListColumns } from './buildListColumns';
import { csvBytes } from './csvText';
import { rowsInCrs } from './exportCrs';

/**
 * The build list as CSV (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel on Chinese Windows opens the Chinese
 * headers correctly; the coordinate system is in the longitude/latitude headers.
 * @example const bytes = exportBuildListCsv(rows, { crs: 'wgs84' }); // starts EF BB BF
 */
export function exportBuildListCsv(rows: readonly BuildListRow[], options: BuildListExportOptions = {}): Uint8Array {
  const crs = options.crs ?? 'wgs84';
  const columns = buildListColumns(crs, options.language);
  return csvBytes([columns.map((c) => c.header), ...rowsInCrs(rows, crs).map((r) => columns.map((c) => c.value(r)))]);
}
