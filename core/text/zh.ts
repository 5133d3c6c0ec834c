import type { FibreFeeder } from '../ftth/fibreUpgrades';
import type { Catalogue, ProblemReason } from './catalogue';
import type { Numbers } from './numbers';

const q = (s: string | number) => `“${s}”`;

/** Accepted words of a vocabulary, as a planner would write them (geodata/import/vocabulary.ts). */
const VOCABULARIES: Record<string, string> = {
  siteKind: '宏站、微站、室分',
  siteStatus: '现网、规划、建议',
  buildMethod: '新建铁塔、共享铁塔、智慧杆、楼顶、室内分布',
  band: 'n78、n41、n28、n79（或 3.5G、2.6G、700M、4.9G）',
  placeCategory: '商圈、商务楼宇、交通枢纽、医院、学校、政务中心、社区、开发区、景区、乡镇、道路铁路',
};

const GEOMETRY: Record<string, string> = {
  Point: '点', MultiPoint: '多点', LineString: '线', MultiLineString: '多线', Polygon: '面', MultiPolygon: '多面', GeometryCollection: '几何集合',
};

/** What an import problem is about (geodata/import outsideCountyCode, duplicates) and the site kinds, in words. */
const WHAT_WORDS: Record<string, string> = { site: '站点', place: '场所', OLT: 'OLT' };
const KIND_WORDS: Record<string, string> = { macro: '宏站', micro: '微站', indoor: '室分' };
const DRIVE_TEST_COLUMNS: Record<string, string> = { lon: '经度', lat: '纬度', rsrp: 'RSRP' };

