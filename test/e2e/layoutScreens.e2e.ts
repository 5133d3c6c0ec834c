import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, type RunningApp } from './harness';
import { stopWebServer, webUrl } from './webServer';

// Issue 22 "Layout and legibility": the workspace, the build list and the county report at the two common office
// screen sizes, in Chinese and English, saved under test-output/ for a person to look at; and the layout checks
// a person would make: the left panel's tables are not cut off and do not wrap one character per line.
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SHOTS_DIR = path.join(ROOT, 'test-output', 'issue22');

let app: RunningApp | undefined;
afterAll(async () => {
  await app?.close();
  await stopWebServer();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** The header's language button names the other language: 中文 while the UI is in English. */
async function setLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  const toggle = page.getByTestId('language-toggle');
  const isZh = ((await toggle.textContent()) ?? '').trim() !== '中文';
  if ((lang === 'zh') !== isZh) await toggle.click();
  await expect.poll(async () => ((await toggle.textContent()) ?? '').trim() === '中文').toBe(lang === 'en');
}

/** The widest one-line height of any cell in the left panel's table, compared to its font size: > 3 lines = wrapped per character. */
async function tallestCellLines(page: Page): Promise<{ lines: number; text: string }> {
  return page.locator('.plan-left table').first().evaluate((table) => {
    let most = { lines: 0, text: '' };
    for (const cell of Array.from(table.querySelectorAll('td, th')) as HTMLElement[]) {
      // one line of text: the cell's content height over its line height
      const style = getComputedStyle(cell);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const contentPx = cell.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const lines = contentPx / lineHeight;
      if (lines > most.lines) most = { lines, text: cell.textContent ?? '' };
    }
    return most;
  });
}

/** How far the left panel's table reaches past its panel, px (0 = every column visible without scrolling). */
async function tableOverflowPx(page: Page): Promise<number> {
  return page.locator('.plan-left').evaluate((panel) => {
    const table = panel.querySelector('table');
    if (!table) return 0;
    return Math.max(0, Math.round(table.getBoundingClientRect().right - panel.getBoundingClientRect().right));
  });
}

describe('issue 22 layout at 1366x768 and 1920x1080, zh and en', () => {
  for (const size of SIZES) {
    for (const lang of ['zh', 'en'] as const) {
      const tag = `${size.width}x${size.height}-${lang}`;
      it(`workspace, lists and report at ${tag}`, { timeout: 240_000 }, async () => {
        if (!app) {
          app = await startApp(webUrl, size);
          await app.page.getByTestId('open-sample').click();
          await app.page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 120_000 });
        }
        const { page } = app;
        await page.setViewportSize(size);
        await setLanguage(page, lang);
        await page.getByTestId('tab-kpi').click();
        await page.getByTestId('tab-gaps').click();
        await page.waitForTimeout(500);
        expect((await tallestCellLines(page)).lines, JSON.stringify(await tallestCellLines(page))).toBeLessThan(2.5);
        await shot(page, `workspace-${tag}`);
        await page.getByTestId('tab-places').click();
        await page.waitForTimeout(300);
        expect(await tableOverflowPx(page), await page.locator('.plan-left thead').first().innerText()).toBe(0);
        expect((await tallestCellLines(page)).lines, JSON.stringify(await tallestCellLines(page))).toBeLessThan(2.5);
        await shot(page, `places-${tag}`);
        await page.getByTestId('tab-buildList').click();
        await page.waitForSelector('.build-list-table tbody tr');
        await page.waitForTimeout(800);
        expect(await tableOverflowPx(page), await page.locator('.plan-left thead').first().innerText()).toBe(0);
        await shot(page, `buildlist-${tag}`);
        await page.getByTestId('tab-gaps').click();
      });
    }
  }
});
