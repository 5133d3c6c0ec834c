import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IS_WEB_TARGET, screenshot, startApp, type RunningApp } from './harness';
import { appForThisFile } from './appForThisFile';

const app = appForThisFile();

const kpiValue = async (id: string) => Number(await app.page.locator(`[data-kpi="${id}"]`).getAttribute('data-value'));
/**
 * The dashboard follows the coverage once the edits rest (a report of its own, after the raster update):
 * wait for the KPI itself to move above `before` ('above') or back to it ('equal', to 1e-10).
 */
const waitForKpi = (id: string, before: number, mode: 'above' | 'equal') =>
  app.page.waitForFunction(
    ({ id, before, mode }) => {
      const v = Number(document.querySelector(`[data-kpi="${id}"]`)?.getAttribute('data-value'));
      return mode === 'above' ? v > before : Math.abs(v - before) < 1e-10;
    },
    { id, before, mode },
  );
const rasterVersion = async () => Number(await app.page.getByTestId('compute-status').getAttribute('data-version'));
const waitForNewScores = (after: number) =>
  app.page.waitForFunction((v) => {
    const el = document.querySelector('[data-testid="compute-status"]');
    return Number(el?.getAttribute('data-version')) > v && el?.getAttribute('data-status') === 'ready';
  }, after);

describe('suggest sites on the sample county, accept one, undo, and download the county report', () => {
  it('opens the sample and shows the RSRP histogram under the KPIs', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 60_000 });
    await page.getByTestId('tab-kpi').click();
    await page.waitForSelector('[data-testid="rsrp-histogram"] canvas');
    await page.getByTestId('rsrp-histogram').scrollIntoViewIfNeeded();
    await screenshot(page, '30-kpi-histogram-zh');
  });

  it('runs a suggestion with a small budget: a ranked list, proposed sites on the map, the curve', async () => {
    const { page } = app;
    await page.getByTestId('tab-suggest').click();
    await page.getByTestId('suggest-budget').fill('150');
    const startedMs = Date.now();
    await page.getByTestId('suggest-run').click();
    await page.waitForSelector('[data-testid="suggest-row"]', { timeout: 120_000 });
    console.log(`suggestion on the sample county in the browser (budget 150 万元): ${((Date.now() - startedMs) / 1000).toFixed(1)} s wall, including footprints (machine shared: contended)`);
    const rows = await page.getByTestId('suggest-row').count();
    expect(rows).toBeGreaterThan(0);
    const summary = await page.getByTestId('suggest-summary').textContent();
    const costWan = Number(/投资 ([\d.]+) 万元/.exec(summary!)![1]);
    expect(costWan).toBeGreaterThan(0);
    expect(costWan).toBeLessThanOrEqual(150);
    expect(await page.locator('.point-icon.proposed').count()).toBe(rows);
    await page.waitForSelector('[data-testid="suggest-curve"] canvas');
    await screenshot(page, '31-suggest-zh');
  });

  it('accepting the top suggestion adds one planned site and raises the covered population; undo takes it back', async () => {
    const { page } = app;
    const sitesBefore = await page.locator('.site-icon').count();
    const proposedBefore = await page.locator('.point-icon.proposed').count();
    const version = await rasterVersion();
    await page.getByTestId('tab-kpi').click();
    const before = await kpiValue('popCoverageOutdoor');
    await page.getByTestId('tab-suggest').click();
    await page.getByTestId('suggest-row').first().getByRole('button').click();
    await waitForNewScores(version);
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore + 1);
    expect(await page.locator('.point-icon.proposed').count()).toBe(proposedBefore - 1);
    expect(await page.getByTestId('suggest-accepted').count()).toBe(1);
    await screenshot(page, '32-suggest-accepted-zh');
    await page.getByTestId('tab-kpi').click();
    await waitForKpi('popCoverageOutdoor', before, 'above');
    const after = await kpiValue('popCoverageOutdoor');
    console.log(`accepting the top suggestion: outdoor population coverage ${(before * 100).toFixed(2)} % -> ${(after * 100).toFixed(2)} % (modelled)`);
    expect(after).toBeGreaterThan(before);
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('采纳建议站址');

    const withSite = await rasterVersion();
    await page.getByTestId('undo').click();
    await waitForNewScores(withSite);
    await waitForKpi('popCoverageOutdoor', before, 'equal');
    expect(await kpiValue('popCoverageOutdoor')).toBeCloseTo(before, 10);
    expect(await page.locator('.site-icon').count()).toBe(sitesBefore);
    expect(await page.locator('.point-icon.proposed').count()).toBe(proposedBefore);
    // accept it again for the report
    const undone = await rasterVersion();
    await page.getByTestId('redo').click();
    await waitForNewScores(undone);
  });

  // browser build only: a download (in the desktop app main's save dialog would wait for a person)
  it.skipIf(!IS_WEB_TARGET)('downloads the county report: self-contained HTML with map, KPIs, gaps, build list and charts', async () => {
    const { page } = app;
    await page.getByTestId('tab-kpi').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('county-report').click()]);
    expect(download.suggestedFilename()).toBe('仁怀市县域覆盖规划报告.html');
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('<title>仁怀市 5G 与千兆光网覆盖规划报告</title>');
    expect(html).not.toMatch(/<script|src="http|href="http/);
    const map = /src="data:image\/png;base64,([^"]+)"/.exec(html);
    expect(map && map[1].length).toBeGreaterThan(10_000);
    for (const kpi of ['popCoverageOutdoor', 'keyPlaceReach', 'sitesPer10k']) expect(html).toContain(`data-kpi="${kpi}"`);
    expect((html.match(/<tr><td class="num">\d+<\/td><td class="num">[\d.]+<\/td>/g) ?? []).length).toBeGreaterThan(0);
    expect(html).toContain('建设清单汇总');
    expect(html).toMatch(/<tr><td>(宏站|微站|室分)<\/td><td class="num">[1-9]/);
    expect(html).toContain('站点：现网 87 个，规划 1 个');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('report-status').textContent()).toContain('仁怀市县域覆盖规划报告.html');
    // look at it as a reader would
    const reader = await page.context().newPage();
    await reader.setViewportSize({ width: 1366, height: 768 });
    await reader.setContent(html);
    await screenshot(reader, '33-report-zh');
    await reader.evaluate(() => document.querySelector('h2:nth-of-type(2)')?.scrollIntoView());
    await screenshot(reader, '34-report-kpis-zh');
    await reader.evaluate(() => [...document.querySelectorAll('h2')].at(-2)?.scrollIntoView());
    await screenshot(reader, '34-report-build-zh');
    await reader.evaluate(() => [...document.querySelectorAll('h2')].at(-1)?.scrollIntoView());
    await screenshot(reader, '34-report-charts-zh');
    await reader.close();
  });

  it('reads in English', async () => {
    const { page } = app;
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('tab-suggest').click();
    await expect.poll(() => page.getByTestId('suggest-panel').locator('h2').textContent()).toBe('Site suggestions');
    await screenshot(page, '35-suggest-en');
    await page.getByTestId('tab-kpi').click();
    await page.getByTestId('rsrp-histogram').scrollIntoViewIfNeeded();
    await screenshot(page, '36-kpi-histogram-en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('county-report').click()]);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toMatch(/<html lang="en(-GB)?">/);
    expect(html).toContain('Build list summary');
  });

  it('logged no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
