import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './harness';
import { stopWebServer, webUrl } from './webServer';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp(webUrl);
  await app.page.waitForSelector('[data-testid="map"] path.county');
});

afterAll(async () => {
  await app?.close();
  await stopWebServer();
});

describe('the sample county', () => {
  it('opens from the start screen with every layer, and computes its coverage', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="plan-map"] path.plan-boundary');
    expect(await page.getByTestId('project-name').textContent()).toContain('仁怀市');
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 60_000 });
    // layer switcher lists relief, population, places, candidates, OLTs and sites
    const layers = await page.locator('.leaflet-control-layers-overlays label').allTextContents();
    for (const name of ['地形晕渲', '人口', '覆盖缺口', '重点场所', '候选站址', 'OLT', '光网服务区', '基站']) expect(layers.join('|')).toContain(name);
    expect(await page.locator('.site-icon').count()).toBeGreaterThan(50);
    expect(await page.locator('path.place').count()).toBeGreaterThanOrEqual(9);
    // the coverage heat map has painted tiles
    expect(await page.locator('.coverage-layer canvas').count()).toBeGreaterThan(0);
    await screenshot(page, '20-sample-opened');
  });

  it('shows the fibre KPIs and the upgrade list of its OLTs', async () => {
    const { page } = app;
    await page.getByTestId('tab-fibre').click();
    expect(await page.getByTestId('panel-fibre').textContent()).toContain('10G-PON');
    expect(Number(await page.locator('[data-kpi="householdsGigabit"]').count())).toBe(0); // the dashboard tab is not shown
    await page.locator('.leaflet-control-layers-overlays label', { hasText: '光网服务区' }).locator('input').check();
    await page.waitForSelector('path.fibre-area');
    expect(await page.locator('path.fibre-area').count()).toBeGreaterThanOrEqual(5); // one Voronoi cell per OLT
    expect(await page.locator('.fibre-upgrade').count()).toBeGreaterThan(0);
    await screenshot(page, '22-sample-fibre');
    await page.getByTestId('tab-kpi').click();
    expect(Number(await page.locator('[data-kpi="householdsGigabit"]').getAttribute('data-value'))).toBeGreaterThan(0);
  });
});

describe('editing the sample: scores follow the sites', () => {
  const kpiValue = async (id: string) => Number(await app.page.locator(`[data-kpi="${id}"]`).getAttribute('data-value'));

  it('places a macro site in the worst populated gap: the gap list changes and the covered population rises', async () => {
    const { page } = app;
    const before = await kpiValue('popCoverageOutdoor');
    const versionBefore = Number(await page.getByTestId('compute-status').getAttribute('data-version'));
    // the second-ranked gap is a town gap (the first is the whole countryside); zoom to it from the list
    await page.getByTestId('tab-gaps').click();
    await page.locator('[data-testid="panel-gaps"] tbody tr').nth(1).click();
    await page.waitForTimeout(300);
    await page.getByTestId('tool-macro').click();
    const box = (await page.getByTestId('plan-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="compute-status"]')?.getAttribute('data-version')) > v, versionBefore);
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]');
    // placing a site opens its editor tab (ec08e77): back to the KPIs
    await page.getByTestId('tab-kpi').click();
    const after = await kpiValue('popCoverageOutdoor');
    await screenshot(page, '21-sample-site-added');
    expect(after).toBeGreaterThan(before);
    expect(await page.locator('[data-testid="kpi-delta"]').count()).toBeGreaterThan(0);
    const ms = Number((await page.getByTestId('compute-status').textContent())!.replace(/[^\d]/g, ''));
    console.log(`single-site edit round trip in the browser: ${ms} ms; outdoor population coverage ${(before * 100).toFixed(2)} % -> ${(after * 100).toFixed(2)} %`);
    await screenshot(page, '21-sample-site-added');
  });

  it('undo restores the scores', async () => {
    const { page } = app;
    const withSite = await kpiValue('popCoverageOutdoor');
    await page.getByTestId('undo').click();
    await page.waitForFunction(
      (v) => Number(document.querySelector('[data-kpi="popCoverageOutdoor"]')?.getAttribute('data-value')) < v,
      withSite,
    );
  });

  it('logged no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
