import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectGpkg } from '../../geodata/project';
import { syntheticDriveTest } from '../renderer/calibration/syntheticDriveTest';
import { appForThisFile } from './appForThisFile';
import { screenshot } from './harness';

const app = appForThisFile();

/** The KPI cards' values, by KPI id (the KPI tab must be open). */
async function kpiValues(): Promise<Record<string, string>> {
  const cards = app.page.locator('[data-kpi]');
  await cards.first().waitFor();
  const ids = await cards.evaluateAll((els) => els.map((e) => [e.getAttribute('data-kpi')!, e.getAttribute('data-value')!]));
  return Object.fromEntries(ids);
}

/** Waits until the coverage recomputed after an edit (status leaves ready, then is ready again). */
async function recomputed(versionBefore: string): Promise<void> {
  const { page } = app;
  await expect.poll(async () => {
    const el = page.getByTestId('compute-status');
    return (await el.getAttribute('data-status')) === 'ready' && (await el.getAttribute('data-version')) !== versionBefore;
  }, { timeout: 120_000, interval: 250 }).toBe(true);
}

/** Waits until no task runs and the coverage is ready, twice in a row 500 ms apart (a recompute starts 300 ms after an edit). */
async function settled(): Promise<void> {
  const { page } = app;
  const quiet = async () => (await page.locator('[data-testid="task-bar"] .task').count()) === 0 && (await page.getByTestId('compute-status').getAttribute('data-status')) === 'ready';
  await expect.poll(async () => (await quiet()) && (await new Promise((r) => setTimeout(r, 500)), await quiet()), { timeout: 180_000, interval: 250 }).toBe(true);
}

describe('calibrating the sample\'s propagation model from a drive test', () => {
  let csvPath = '';

  it('opens the sample and shows its model in the 传播模型 tab', async () => {
    const { page } = app;
    // a drive test made from the sample's own model with a known 10 dB offset (test data, not measurements)
    const read = await readProjectGpkg(new Uint8Array(await readFile('samples/renhuai.gpkg')));
    if (!read.ok) throw new Error(read.message);
    const { csv, records } = syntheticDriveTest(read.value, { offsetDb: 10, sites: 8 });
    expect(records.length).toBeGreaterThan(200);
    csvPath = path.join(await mkdtemp(path.join(tmpdir(), 'qc-dt-')), '路测数据.csv');
    await writeFile(csvPath, csv);

    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 120_000 });
    expect(await page.getByTestId('legend-rsrp').textContent()).toContain('默认模型');
    await page.getByTestId('tab-model').click();
    expect(await page.getByTestId('model-kind').textContent()).toContain('默认模型');
    expect(await page.getByTestId('model-kfactors').locator('tr').count()).toBe(11);
    expect(await page.getByTestId('model-probability').textContent()).toContain('50');
    expect(await page.getByTestId('model-reset').isDisabled()).toBe(true);
    await screenshot(page, '60-model-panel-zh');
  }, 300_000);

  it('imports the drive test, shows the matching report, calibrates and applies; KPIs change and undo restores them', async () => {
    const { page } = app;
    await page.getByTestId('tab-kpi').click();
    const before = await kpiValues();
    await page.getByTestId('tab-model').click();
    await page.getByTestId('calibrate-open').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('calibration-add-file').click()]);
    await chooser.setFiles(csvPath);
    const summary = page.getByTestId('calibration-match-summary');
    await summary.waitFor({ timeout: 60_000 });
    // the two rows made not to match are reported with their reasons, before anything is fitted
    expect(await summary.textContent()).toMatch(/未匹配 2 个/);
    const reasons = await page.getByTestId('calibration-unmatched').locator('tbody tr td:first-child').allTextContents();
    expect(reasons.join('|')).toContain('NO-SUCH-CELL');
    expect(reasons.join('|')).toContain('栅格范围之外');
    expect(await page.getByTestId('calibration-result').count()).toBe(0);

    await page.getByTestId('calibration-fit').click();
    await page.getByTestId('calibration-result').waitFor({ timeout: 180_000 });
    const figures = await page.getByTestId('calibration-figures').locator('tbody tr').first().locator('td').allTextContents();
    const [rmseBefore, rmseAfter] = figures.slice(1).map((s) => Number.parseFloat(s));
    expect(rmseAfter).toBeLessThan(rmseBefore);
    await page.getByTestId('calibration-scatter').locator('canvas').first().waitFor();
    await page.getByTestId('calibration-histogram').locator('canvas').first().waitFor();
    await page.getByTestId('calibration-histogram').scrollIntoViewIfNeeded();
    await screenshot(page, '61-calibration-result-zh');

    const version = (await page.getByTestId('compute-status').getAttribute('data-version'))!;
    await page.getByTestId('calibration-apply').click();
    await page.getByTestId('calibration-applied').waitFor();
    await recomputed(version);
    await page.getByTestId('calibration-close').click();
    await settled();
    expect(await page.getByTestId('legend-rsrp').textContent()).toMatch(/已校准，留出RMSE \d+\.\d dB/);
    expect(await page.getByTestId('legend-drive-test-error').count()).toBe(1);
    expect(await page.getByTestId('model-kind').textContent()).toContain('已校准模型');
    await screenshot(page, '62-calibrated-map-zh');
    await page.getByTestId('tab-kpi').click();
    const after = await kpiValues();
    // the measured RSRP is 10 dB below the default model: coverage KPIs fall
    expect(after).not.toEqual(before);

    const v2 = (await page.getByTestId('compute-status').getAttribute('data-version'))!;
    await page.getByTestId('undo').click();
    await recomputed(v2);
    expect(await kpiValues()).toEqual(before);
    expect(await page.getByTestId('legend-rsrp').textContent()).toContain('默认模型');
    const v3 = (await page.getByTestId('compute-status').getAttribute('data-version'))!;
    await page.getByTestId('redo').click();
    await recomputed(v3);
  }, 600_000);

  it('shows the panel and the result in English', async () => {
    const { page } = app;
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('tab-model').click();
    await expect.poll(() => page.getByTestId('model-kind').textContent()).toContain('Calibrated model');
    await settled();
    await screenshot(page, '63-model-panel-en');
    await page.getByTestId('calibrate-show').click();
    await page.getByTestId('calibration-result').waitFor();
    await page.getByTestId('calibration-histogram').scrollIntoViewIfNeeded();
    await screenshot(page, '64-calibration-result-en');
    await page.getByTestId('calibration-close').click();
    await page.getByTestId('language-toggle').click();
  }, 120_000);
});
