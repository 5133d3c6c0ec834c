import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../geodata/import';
import { readProjectGpkg } from '../../geodata/project';
import { IS_WEB_TARGET, screenshot, startApp, type RunningApp } from './harness';
import { closeApp, openStartScreen } from './appForThisFile';

let app: RunningApp;
let dir: string;

// Two planned sites in Renhuai and, on CSV line 3, a latitude that is not a number.
const SITES_CSV = [
  '站号,站名,经度,纬度,类型,状态,挂高,方位角',
  'E2E-1,测试茅台镇站,106.3900,27.8600,宏站,规划,35,0/120/240',
  'E2E-2,测试坏行站,106.4000,北纬27度,宏站,规划,30,0/120/240',
  'E2E-3,测试中枢站,106.4100,27.8100,微站,规划,12,90',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qc-files-e2e-'));
  app = await openStartScreen();
});

afterAll(async () => {
  await closeApp(app);
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `click` and returns the file the browser build downloads (web host: exports and saves are downloads). */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(await readFile(file)) };
}

const ready = (page: Page) => page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 90_000 });

// Browser build only: the web host's file chooser, downloads and IndexedDB recovery (in the desktop app main's
// native dialogs would wait for a person; its file handling is unit-tested with electron mocked).
describe.skipIf(!IS_WEB_TARGET)('project files in the app', () => {
  it('imports a sites CSV: the dialog names the bad row, the good rows land on the map as one undo step', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await ready(page);
    const sitesBefore = await page.locator('.site-icon').count();
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);

    const csvPath = path.join(dir, '新建站点.csv');
    await writeFile(csvPath, SITES_CSV);
    await page.getByTestId('import').click();
    await page.getByTestId('import-kind').selectOption('sites');
    await page.getByTestId('import-crs').selectOption('wgs84');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
    await chooser.setFiles(csvPath);
    await page.waitForSelector('[data-testid="import-summary"]');
    expect(await page.getByTestId('import-summary').textContent()).toContain('可导入 2 条');
    const problems = page.locator('[data-testid="import-problems"] tbody tr');
    expect(await problems.count()).toBe(1);
    const cells = await problems.first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['新建站点.csv', '3', '纬度']);
    expect(cells[4]).toContain('错误');
    await screenshot(page, '40-import-dialog');

    await page.getByTestId('import-accept').click();
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore + 2);
    expect(await page.locator('.leaflet-marker-icon[title="测试茅台镇站"]').count()).toBe(1);
    expect(await page.locator('.leaflet-marker-icon[title="测试坏行站"]').count()).toBe(0);
    expect(await page.getByTestId('dirty-marker').count()).toBe(1);
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('导入');
    await ready(page);
    await screenshot(page, '41-imported-sites');

    // undo takes both sites away in one step, redo brings them back
    await page.getByTestId('undo').click();
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore);
    await page.getByTestId('redo').click();
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore + 2);
  });

  it('a cancelled import changes nothing', async () => {
    const { page } = app;
    const sites = await page.locator('.site-icon').count();
    const csvPath = path.join(dir, 'again.csv');
    await writeFile(csvPath, SITES_CSV.replace(/E2E-/g, 'X-'));
    await page.getByTestId('import').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
    await chooser.setFiles(csvPath);
    await page.waitForSelector('[data-testid="import-summary"]');
    await page.getByTestId('import-cancel').click();
    expect(await page.locator('.site-icon').count()).toBe(sites);
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('导入');
  });

  it('imports places in GCJ-02: they join the map and the scores are recomputed with them', async () => {
    const { page } = app;
    await ready(page);
    const places = await page.locator('path.place').count();
    const version = Number(await page.getByTestId('compute-status').getAttribute('data-version'));
    const csvPath = path.join(dir, '重点场所.csv');
    await writeFile(csvPath, '名称,场景类别,经度,纬度,半径\n测试医院,医院,106.4120,27.8090,300\n测试未知,火星基地,106.4000,27.8000,200\n');
    await page.getByTestId('import').click();
    await page.getByTestId('import-kind').selectOption('places');
    await page.getByTestId('import-crs').selectOption('gcj02');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
    await chooser.setFiles(csvPath);
    await page.waitForSelector('[data-testid="import-summary"]');
    const cells = await page.locator('[data-testid="import-problems"] tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['重点场所.csv', '3', '场景类别']);
    await page.getByTestId('import-accept').click();
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="compute-status"]')?.getAttribute('data-version')) > v, version, { timeout: 90_000 });
    await ready(page);
    expect(await page.locator('path.place').count()).toBe(places + 1);
    expect(await page.getByTestId('tab-places').textContent()).toContain(String(places + 1));
  });

  it('exports the build list to XLSX and CSV with the imported sites and the fibre upgrades', async () => {
    const { page } = app;
    await ready(page);
    await page.getByTestId('export').click();
    await page.getByTestId('export-format').selectOption('xlsx');
    await screenshot(page, '42-export-dialog');
    const xlsx = await download(page, () => page.getByTestId('export-run').click());
    expect(xlsx.name).toBe('仁怀市_建设清单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['建设清单', '汇总', '说明']);
    const sheet = wb.getWorksheet('建设清单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('名称');
    expect(header).toContain('经度(WGS-84)');
    const nameCol = header.indexOf('名称') + 1;
    const names: string[] = [];
    sheet.eachRow((row, i) => i > 1 && names.push(String(row.getCell(nameCol).value)));
    expect(names).toContain('测试茅台镇站');
    expect(names).toContain('测试中枢站');
    expect(names).not.toContain('测试坏行站');
    const kinds: string[] = [];
    sheet.eachRow((row, i) => i > 1 && kinds.push(String(row.getCell(header.indexOf('类别') + 1).value)));
    expect(kinds).toContain('光网');

    await page.getByTestId('export').click();
    await page.getByTestId('export-format').selectOption('csv');
    await page.getByTestId('export-crs').selectOption('gcj02');
    // what each planned site adds on its own arrives from the plan worker a moment after the dialog opens
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="export-dialog"]')?.getAttribute('data-new-people-rows')) > 0);
    const csv = await download(page, () => page.getByTestId('export-run').click());
    expect(csv.name).toBe('仁怀市_建设清单_GCJ02.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens the Chinese correctly
    const table = readCsvTable(csv.bytes);
    if (!table.ok) throw new Error(table.message);
    expect(table.value.headers).toContain('经度(GCJ-02)');
    const row = table.value.records.find((r) => r.fields.get('名称') === '测试茅台镇站')!;
    expect(row.fields.get('类型')).toBe('宏站');
    expect(row.fields.get('状态')).toBe('规划');
    expect(row.fields.get('新增覆盖人口（模型）')).toMatch(/^-?\d+$/);
    // GCJ-02 shifts Guizhou by a few hundred metres east
    expect(Number(row.fields.get('经度(GCJ-02)'))).toBeGreaterThan(106.39);
    expect(Number(row.fields.get('经度(GCJ-02)'))).toBeLessThan(106.4);
    expect(table.value.records.length).toBe(names.length);
    expect(await page.getByTestId('file-notice').textContent()).toContain('仁怀市_建设清单_GCJ02.csv');
  });

  it('saves (Ctrl+S), and reopens the saved project from the recent files with the imported sites', async () => {
    const { page } = app;
    const saved = await download(page, () => page.keyboard.press('Control+s'));
    expect(saved.name).toBe('renhuai.gpkg');
    await page.waitForSelector('[data-testid="dirty-marker"]', { state: 'detached' });
    expect(await page.getByTestId('file-name').textContent()).toBe('renhuai.gpkg');
    const back = await readProjectGpkg(saved.bytes);
    if (!back.ok) throw new Error(back.message);
    expect(back.value.sites.find((s) => s.id === 'E2E-1')).toMatchObject({ name: '测试茅台镇站', status: 'planned', heightAglM: 35 });
    const siteCount = back.value.sites.length;

    await page.getByTestId('close-project').click();
    await page.waitForSelector('[data-testid="recent-files"] button');
    expect(await page.locator('[data-testid="recent-files"] button').first().textContent()).toBe('renhuai.gpkg');
    expect(await page.getByTestId('recovery-list').count()).toBe(0);
    await screenshot(page, '43-start-recent');
    await page.locator('[data-testid="recent-files"] button').first().click();
    await ready(page);
    expect(await page.locator('.site-icon').count()).toBe(siteCount);
    expect(await page.locator('.leaflet-marker-icon[title="测试中枢站"]').count()).toBe(1);
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    await screenshot(page, '44-reopened');
  });
});

