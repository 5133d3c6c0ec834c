/**
 * Header names planners' files use for each field (glossary.md; operators' site sheets; our own build-list
 * export), compared after normaliseHeader. Add spellings here, never in the importers.
 */
export const FIELD_ALIASES = {
  id: ['id', 'siteid', '站号', '基站编号', '站点编号', '编号', 'gnbid', 'enbid', '基站id', '序号id'],
  name: ['name', 'sitename', '站名', '名称', '基站名称', '站点名称', '场所名称', 'olt名称', '局站名称', '机房名称'],
  lon: ['lon', 'lng', 'long', 'longitude', 'londeg', '经度'],
  lat: ['lat', 'latitude', 'latdeg', '纬度'],
  height: ['height', 'heightm', 'heightaglm', 'antennaheight', '挂高', '高度', '天线挂高', '天线高度'],
  azimuth: ['azimuth', 'azimuthdeg', 'azimuths', 'azimuthsdeg', '方位角', '方向角', '扇区方位角'],
  tilt: ['tilt', 'downtilt', 'tiltdeg', '下倾角', '总下倾角', '总下倾'],
  mechanicalTilt: ['mechanicaltilt', 'mechanicaltilts', 'mechanicaltiltdeg', 'mtilt', '机械下倾', '机械下倾角'],
  electricalTilt: ['electricaltilt', 'electricaltilts', 'electricaltiltdeg', 'etilt', '电下倾', '电下倾角', '电子下倾', '电子下倾角'],
  pci: ['pci', 'nrpci', 'physicalcellid', '物理小区标识', '物理小区id'],
  band: ['band', 'freqband', '频段', '频带'],
  kind: ['kind', 'type', 'sitetype', '类型', '站型', '基站类型', '站点类型'],
  status: ['status', '状态', '建设状态'],
  buildMethod: ['buildmethod', 'method', '建设方式', '建设方式类型'],
  cost: ['cost', 'costcny', 'estimatedcost', '投资', '估算投资', '造价'],
  notes: ['notes', 'note', 'remark', 'remarks', '备注', '说明'],
  category: ['category', '场景类别', '场景类型', '场所类别', '类别', '场景', '类型', 'type'],
  subcategory: ['subcategory', '子类', '细类', '子类别'],
  radius: ['radius', 'radiusm', '半径', '服务半径'],
  keyPoints: ['keypoints', '关键点位', '关键点', '测试点位'],
  outline: ['outline', 'shape', '范围', '边界', '范围坐标', '边界坐标', '多边形', '线路坐标', '线路走向'],
  gponPorts: ['gponports', 'gpon', 'gpon端口', 'gpon端口数'],
  xgsPonPorts: ['xgsponports', 'xgspon', '10gponports', '10gpon端口', '10gpon端口数', 'xgspon端口数', 'xgspon端口'],
} as const;

export type ImportField = keyof typeof FIELD_ALIASES;

/**
 * Header text reduced for matching: NFKC (full-width to ASCII), lower case, units in brackets and
 * separators removed. '挂高(m)' -> '挂高', 'Longitude (°)' -> 'longitude', 'xgs_pon_ports' -> 'xgsponports'.
 * @example normaliseHeader('经度（WGS-84）') // '经度'
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[([{].*?[)\]}]/g, '').replace(/[\s_\-./°:：]/g, '');
}

/**
 * Which file headers hold each wanted field, best alias first (GeoJSON/KML features may spell a field
 * differently from one feature to the next; the importer takes the first non-empty). A header serves one
 * field only: `fields` lists what the importer wants, in priority order.
 * @example matchHeaders(['站名', '经度(°)'], ['name', 'lon']) // Map { 'name' => ['站名'], 'lon' => ['经度(°)'] }
 */
export function matchHeaders(headers: readonly string[], fields: readonly ImportField[]): Map<ImportField, string[]> {
  const byNorm = new Map<string, string>();
  for (const h of headers) {
    const n = normaliseHeader(h);
    if (n && !byNorm.has(n)) byNorm.set(n, h);
  }
  const taken = new Set<string>();
  const out = new Map<ImportField, string[]>();
  for (const f of fields) {
    const found: string[] = [];
    for (const alias of FIELD_ALIASES[f]) {
      const h = byNorm.get(alias);
      if (h !== undefined && !taken.has(h)) {
        found.push(h);
        taken.add(h);
      }
    }
    if (found.length) out.set(f, found);
  }
  return out;
}

const KNOWN_HEADERS = new Set(Object.values(FIELD_ALIASES).flat() as string[]);
/** Title rows above the header are common in Chinese sheets ('仁怀市5G站点清单'); look this far down for it. */
const HEADER_SEARCH_ROWS = 20;

/**
 * How many cells of a row are headers we know (after normaliseHeader).
 * @example knownHeaderCount(['序号', '站名', '经度']) // 2
 */
export function knownHeaderCount(cells: readonly string[]): number {
  return cells.filter((c) => KNOWN_HEADERS.has(normaliseHeader(c))).length;
}

/**
 * Index of the header row among a table's first non-empty rows: the first of the first 20 with two or more
 * known headers, else 0 (the first row).
 * @example headerRowIndex([['仁怀市站点表'], ['站名', '经度', '纬度']]) // 1
 */
export function headerRowIndex(rows: readonly (readonly string[])[]): number {
  return Math.max(0, rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => knownHeaderCount(r) >= 2));
}
