import path from 'node:path';
import { PURPOSE_EXTENSIONS, type OpenPurpose, type SavePurpose, type UiLanguage } from '../../contract/hostApi';

/** Every dialog main shows: the renderer's purposes, and those of main's own saves. */
export type DialogPurpose = OpenPurpose | SavePurpose | 'save-project' | 'save-report-pdf' | 'open-roadmap-folder';

const TITLES: Record<DialogPurpose, Record<UiLanguage, string>> = {
  'open-project': { zh: '打开项目文件', en: 'Open a project file' },
  'import-sites': { zh: '导入站点', en: 'Import sites' },
  'import-places': { zh: '导入重点场所', en: 'Import priority places' },
  'import-olts': { zh: '导入 OLT', en: 'Import OLTs' },
  'load-dem': { zh: '加载高程数据（可多选 .hgt、GeoTIFF 或 .zip）', en: 'Load elevation data (several .hgt, GeoTIFF or .zip files)' },
  'open-base-map': { zh: '打开离线底图（MBTiles）', en: 'Open an offline base map (MBTiles)' },
  'import-drive-test': { zh: '导入路测数据', en: 'Import drive-test data' },
  'export-build-list': { zh: '导出建设清单', en: 'Export the build list' },
  'export-import-problems': { zh: '保存导入问题清单', en: 'Save the import problems' },
  'save-report-html': { zh: '保存县域报告（HTML）', en: 'Save the county report (HTML)' },
  'save-import-template': { zh: '保存导入模板', en: 'Save the import template' },
  'save-report-pdf': { zh: '保存县域报告（PDF）', en: 'Save the county report (PDF)' },
  'save-project': { zh: '保存项目', en: 'Save the project' },
  'open-roadmap-folder': { zh: '打开路线图文件夹（qcplan roadmap 输出）', en: 'Open a roadmap folder (qcplan roadmap output)' },
};

const TYPE_NAMES: Record<string, Record<UiLanguage, string>> = {
  gpkg: { zh: '黔城项目（GeoPackage）', en: 'Qiancheng project (GeoPackage)' },
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
  csv: { zh: 'CSV（UTF-8）', en: 'CSV (UTF-8)' },
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  kml: { zh: 'KML（Google 地球、奥维）', en: 'KML (Google Earth)' },
  kmz: { zh: 'KMZ（Google 地球、奥维）', en: 'KMZ (Google Earth)' },
  mbtiles: { zh: 'MBTiles 离线底图', en: 'MBTiles base map' },
  html: { zh: '网页（HTML）', en: 'Web page (HTML)' },
  pdf: { zh: 'PDF', en: 'PDF' },
  json: { zh: '路线图索引（roadmap.json）', en: 'Roadmap index (roadmap.json)' },
};

const EXTENSIONS: Record<DialogPurpose, readonly string[]> = { ...PURPOSE_EXTENSIONS, 'save-project': ['gpkg'], 'save-report-pdf': ['pdf'], 'open-roadmap-folder': ['json'] };

/**
 * The title and file types of a dialog, owned by main per purpose (issue 21: when the renderer chose them, a
 * compromised renderer could dress an "open" as an import and then overwrite the file through save). An open
 * dialog offers every type of its purpose in one filter; a save dialog offers the type of `extension` only.
 * @example dialogFor('export-build-list', 'zh', 'xlsx') // { title: '导出建设清单', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }
 */
export function dialogFor(purpose: DialogPurpose, language: UiLanguage, extension?: string): { title: string; filters: { name: string; extensions: string[] }[] } {
  const title = TITLES[purpose][language];
  const extensions = extension ? [extension] : [...EXTENSIONS[purpose]];
  const name = extensions.length === 1 ? TYPE_NAMES[extensions[0]]?.[language] ?? extensions[0].toUpperCase() : extensions.map((e) => e.toUpperCase()).join(language === 'zh' ? '、' : ', ');
  return { title, filters: [{ name, extensions }] };
}

/**
 * The path a save writes: the one the user picked, with `extension` added when it does not end in a type the
 * purpose allows (a name typed without one, or with another: an export named 'p.gpkg' in a CSV dialog becomes
 * 'p.gpkg.csv'; the save checks that path before writing).
 * @example savePathFor('/d/清单', 'export-build-list', 'csv') // '/d/清单.csv'
 */
export function savePathFor(picked: string, purpose: DialogPurpose, extension: string): string {
  const ext = path.extname(picked).slice(1).toLowerCase();
  return ext === extension.toLowerCase() && EXTENSIONS[purpose].includes(ext) ? picked : `${picked}.${extension}`;
}

/** The extension of a bare file name, lower case ('' without one). */
export function extensionOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}
