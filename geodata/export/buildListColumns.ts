import type { BuildListRow } from '../../core/buildList';
import { formatterFor, roundAngle, roundDeg, type BuildListColumnId, type Formatter, type Language } from '../../core/text';
import { EXPORT_CRS_LABEL, type ExportCrs } from './exportCrs';

/** One column of the tabular build list: header in the file's language, an ASCII field name for GIS formats, width in characters. */
export interface BuildListColumn {
  id: BuildListColumnId;
  header: string;
  field: string;
  widthChars: number;
  /** numeric columns stay numbers in XLSX, GeoPackage and GeoJSON */
  isNumeric: boolean;
  value(row: BuildListRow): string | number | null;
}

const list = (xs: readonly number[]) => xs.map(roundAngle).join('/');

/**
 * The build-list columns in sheet order, in `language` (Chinese by default: the deliverable), the coordinate
 * system named in the longitude/latitude headers. Values are words of the formatter and numbers rounded for
 * people (coordinates 6 decimals, km² 2, people whole, 万元 0.01). Modelled figures and estimated costs are
 * flagged by their own columns.
 * @example buildListColumns('gcj02').find((c) => c.field === 'lon_deg')!.header // '经度(GCJ-02)'
 */
export function buildListColumns(crs: ExportCrs, language: Language = 'zh'): BuildListColumn[] {
  const f: Formatter = formatterFor(language);
  const b = f.words.buildList;
  const h = b.columns;
  const crsLabel = EXPORT_CRS_LABEL[crs];
  const col = (id: BuildListColumnId, field: string, widthChars: number, value: BuildListColumn['value'], isNumeric = false, header = h[id]): BuildListColumn =>
    ({ id, header, field, widthChars, isNumeric, value });
  return [
    col('priority', 'priority', 8, (r) => r.priority, true),
    col('id', 'id', 10, (r) => r.id),
    col('name', 'name', 24, (r) => f.rowName(r)),
    col('kind', 'kind', 8, (r) => b.kinds[r.kind]),
    col('type', 'type', 14, (r) => b.types[r.type]),
    col('buildMethod', 'build_method', 10, (r) => b.methods[r.buildMethod]),
    col('lon', 'lon_deg', 13, (r) => roundDeg(r.lonDeg), true, b.lonHeader(crsLabel)),
    col('lat', 'lat_deg', 13, (r) => roundDeg(r.latDeg), true, b.latHeader(crsLabel)),
    col('county', 'county', 10, (r) => (r.countyName ? f.pick(r.countyName) : r.countyCode)),
    col('township', 'township', 12, (r) => r.township ?? ''),
    col('height', 'height_agl_m', 8, (r) => (r.heightAglM === undefined ? null : roundAngle(r.heightAglM)), true),
    col('band', 'band', 7, (r) => r.band ?? ''),
    col('azimuths', 'azimuths_deg', 14, (r) => list(r.azimuthsDeg)),
    col('mechanicalTilts', 'mech_tilts_deg', 13, (r) => list(r.mechanicalTiltsDeg)),
    col('electricalTilts', 'elec_tilts_deg', 12, (r) => list(r.electricalTiltsDeg)),
    col('places', 'places_served', 28, (r) => r.placesServed.join(f.words.nameSeparator)),
    col('newPeople', 'new_people', 14, (r) => r.newPeopleCovered ?? null, true),
    col('peopleLost', 'people_lost', 14, (r) => r.peopleLostToInterference ?? null, true),
    col('newArea', 'new_area_km2', 16, (r) => r.newAreaKm2 ?? null, true),
    col('cost', 'cost_wan_cny', 13, (r) => r.costWanCny, true),
    col('costBasis', 'cost_basis', 14, (r) => (r.isCostEstimated ? b.costBasis.estimate : b.costBasis.given)),
    col('status', 'status', 7, (r) => b.statuses[r.status]),
    col('notes', 'notes', 40, (r) => f.rowNotes(r)),
  ];
}
