import { strToU8 } from 'fflate';
import type { BuildListRow } from '../../core/model';
import { buildListColumns } from './buildListColumns';
import { EXPORT_CRS_LABEL, rowsInCrs, type ExportCrs } from './exportCrs';
import { xmlEscape as xml } from './xmlText';

/** Icon colours by row type, KML aabbggrr: macro red, micro blue, indoor green, fibre purple. */
const STYLES: Record<string, string> = { macro: 'ff0000ff', micro: 'ffff7f00', indoor: 'ff00aa00', fibre: 'ffaa00aa' };
const styleOf = (r: BuildListRow) => (r.kind === 'fibre' ? 'fibre' : r.type === '微站' ? 'micro' : r.type === '室分' ? 'indoor' : 'macro');

/**
 * The build list as KML 2.2 (OGC 07-147r2): one Placemark per row with its columns in ExtendedData, shared
 * styles by type (宏站 red, 微站 blue, 室分 green, 光网 purple) for Google Earth and 奥维. KML is WGS-84 by
 * definition; a GCJ-02 export says so in the document name and description (Chinese map apps expect it). Text
 * goes through xmlEscape: characters XML 1.0 forbids (\x01, \x0b, \x1f from a pasted name) are dropped, so
 * the file is always well-formed.
 * @example const kml = exportBuildListKml(rows, 'gcj02');
 */
export function exportBuildListKml(rows: readonly BuildListRow[], crs: ExportCrs = 'wgs84'): Uint8Array {
  const columns = buildListColumns(crs);
  const crsLabel = EXPORT_CRS_LABEL[crs];
  const styles = Object.entries(STYLES).map(([id, colour]) =>
    `<Style id="${id}"><IconStyle><color>${colour}</color><scale>1.1</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle><LabelStyle><scale>0.8</scale></LabelStyle></Style>`);
  const placemarks = rowsInCrs(rows, crs).map((r) => {
    const data = columns.map((c) => {
      const v = c.value(r);
      return `<Data name="${xml(c.header)}"><value>${v === null ? '' : xml(String(v))}</value></Data>`;
    }).join('');
    const description = `${r.type} · ${r.buildMethod} · ${r.status} · ${r.costWanCny} 万元`;
    return `<Placemark><name>${xml(r.name)}</name><description>${xml(description)}</description><styleUrl>#${styleOf(r)}</styleUrl>`
      + `<ExtendedData>${data}</ExtendedData><Point><coordinates>${r.lonDeg},${r.latDeg},0</coordinates></Point></Placemark>`;
  });
  const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>`
    + `<name>建设清单 (坐标系: ${crsLabel})</name><description>${xml(`坐标系 ${crsLabel}; 投资为估算, 新增覆盖为模型结果`)}</description>`
    + `${styles.join('')}\n${placemarks.join('\n')}\n</Document></kml>\n`;
  return strToU8(doc);
}

