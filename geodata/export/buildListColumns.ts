import type { BuildListRow } from '../../core/model';
import { EXPORT_CRS_LABEL, type ExportCrs } from './exportCrs';

/** One column of the tabular build list: Chinese header, an ASCII field name for GIS formats, width in characters. */
export interface BuildListColumn {
  header: string;
  field: string;
  widthChars: number;
  value(row: BuildListRow): string | number | null;
}

const list = (xs: readonly (number | string)[]) => xs.join('/');
const KIND_LABEL = { site: '基站', fibre: '光网' } as const;

/**
 * The build-list columns in sheet order, headers as planners write them (glossary.md), the coordinate
 * system named in the longitude/latitude headers. Modelled figures (new people, new area) and estimated
 * costs are flagged by their own columns.
 * @example buildListColumns('gcj02').find((c) => c.field === 'lon_deg')!.header // '经度(GCJ-02)'
 */
export function buildListColumns(crs: ExportCrs): BuildListColumn[] {
  const crsLabel = EXPORT_CRS_LABEL[crs];
  return [
    { header: '优先级', field: 'priority', widthChars: 8, value: (r) => r.priority },
    { header: '编号', field: 'id', widthChars: 10, value: (r) => r.id },
    { header: '名称', field: 'name', widthChars: 24, value: (r) => r.name },
    { header: '类别', field: 'kind', widthChars: 8, value: (r) => KIND_LABEL[r.kind] },
    { header: '类型', field: 'type', widthChars: 14, value: (r) => r.type },
    { header: '建设方式', field: 'build_method', widthChars: 10, value: (r) => r.buildMethod },
    { header: `经度(${crsLabel})`, field: 'lon_deg', widthChars: 13, value: (r) => Math.round(r.lonDeg * 1e7) / 1e7 },
    { header: `纬度(${crsLabel})`, field: 'lat_deg', widthChars: 13, value: (r) => Math.round(r.latDeg * 1e7) / 1e7 },
    { header: '区县', field: 'county', widthChars: 10, value: (r) => r.countyName ?? r.countyCode },
    { header: '乡镇', field: 'township', widthChars: 12, value: (r) => r.township ?? '' },
    { header: '挂高(m)', field: 'height_agl_m', widthChars: 8, value: (r) => r.heightAglM ?? null },
    { header: '频段', field: 'band', widthChars: 7, value: (r) => r.band ?? '' },
    { header: '方位角(°)', field: 'azimuths_deg', widthChars: 14, value: (r) => list(r.azimuthsDeg) },
    { header: '机械下倾角(°)', field: 'mech_tilts_deg', widthChars: 13, value: (r) => list(r.mechanicalTiltsDeg) },
    { header: '电下倾角(°)', field: 'elec_tilts_deg', widthChars: 12, value: (r) => list(r.electricalTiltsDeg) },
    { header: '服务场所', field: 'places_served', widthChars: 28, value: (r) => r.placesServed.join('、') },
    { header: '新增覆盖人口(模型)', field: 'new_people', widthChars: 14, value: (r) => r.newPeopleCovered ?? null },
    { header: '新增覆盖面积(km²,模型)', field: 'new_area_km2', widthChars: 16, value: (r) => r.newAreaKm2 ?? null },
    { header: '估算投资(万元)', field: 'cost_wan_cny', widthChars: 13, value: (r) => r.costWanCny },
    { header: '投资来源', field: 'cost_basis', widthChars: 12, value: (r) => (r.isCostEstimated ? '单价估算' : '站点填报') },
    { header: '状态', field: 'status', widthChars: 7, value: (r) => r.status },
    { header: '备注', field: 'notes', widthChars: 30, value: (r) => r.notes },
  ];
}