function problem({ code, params = {} }: ProblemReason): string | undefined {
  const p = params;
  switch (code) {
    case 'required': return '必填，不能为空';
    case 'notNumber': return `${q(p.value)}不是数字`;
    case 'decimalComma': return `${q(p.value)}中的逗号不是千位分隔符（如 1,234）；小数请用小数点，例如 12.5`;
    case 'outOfRange': return `${p.value} 超出允许范围 ${p.min}–${p.max}`;
    case 'notWholeNumber': return `${p.value} 不是整数`;
    case 'listItemNotNumber': return `${q(p.value)}不是 ${p.min}–${p.max} 之间的数字`;
    case 'notOneOf': return `${q(p.value)}不是可用的取值（可填：${VOCABULARIES[String(p.vocabulary)] ?? p.vocabulary}）`;
    case 'notLonLatPairs': return `${q(p.value)}不是以分号分隔的“经度 纬度”坐标对`;
    case 'lonLatNotNumbers': return '经度、纬度必须是数字';
    case 'outsideChina': return `坐标（${p.lon}，${p.lat}）不在中国境内（东经73–136°、北纬3–54°）`;
    case 'noCoordinates': return '几何图形没有坐标';
    case 'vertexAxesSwapped': return `顶点（${p.lon}，${p.lat}）的经纬度顺序与第一个顶点相反`;
    case 'lonLatSwapped': return `经纬度疑似填反（${p.lon}，${p.lat}），已按（${p.lat}，${p.lon}）导入`;
    case 'geometrySwapped': return '经纬度疑似填反，已调换后导入';
    case 'wrongGeometry': return `${p.expected === 'point' ? '须为点' : '须为点、面或线'}，文件中是${GEOMETRY[String(p.got)] ?? p.got}`;
    case 'duplicateSite': return `站点${q(p.key)}重复：与第 ${p.firstRow} 行相距 ${p.distanceM} 米`;
    case 'duplicateId': return `编号${q(p.id)}重复（首次出现在第 ${p.firstRow} 行）`;
    case 'keyPoint': {
      const inner = p.inner ? problem({ code: String(p.inner), params }) : undefined;
      return inner ? `关键点位：${inner}` : undefined;
    }
    case 'heightOutOfRange': return `挂高 ${p.value} 米超出${KIND_WORDS[String(p.kind)] ?? p.kind}的允许范围 ${p.min}–${p.max} 米`;
    case 'noStatus': return '未填写状态（现网、规划或建议），导入时也未选择无状态行的默认状态';
    case 'listCountVsAzimuths': return `填了 ${p.count} 个值，但方位角有 ${p.azimuths} 个（每个扇区一个）${Number(p.decimalCommaHint) ? '；小数逗号（如 12,5）会被读成两个值，请写 12.5' : ''}`;
    case 'listWithoutAzimuths': return `填了 ${p.count} 个值，但没有填写各扇区的方位角${Number(p.decimalCommaHint) ? '；小数逗号（如 12,5）会被读成两个值，请写 12.5' : ''}`;
    case 'tooManySectors': return `共 ${p.count} 个扇区，一个站点最多 ${p.max} 个`;
    case 'mergedTooManySectors': return `与第 ${p.firstRow} 行的站点${q(p.key)}合并后将有 ${p.count} 个扇区，一个站点最多 ${p.max} 个`;
    case 'outsideCounty': return `${WHAT_WORDS[String(p.what)] ?? p.what}${q(p.name)}在${p.county}边界外 ${p.distanceKm} 公里（到边界的距离）`;
    case 'outsideCountyKept': return `${WHAT_WORDS[String(p.what)] ?? p.what}${q(p.name)}在${p.county}边界外 ${p.distanceKm} 公里：按选择保留并标记，移入边界内之前不计入覆盖`;
    case 'outsideGuizhou': return `坐标（${p.lon}，${p.lat}）不在贵州省范围内（东经 ${p.lonMin}–${p.lonMax}°、北纬 ${p.latMin}–${p.latMax}°）`;
    case 'costOutOfRange': return `投资 ${p.value} 元超出允许范围 ${p.min}–${p.max} 元`;
    case 'conflictingDuplicate': return `第 ${p.firstRow} 行与第 ${p.row} 行都是${WHAT_WORDS[String(p.what)] ?? p.what}${q(p.key)}，但内容不同${p.differences ? `：${p.differences}` : ''}`;
    case 'exactRepeat': return `与第 ${p.firstRow} 行的${WHAT_WORDS[String(p.what)] ?? p.what}${q(p.key)}完全相同，已跳过`;
    case 'tooFewPoints': return `${p.shape === 'line' ? '线路' : '范围面'}至少需要 ${p.need} 个不同的点，只有 ${p.got} 个`;
    case 'outlinePoint': {
      const inner = p.inner ? problem({ code: String(p.inner), params }) : undefined;
      return inner ? `范围坐标：${inner}` : undefined;
    }
    case 'noNameColumn': return `缺少名称列（表头可写“站名”或“名称”）；文件中的表头：${p.found || '无'}`;
    case 'noLonLatColumns': return `缺少经度、纬度列（表头须为“经度”和“纬度”）；文件中的表头：${p.found || '无'}`;
    case 'emptyFile': return '文件是空的';
    case 'tooLarge': return `文件过大（${p.sizeMb} MB），最多读取 ${p.maxMb} MB`;
    case 'noRsrp': return '没有服务小区 RSRP（无服务）：已跳过';
    case 'noGpsFix': return '坐标为 0, 0（没有卫星定位）：已跳过';
    case 'noServingCell': return '没有服务小区编号或 PCI：已跳过';
    case 'contestNeedsCrs': return '2019 竞赛格式的 X、Y 是平面坐标（米），须指明其坐标系（如 EPSG:32649）';
    case 'contestNoRsrp': return '2019 竞赛格式的文件没有 RSRP 列（测试集），无法用于校准';
    case 'driveTestNoColumns': return `缺少路测必需的列：${String(p.missing).split(',').map((m) => DRIVE_TEST_COLUMNS[m] ?? m).join('、')}（可用的表头：${p.accepted}）`;
    case 'driveTestNoCellColumn': return `缺少服务小区列：请提供小区或站点编号列（${p.accepted} 等）或 PCI 列`;
    case 'tooManyRows': return `共 ${p.count} 条记录，最多导入 ${p.max} 条，请拆分文件`;
    case 'tooManyPositions': return `共 ${p.count} 个坐标点，最多导入 ${p.max} 个`;
    case 'lineTooLong': return `第 ${p.line} 行长达 ${p.sizeMb} MB，每行最多读取 ${p.maxMb} MB`;
    case 'binaryNotCsv': return '不是文本（CSV）文件：其中含有二进制数据';
    case 'notZip': return '不是可读取的压缩文件（ZIP）';
    case 'notKmz': return '不是可读取的 KMZ 文件（应为压缩的 KML）';
    case 'notXlsx': return '不是可读取的 Excel 工作簿（XLSX）';
    case 'zipTooManyEntries': return `压缩包内有 ${p.count} 个文件，最多读取 ${p.max} 个`;
    case 'zipForged': return '压缩包的目录与内容不符，疑似压缩炸弹，拒绝读取';
    case 'zipTooLarge': return `解压后将达 ${p.sizeMb} MB，最多读取 ${p.maxMb} MB（疑似压缩炸弹）`;
    case 'zipEntryBroken': return '压缩包中的文件无法解压，文件可能已损坏';
    case 'kmzNoKml': return 'KMZ 中没有 KML 文件';
    case 'noWorksheet': return '工作簿中没有工作表';
    case 'worksheetsEmpty': return '所有工作表都是空的';
    case 'xmlEntities': return 'KML 中声明了 XML 实体，正常的 KML 从不使用；疑似实体扩展攻击，拒绝读取';
    case 'notKml': return '不是有效的 KML 文件';
    case 'notJson': return '不是有效的 JSON 文件';
    case 'jsonTooDeep': return `JSON 嵌套超过 ${p.max} 层（GeoJSON 至多约 10 层）`;
    case 'notGeoJson': return '不是 GeoJSON 文件：须为要素集合或单个要素';
    case 'notGeoJsonFeature': return `不是 GeoJSON 文件：第 ${p.index} 个要素格式不对`;
    default: return undefined;
  }
}

