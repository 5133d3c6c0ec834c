import { strToU8 } from 'fflate';
import type { BuildListRow } from '../../core/model';
import { buildListColumns } from './buildListColumns';
import { rowsInCrs, type ExportCrs } from './exportCrs';

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The build list as CSV (RFC 4180, CRLF) in UTF-8 with a BOM, so Excel on Chinese Windows opens the Chinese
 * headers correctly; the coordinate system is in the longitude/latitude headers.
 * @example const bytes = exportBuildListCsv(rows, 'wgs84'); // starts EF BB BF
 */
export function exportBuildListCsv(rows: readonly BuildListRow[], crs: ExportCrs = 'wgs84'): Uint8Array {
  const columns = buildListColumns(crs);
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const r of rowsInCrs(rows, crs)) lines.push(columns.map((c) => csvField(c.value(r))).join(','));
  return strToU8(`\uFEFF${lines.join('\r\n')}\r\n`);
}
