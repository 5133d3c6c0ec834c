import { PLACE_CATEGORIES, type PlaceCategory } from '../../core/model/place';
import { DEFAULT_SCORING_SETTINGS } from '../../core/scoring/settings';
import { templateWorkbook, type TemplateSpec } from './templateWorkbook';

/**
 * The word the template offers for each category (the design's categories; placeCategoryOf in
 * geodata/import/vocabulary.ts reads each back to its category) and how the category is described.
 */
export const PLACE_TEMPLATE_CATEGORIES: Record<PlaceCategory, { word: string; covers: string }> = {
  business_district: { word: '商圈', covers: '商圈、重点商超' },
  business_building: { word: '商务楼宇', covers: '商务楼宇、写字楼' },
  transport_hub: { word: '交通枢纽', covers: '高铁站、火车站、汽车客运站、机场' },
  hospital: { word: '医院', covers: '医院、卫生院' },
  school: { word: '学校', covers: '高校、中小学' },
  government: { word: '政务中心', covers: '政务中心、政府机关' },
  community: { word: '住宅小区', covers: '大型社区、住宅小区' },
  dev_zone: { word: '开发区', covers: '开发区、产业园区' },
  scenic: { word: '景区', covers: '4A/5A 景区' },
  township: { word: '乡镇', covers: '乡镇政府所在地、行政村' },
  line: { word: '道路铁路', covers: '高速公路、国省道、铁路（连续覆盖）' },
};

function targetText(c: PlaceCategory): string {
  const t = DEFAULT_SCORING_SETTINGS.places[c];
  const where = c === 'line' ? '沿线' : t.environment === 'indoor' ? '室内' : '室外';
  return `${PLACE_TEMPLATE_CATEGORIES[c].word}（${PLACE_TEMPLATE_CATEGORIES[c].covers}）：${where}达标比例不低于 ${Math.round(t.minShare * 100)}%，权重 ${t.weight}`;
}

/** The priority places template: the columns importPlaces reads, with the design's categories as a drop-down. */
export const PLACE_TEMPLATE_SPEC: TemplateSpec = {
  dataSheet: '重点场所',
  title: '重点场所导入模板（黔城覆盖规划）',
  columns: [
    { header: '编号', isRequired: false, explain: '场所编号，同一文件内不能重复。', allowed: '文字；留空时自动编号（P-行号）', example: 'P001', widthChars: 10 },
    { header: '名称', isRequired: true, explain: '场所名称，显示在地图、场所列表和报告上。', allowed: '文字', example: '威宁县人民医院', widthChars: 20 },
    { header: '类别', isRequired: true, explain: '场景类别，决定覆盖要求和权重（见下方“类别与达标要求”）。', allowed: PLACE_CATEGORIES.map((c) => PLACE_TEMPLATE_CATEGORIES[c].word).join(' / '), example: '医院', widthChars: 10, list: PLACE_CATEGORIES.map((c) => PLACE_TEMPLATE_CATEGORIES[c].word) },
    { header: '子类', isRequired: false, explain: '更细的分类，仅作记录。', allowed: '文字，如 三甲医院、5A景区、高铁站', example: '二甲医院', widthChars: 12 },
    { header: '经度', isRequired: true, explain: '场所位置（点状场所）或中心点（面状、线状场所）的经度。', allowed: '十进制度或度分秒；坐标系在导入时选择：WGS-84 / CGCS2000（默认）或 GCJ-02（高德、腾讯地图）', example: '104.2891', widthChars: 12 },
    { header: '纬度', isRequired: true, explain: '同上，纬度。', allowed: '同经度', example: '26.8655', widthChars: 12 },
    { header: '半径(米)', isRequired: false, explain: '点状场所的服务范围半径；填了“范围”时不用。', allowed: '0–50000 米；留空按一个网格', example: '150', widthChars: 10 },
    { header: '关键点位', isRequired: false, explain: '深度覆盖考核的室内点位（如门诊大厅、候车厅），每个点位都达标才算深度覆盖。', allowed: '“经度 纬度”，多个点位用英文分号“;”分隔，坐标系同经纬度列', example: '104.2890 26.8654; 104.2893 26.8657', widthChars: 34, isText: true },
    { header: '范围', isRequired: false, explain: '面状场所的边界顶点（至少3个点，首尾可不重复），或道路铁路的走向点（至少2个点）。填写后替代经纬度的点位。', allowed: '“经度 纬度”，用英文分号“;”分隔，按顺序排列', example: '104.2885 26.8650; 104.2897 26.8650; 104.2897 26.8661; 104.2885 26.8661', widthChars: 40, isText: true },
  ],
  notes: [
    '1. 类别与达标要求（默认值，可在项目设置中修改）：',
    ...PLACE_CATEGORIES.map((c) => `   · ${targetText(c)}`),
    '2. 类别也可以直接写场所类型的常用词，例如“县人民医院”“火车站”“产业园区”，系统按关键词识别；识别不了的行会报错。',
    '3. 点状场所填经纬度（可加半径）；面状场所（园区、景区、小区）在“范围”列填边界；道路、铁路在“范围”列按走向填点。',
    '4. 有错误的行会逐行列出（文件、行号、列名、原因）；可以只导入正确的行，或取消导入，项目不会被改动。',
  ],
};

/**
 * The places template as XLSX bytes (sheet '重点场所' to fill, sheet '填写说明' with each column, the
 * categories and their targets, in Chinese). Filled in, it imports with importPlaces / qcplan import … places.
 * @example await writeFile('重点场所模板.xlsx', await placeTemplateXlsx());
 */
export function placeTemplateXlsx(): Promise<Uint8Array> {
  return templateWorkbook(PLACE_TEMPLATE_SPEC);
}
