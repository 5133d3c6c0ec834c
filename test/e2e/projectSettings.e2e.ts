import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { appForThisFile } from './appForThisFile';

const app = appForThisFile();
/** A recompute of the sample's coverage or a suggestion run, on a machine shared by several engineers. */
const HEAVY_STEP_MS = 300_000;

const kpiValue = async (id: string) => Number(await app.page.locator(`[data-kpi="${id}"]`).getAttribute('data-value'));
const waitForKpi = (id: string, before: number, mode: 'below' | 'equal') =>
  app.page.waitForFunction(
    ({ id, before, mode }) => {
      const v = Number(document.querySelector(`[data-kpi="${id}"]`)?.getAttribute('data-value'));
      return mode === 'below' ? v < before : Math.abs(v - before) < 1e-10;
    },
    { id, before, mode },
    { timeout: 120_000 },
  );

describe('issue 22: the project settings screen and the suggestion panel\'s reasons', () => {
  it('opens the sample and the settings screen from the header (zh)', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 120_000 });
    await page.getByTestId('tab-kpi').click();
    await page.waitForSelector('[data-kpi="popCoverageOutdoor"]');
    await page.getByTestId('open-settings').click();
    await page.waitForSelector('[data-testid="project-settings"]');
    expect(await page.getByTestId('settings-grid').textContent()).toMatch(/\d+ 列 × \d+ 行，每格 \d+ m/);
    expect(await page.getByTestId('project-settings').textContent()).toContain('100 个位置中 95 个');
    await screenshot(page, '70-project-settings-zh');
  }, HEAVY_STEP_MS);

  it('a bad threshold shows its error and changes nothing', async () => {
    const { page } = app;
    const before = await kpiValue('popCoverageOutdoor');
    await page.getByTestId('settings-baselineRsrpDbm').fill('3O');
    await page.getByTestId('settings-apply').click();
    expect(await page.getByTestId('settings-error').textContent()).toContain('-140 到 -60');
    expect(await page.getByTestId('project-settings').isVisible()).toBe(true);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    expect(await kpiValue('popCoverageOutdoor')).toBe(before);
  });

  it('a stricter RSRP threshold lowers the coverage KPI; undo restores it', async () => {
    const { page } = app;
    const before = await kpiValue('popCoverageOutdoor');
    await page.getByTestId('settings-baselineRsrpDbm').fill('-85');
    await page.getByTestId('settings-apply').click();
    await page.waitForSelector('[data-testid="project-settings"]', { state: 'detached' });
    await waitForKpi('popCoverageOutdoor', before, 'below');
    const after = await kpiValue('popCoverageOutdoor');
    console.log(`RSRP threshold -> -85 dBm: outdoor population coverage ${(before * 100).toFixed(2)} % -> ${(after * 100).toFixed(2)} % (modelled)`);
    expect(after).toBeLessThan(before);
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('修改项目设置');
    await page.getByTestId('undo').click();
    await waitForKpi('popCoverageOutdoor', before, 'equal');
    await page.getByTestId('open-settings').click();
    expect(await page.getByTestId('settings-baselineRsrpDbm').inputValue()).not.toBe('-85');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="project-settings"] button.close').click();
  }, HEAVY_STEP_MS);

  it('says why 生成建议 is greyed out (budget -5 or 0) and why a small budget buys no site', async () => {
    const { page } = app;
    await page.getByTestId('tab-suggest').click();
    for (const budget of ['-5', '0']) {
      await page.getByTestId('suggest-budget').fill(budget);
      expect(await page.getByTestId('suggest-run').isDisabled()).toBe(true);
      expect(await page.getByTestId('suggest-why-disabled').textContent()).toContain('大于 0 的预算');
    }
    await page.getByTestId('suggest-budget').fill('1');
    await page.getByTestId('suggest-run').click();
    await page.waitForSelector('[data-testid="suggest-why-none"]', { timeout: 180_000 });
    const why = await page.getByTestId('suggest-why-none').textContent();
    console.log(`budget 1 万元: ${why}`);
    expect(why).toMatch(/预算 1\.0 万元低于最便宜的候选站造价 [\d.]+ 万元/);
    await screenshot(page, '71-suggest-why-none-zh');
  }, HEAVY_STEP_MS);

  it('the cost note\'s link opens the settings screen; the screen in English', async () => {
    const { page } = app;
    await page.getByTestId('suggest-panel').getByTestId('open-settings-link').click();
    await page.waitForSelector('[data-testid="project-settings"]');
    await page.locator('[data-testid="project-settings"] button.close').click();
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('open-settings').click();
    await page.waitForSelector('[data-testid="project-settings"]');
    expect(await page.getByTestId('project-settings').textContent()).toContain('95 of every 100 locations');
    await screenshot(page, '72-project-settings-en');
  });
});
