import { SITE_KIND_DEFAULTS } from '../../core/model/siteDefaults';
import { templateWorkbook, type TemplateSpec } from './templateWorkbook';

/**
 * The operator's site list (工参) template: the columns importSites reads (geodata/import/importSites.ts;
 * headers from headerAliases.ts, words from vocabulary.ts), with drop-downs for 类型, 状态, 建设方式 and 频段.
 */
export const SITE_TEMPLATE_SPEC: TemplateSpec = {
  dataSheet: '站点工参',
  title: '站点工参导入模板（黔城覆盖规划）',
  columns: [
    { header: '站号', isRequired: false, explain: '基站或站点编号。一站多行（每个扇区一行）时，同一站号、相距100米以内的行合并为一个站。', allowed: '文字；留空时以站名为编号', example: 'WN-0001', widthChars: 12 },
    { header: '站名', isRequired: true, explain: '站点名称，显示在地图和建设清单上。', allowed: '文字', example: '威宁草海宏站', widthChars: 18 },
    { header: '经度', isRequired: true, explain: '站点位置的经度。', allowed: '十进制度（104.2853）或度分秒（104°17′7″）；坐标系在导入时选择：WGS-84 / CGCS2000（默认），高德、腾讯地图取的坐标选 GCJ-02', example: '104.2853', widthChars: 12 },
    { header: '纬度', isRequired: true, explain: '站点位置的纬度。', allowed: '同经度', example: '26.8712', widthChars: 12 },
    { header: '类型', isRequired: false, explain: '站型。', allowed: '宏站 / 微站 / 室分；留空按宏站', example: '宏站', widthChars: 8, list: ['宏站', '微站', '室分'] },
    { header: '状态', isRequired: false, explain: '现网 = 已开通；规划 = 已决定建设；建议 = 候选、待定。', allowed: '现网 / 规划 / 建议；留空时按导入时所选（默认现网）', example: '现网', widthChars: 8, list: ['现网', '规划', '建议'] },
    { header: '建设方式', isRequired: false, explain: '新建或共享的方式，用于估算投资。', allowed: '新建铁塔 / 共享铁塔 / 智慧杆 / 楼顶 / 室分；留空按站型默认（宏站新建铁塔，微站智慧杆，室分室分）', example: '共享铁塔', widthChars: 10, list: ['新建铁塔', '共享铁塔', '智慧杆', '楼顶', '室分'] },
    { header: '挂高(米)', isRequired: false, explain: '天线离地高度。', allowed: `0–300 米；留空按站型默认（宏站 ${SITE_KIND_DEFAULTS.macro.heightAglM} 米，微站 ${SITE_KIND_DEFAULTS.micro.heightAglM} 米，室分 ${SITE_KIND_DEFAULTS.indoor.heightAglM} 米）`, example: '35', widthChars: 9 },
    { header: '频段', isRequired: false, explain: '5G 频段。', allowed: 'n78（3.5G，电信/联通）/ n41（2.6G，移动）/ n28（700M，广电/移动）/ n79（4.9G）；也可写 3.5G、2.6G、700M、4.9G；留空按 n78', example: 'n78', widthChars: 8, list: ['n78', 'n41', 'n28', 'n79'] },
    { header: '方位角(度)', isRequired: false, explain: '扇区天线方向，正北为0，顺时针。一行一站时用“/”分隔各扇区；一行一扇区时填一个值。', allowed: '0–360 度，如 0/120/240；留空按站型默认（宏站三扇区 0/120/240，微站全向）', example: '0/120/240', widthChars: 12, isText: true },
    { header: '机械下倾角(度)', isRequired: false, explain: '天线机械下倾，各扇区用“/”分隔，个数与方位角相同，或只填一个值用于所有扇区。', allowed: '-20–40 度', example: '3/3/3', widthChars: 14, isText: true },
    { header: '电子下倾角(度)', isRequired: false, explain: '天线电子下倾，规则同机械下倾角。只有一列“下倾角（总下倾角）”时，按电子下倾处理。', allowed: '-20–40 度', example: '6/6/6', widthChars: 14, isText: true },
    { header: '估算投资(万元)', isRequired: false, explain: '规划或建议站点的建设投资；现网站点留空。', allowed: '万元，非负数', example: '32', widthChars: 14 },
    { header: '备注', isRequired: false, explain: '任意说明，随站点保存。', allowed: '文字', example: '与移动共享', widthChars: 20 },
  ],
  notes: [
    '1. 一行一个站点，或一行一个扇区（同一站号的多行合并为一个站，各行的方位角、下倾角成为该站的扇区）。',
    '2. 有错误的行会逐行列出（文件、行号、列名、原因）；可以只导入正确的行，或取消导入，项目不会被改动。',
    '3. 经纬度疑似颠倒（纬度填在经度列）时会自动纠正并给出提示。',
    '4. 导入时可选择坐标系；本模板不限定坐标系，同一文件内须一致。',
    '5. 列名可带单位括号（如“挂高(米)”），也可使用常见写法：站名/基站名称、挂高/天线挂高、方位角/方向角、频段/频带等。',
  ],
};

/**
 * The site list template as XLSX bytes (sheet '站点工参' to fill, sheet '填写说明' explaining each column,
 * allowed values and units, in Chinese). Filled in, it imports with importSites / qcplan import … sites.
 * @example await writeFile('站点工参模板.xlsx', await siteTemplateXlsx());
 */
export function siteTemplateXlsx(): Promise<Uint8Array> {
  return templateWorkbook(SITE_TEMPLATE_SPEC);
}