describe.skipIf(!IS_WEB_TARGET)('crash recovery', () => {
  it('offers the autosave of a tab that went away with unsaved edits, and recovers it', async () => {
    const { page } = app;
    const csvPath = path.join(dir, '补充站点.csv');
    await writeFile(csvPath, SITES_CSV.replace(/E2E-/g, 'R-').replace(/测试/g, '恢复'));
    await page.getByTestId('import').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
    await chooser.setFiles(csvPath);
    await page.getByTestId('import-accept').click();
    expect(await page.getByTestId('dirty-marker').count()).toBe(1);
    // the tab going away (pagehide) autosaves; the page stays alive here so the IndexedDB write completes
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.waitForTimeout(1500);

    const other = await page.context().newPage();
    try {
      await other.goto(page.url());
      await other.waitForSelector('[data-testid="recovery-list"]');
      expect(await other.getByTestId('recovery-list').textContent()).toContain('renhuai.gpkg');
      await screenshot(other, '45-recovery-offer');
      await other.getByTestId('recover').first().click();
      await ready(other);
      expect(await other.locator('.leaflet-marker-icon[title="恢复中枢站"]').count()).toBe(1);
      expect(await other.getByTestId('dirty-marker').count()).toBe(1);
      expect(await other.getByTestId('file-name').textContent()).toBe('renhuai.gpkg');
      await screenshot(other, '46-recovered');
      // the toolbar with the file buttons fits at 1366 px in English too
      await other.getByTestId('language-toggle').click();
      await other.getByTestId('export').click();
      await screenshot(other, '47-export-dialog-en');
      expect(await other.getByTestId('export-dialog').textContent()).toContain('Export the build list');
      const overflow = await other.locator('.plan-toolbar').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await other.close();
    }
  });
});
