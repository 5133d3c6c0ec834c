import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameStats, startFrames } from './frameLog';
import { IS_WEB_TARGET, OUTPUT_DIR, screenshot, startApp, type RunningApp } from './harness';
import { closeApp, openStartScreen } from './appForThisFile';

// Issue #11: a large import is parsed in a web worker, so the window keeps drawing and Cancel works.
// Measured here (headless Chromium, 2 shared cores), max frame gap while the 100,000-row CSV is read:
// 3600 ms with the parse on the UI thread (longest task 3611 ms, no progress ever painted); 100-333 ms in
// the worker with records handed back in slices of 5,000.
const ROWS = 100_000;
let app: RunningApp;
let csvPath: string;

/**
 * A sites CSV of `rows` macro sites spread over the 11 km around Renhuai's seat, all inside the county (the
 * import refuses rows outside it; deterministic, no bad rows).
 */
function largeSitesCsv(rows: number): string {
  const lines = ['站号,站名,经度,纬度,类型,状态,挂高,方位角'];
  for (let i = 0; i < rows; i++) {
    const lonDeg = 106.35 + ((i * 7919) % 50_000) / 500_000;
    const latDeg = 27.75 + ((i * 104_729) % 40_000) / 400_000;
    lines.push(`BIG-${i},大文件站${i},${lonDeg.toFixed(5)},${latDeg.toFixed(5)},宏站,现网,30,0/120/240`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  csvPath = path.join(OUTPUT_DIR, 'import-100k-sites.csv');
  writeFileSync(csvPath, largeSitesCsv(ROWS));
  app = await openStartScreen();
});

afterAll(async () => {
  await closeApp(app);
});

async function chooseLargeFile(page: Page): Promise<void> {
  await page.getByTestId('import').click();
  await page.getByTestId('import-kind').selectOption('sites');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
  await chooser.setFiles(csvPath);
}

// Browser build only: the web host's file chooser and downloads (IS_WEB_TARGET).
describe.skipIf(!IS_WEB_TARGET)(`importing a ${ROWS.toLocaleString('en')}-row sites CSV`, () => {
  it('shows progress on the task bar while the file is parsed and then lists every row', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 90_000 });
    const sitesBefore = await page.locator('.site-icon').count();

    await startFrames(page, '[data-testid="import-summary"]');
    await chooseLargeFile(page);
    await page.waitForSelector('[data-testid="task-bar"] >> text=导入', { timeout: 30_000 });
    expect(await page.getByTestId('import-reading').textContent()).toContain('import-100k-sites.csv');
    // a screenshot makes the page wait for its own frame: its stall is left out of the parse's numbers
    const shotStartMs = await page.evaluate(() => performance.now());
    await screenshot(page, '50-import-progress');
    const shotEndMs = await page.evaluate(() => performance.now());
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 180_000 });
    const stats = await frameStats(page, [shotStartMs, shotEndMs]);
    const record = {
      rows: ROWS,
      ...stats,
      note: 'web build in headless Debian Chromium, 2 cores shared with other jobs; frames counted with requestAnimationFrame from choosing the file until the summary shows; maxFrameGapMs leaves out gaps overlapping the progress screenshot (maxFrameGapWithScreenshotMs keeps them)',
    };
    writeFileSync(path.join(OUTPUT_DIR, 'import-responsiveness.json'), JSON.stringify(record, null, 2) + '\n');
    console.log(`import of ${ROWS} rows: ${JSON.stringify(record)}`);

    const summary = await page.getByTestId('import-summary').textContent();
    expect(summary).toContain(`读取 ${ROWS} 行`);
    expect(summary).toContain(`可导入 ${ROWS} 条`);
    await screenshot(page, '51-import-large-summary');
    // not accepted: this test is about reading; a cancelled dialog changes nothing
    await page.getByTestId('import-cancel').click();
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore);
  });

  it('reads XLSX and KMZ in the worker too (their readers use exceljs and xmldom there)', async () => {
    const { page } = app;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('站点');
    sheet.addRows([['站号', '站名', '经度', '纬度'], ['X-1', '表格站一', 106.39, 27.86], ['X-2', '表格站二', 106.41, 27.81]]);
    const xlsxPath = path.join(OUTPUT_DIR, 'import-sites.xlsx');
    writeFileSync(xlsxPath, new Uint8Array(await book.xlsx.writeBuffer()));
    const placemark = (name: string, lonDeg: number, latDeg: number) => `<Placemark><name>${name}</name><Point><coordinates>${lonDeg},${latDeg}</coordinates></Point></Placemark>`;
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemark('奥维站一', 106.39, 27.86)}${placemark('奥维站二', 106.41, 27.81)}</Document></kml>`;
    const kmzPath = path.join(OUTPUT_DIR, 'import-sites.kmz');
    writeFileSync(kmzPath, zipSync({ 'doc.kml': strToU8(kml) }));
    for (const file of [xlsxPath, kmzPath]) {
      await page.getByTestId('import').click();
      // neither file says whether its sites are built: the planner says so for every row without a status
      await page.getByTestId('import-default-status').selectOption('existing');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
      await chooser.setFiles(file);
      await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-error"]');
      expect(await page.getByTestId('import-error').count(), path.basename(file)).toBe(0);
      expect(await page.getByTestId('import-summary').textContent()).toContain('可导入 2 条');
      expect(await page.getByTestId('import-default-status-note').textContent()).toContain('现网');
      await page.getByTestId('import-cancel').click();
    }
  });

  it('a file of 50,000 bad rows lists the first 200 problems with the count of the rest, and saves them all as CSV', async () => {
    const { page } = app;
    const lines = ['站号,站名,经度,纬度'];
    for (let i = 0; i < 50_000; i++) lines.push(`BAD-${i},坏行${i},106.4,北纬27度`);
    lines.push('OK-1,好站,106.39,27.86');
    const badPath = path.join(OUTPUT_DIR, 'import-50k-bad.csv');
    writeFileSync(badPath, lines.join('\n') + '\n');
    await page.getByTestId('import').click();
    await page.getByTestId('import-kind').selectOption('sites');
    await page.getByTestId('import-default-status').selectOption('existing');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
    await chooser.setFiles(badPath);
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="import-problems"] tbody tr').count()).toBe(200);
    expect(await page.getByTestId('import-problems-more').textContent()).toContain('另有 49800 个问题未列出');
    expect(await page.getByTestId('import-summary').textContent()).toContain('可导入 1 条');
    await screenshot(page, '82-import-capped-problems');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-problems-save').click()]);
    expect(download.suggestedFilename()).toBe('import-50k-bad_问题清单.csv');
    const csvPath = path.join(OUTPUT_DIR, download.suggestedFilename());
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('文件,行,字段,原因,级别'); // the headers in the UI's language (zh here)
    expect(rows).toHaveLength(1 + 50_000);
    expect(rows[1]).toMatch(/^import-50k-bad\.csv,2,纬度,/);
    await page.getByTestId('import-cancel').click();
  });

  it('Cancel on the task bar stops the parse and changes nothing', async () => {
    const { page } = app;
    const sitesBefore = await page.locator('.site-icon').count();
    const undoBefore = await page.getByTestId('undo').getAttribute('title');
    await chooseLargeFile(page);
    await page.waitForSelector('[data-testid="task-bar"] >> text=导入', { timeout: 30_000 });
    const importTask = page.locator('[data-testid="task-bar"] .task', { hasText: '导入' });
    await importTask.getByTestId('task-cancel').click();
    await importTask.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.getByTestId('import-reading').count()).toBe(0);
    expect(await page.getByTestId('import-choose').isEnabled()).toBe(true);
    await screenshot(page, '52-import-cancelled');
    await page.getByTestId('import-cancel').click();
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore);
    expect(await page.getByTestId('undo').getAttribute('title')).toBe(undoBefore);
  });
});