function feeder(f: FibreFeeder, n: Numbers): string {
  switch (f.kind) {
    case 'olt': return `由 ${f.oltName} 接入，路由距离 ${n.fixed(f.distanceKm, 1)} 公里${f.isCardsCostedHere ? '（其新增10G-PON板卡已计入本项）' : ''}`;
    case 'newOlt': return `由新建OLT局点${f.index}接入，距离 ${n.fixed(f.distanceKm, 1)} 公里`;
    case 'beyondReach': return `最近的OLT${f.nearestOltKm === null ? '不可达' : `路由距离 ${n.fixed(f.nearestOltKm, 1)} 公里`}，超出光功率预算；机房、电源与站址费用未计入`;
  }
}

/** Chinese: the language of the deliverables (glossary.md). */
export const ZH: Catalogue = {
  language: 'zh',
  locale: 'zh-CN',
  listSeparator: '；',
  nameSeparator: '、',
  paren: (text) => `（${text}）`,
  labelled: (label, text) => `${label}：${text}`,
  units: { wan: '万元', cny: '元' },
  dateTime: ({ year, month, day, hour, minute }) => `${year}年${month}月${day}日 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,

  marks: { estimate: '估', unverified: '待核实', modelled: '模型', weak: '弱来源' },
  markLegend: {
    estimate: '估：估算值（本工具取值或按单价表估算），不是实测值或报价。',
    unverified: '待核实：常被引用的数值，尚未在可引用的原始文件中找到，使用前请核对原文。',
    modelled: '模型：由传播模型或人口模型计算，不是实测。',
  },
  citation: ({ title, issuer, year, docNumber, section, isWeak }) =>
    `${title}（${[docNumber, issuer, year === undefined ? undefined : `${year}年`].filter(Boolean).join('，')}）${section ? `，${section}` : ''}${isWeak ? '（网络资料，弱来源）' : ''}`,
  plannerSource: (text) => `规划人员填写：${text}`,

  siteKinds: { macro: '宏站', micro: '微站', indoor: '室分' },
  siteStatuses: { existing: '现网', planned: '规划', proposed: '建议' },
  buildMethods: { 'new-tower': '新建铁塔', 'shared-tower': '共享铁塔', 'smart-pole': '智慧杆', rooftop: '楼顶', 'indoor-system': '室内分布' },
  bands: { n78: 'n78 3.5 GHz', n41: 'n41 2.6 GHz', n28: 'n28 700 MHz', n79: 'n79 4.9 GHz' },
  placeCategories: {
    business_district: '商圈/重点商超', business_building: '商务楼宇', transport_hub: '交通枢纽', hospital: '医院', school: '学校/高校',
    government: '政务中心', community: '大型社区', dev_zone: '开发区/产业园区', scenic: '4A/5A景区', township: '乡镇/行政村', line: '铁路/公路',
  },
  environments: { outdoor: '室外', indoor: '室内' },
  kpiNames: {
    popCoverageOutdoor: '人口覆盖率（室外）',
    popCoverageIndoor: '人口覆盖率（室内）',
    areaCoverageOutdoor: '面积覆盖率（室外）',
    areaCoverageIndoor: '面积覆盖率（室内）',
    popCoverageUrban: '城区人口覆盖率',
    popCoverageRural: '农村人口覆盖率',
    keyPlaceReach: '重点场所5G网络通达率',
    sitesPer10k: '每万人拥有5G基站数',
    dlMeanBuiltUpMbps: '建成区平均下行速率',
    dlP10BuiltUpMbps: '建成区下行速率（10%分位）',
    householdsGigabit: '城镇家庭千兆光网覆盖率',
    pon10gShare: '10G-PON端口占比',
    capacityDemandShare: '忙时需求容量满足率',
  },
  kpiUnits: { share: '%', per10k: '个/万人', mbps: 'Mbit/s' },
  kpiStatuses: { green: '达标', amber: '接近', red: '未达标', none: '无数据' },
  gapFixes: { macro: '宏站', micro: '微站', indoor: '室分', optimise: '优化' },

  buildList: {
    types: { macro: '宏站', micro: '微站', indoor: '室分', olt: '新建OLT', xgs_line_card: '10G-PON板卡升级', new_odn: '新建ODN分区', new_olt: '新建OLT局点' },
    methods: {
      'new-tower': '新建铁塔', 'shared-tower': '共享铁塔', 'smart-pole': '智慧杆', rooftop: '楼顶', 'indoor-system': '室内分布',
      'card-upgrade': '板卡升级', 'new-build': '新建',
    },
    kinds: { site: '基站', fibre: '光网' },
    statuses: { planned: '规划', proposed: '建议' },
    costBasis: { estimate: '单价表估算（估）', given: '填报值' },
    columns: {
      priority: '优先级', id: '编号', name: '名称', kind: '类别', type: '类型', buildMethod: '建设方式', lon: '经度', lat: '纬度',
      county: '区县', township: '乡镇', height: '挂高(米)', band: '频段', azimuths: '方位角(度)', mechanicalTilts: '机械下倾角(度)',
      electricalTilts: '电下倾角(度)', places: '服务场所', newPeople: '新增覆盖人口（模型）', peopleLost: '受干扰减少覆盖人口（模型）',
      newArea: '新增覆盖面积(平方公里，模型)', cost: '估算投资(万元)', costBasis: '投资来源', status: '状态', notes: '备注',
    },
    lonHeader: (crs) => `经度(${crs})`,
    latHeader: (crs) => `纬度(${crs})`,
    sheetName: '建设清单',
    summarySheetName: '汇总',
    notesSheetName: '说明',
    title: (county) => `${county} 建设清单`,
    oltPorts: (xgsPon, gpon) => `10G-PON端口 ${xgsPon} 个，GPON端口 ${gpon} 个`,
    unitCostLabel(type, method) {
      if (type === 'xgs_line_card') return '10G-PON端口（每个）';
      if (type === 'odnUrban') return '城镇ODN（每户）';
      if (type === 'odnRural') return '农村ODN（每户）';
      const t = (ZH.buildList.types as Record<string, string>)[type] ?? type;
      const m = method === undefined ? '' : `${(ZH.buildList.methods as Record<string, string>)[method] ?? method}，`;
      return `${t}（${m}每站）`;
    },
    fibreLabel: (label) => {
      switch (label.kind) {
        case 'xgsCards': return `${label.oltName}：10G-PON板卡升级`;
        case 'xgsCapacity': return `${label.oltName}：10G-PON端口扩容`;
        case 'odnArea': return `ODN分区${label.index}`;
        case 'newOlt': return `新建OLT局点${label.index}`;
      }
    },
    fibreDetail: (d, n) => {
      switch (d.kind) {
        case 'xgsCards':
          return `新增10G-PON端口 ${n.integer(d.ports)} 个 × ${n.integer(d.portCostCny)} 元（估）；利用现有ODN（分光 ${d.splitScheme}），${d.budgetClass} 光功率预算可达 ${n.fixed(d.reachKm, 1)} 公里`;
        case 'xgsCapacity':
          return `千兆家庭 ${n.integer(d.gigabitHouseholds)} 户 × 开通率 ${n.percent(d.takeRate, 0)} 需端口 ${n.integer(d.portsNeeded)} 个，现有 ${n.integer(d.portsInstalled)} 个；扩容 ${n.integer(d.portsShort)} 个 × ${n.integer(d.portCostCny)} 元（估）`;
        case 'area':
          return `${d.isUrban ? '城镇' : '农村'}分区，分光 ${d.splitScheme}；10G-PON端口 ${n.integer(d.ports)} 个 × ${n.integer(d.portCostCny)} 元 + ${n.integer(d.homes)} 户 × ODN ${n.integer(d.odnPerHomeCny)} 元（估）；${feeder(d.feeder, n)}`;
      }
    },
    summary: {
      title: '标题', crs: '坐标系', generated: '生成时间', sites: '基站（项）', fibre: '光网（项）', total: '估算投资合计（万元）',
      estimatedPart: '其中按单价表估算（万元）', newPeople: '新增覆盖人口合计（模型，各站单独计算，重叠部分不计）', peopleLost: '受干扰减少覆盖人口合计（模型）',
      notComputed: '未计算',
    },
    explanations: {
      heading: '说明',
      costs: '估算投资：站点未填报投资的，按单价表估算，标“估”；单价来源见下方“数据来源”。',
      newPeople: '新增覆盖人口：有此站时室外达到覆盖门限、无此站时达不到的格网中的人口（模型值，不会为负）；与其他站重叠覆盖的人口不计入任一站，故各站之和小于整体新增。',
      peopleLost: '受干扰减少覆盖人口：无此站时达到门限、加此站后因同频干扰降到门限以下的人口（模型值）；仅在大于零时填写。',
      newArea: '新增覆盖面积：口径同新增覆盖人口，单位平方公里。',
      priority: '优先级：已规划的站点在前，其余按每万元新增覆盖人口从高到低排列。',
      crs: (crs) => `坐标系：${crs}。`,
      marksHeading: '标记',
      sourcesHeading: '数据来源',
    },
    kmlDescription: (crs) => `坐标系 ${crs}；投资为估算值，新增覆盖为模型结果`,
    kmlPlacemark: ({ type, method, status, cost }) => `${type} · ${method} · ${status} · ${cost} 万元`,
  },

  importProblems: {
    columns: { file: '文件', row: '行', field: '字段', reason: '原因', severity: '级别' },
    severities: { error: '错误：该行跳过', warning: '警告：该行保留' },
    wholeFile: '整个文件',
    wholeRow: '整行',
    reason: problem,
  },
};
