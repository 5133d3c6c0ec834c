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
    for (const name of ['地形晕渲', '人口', '重点场所', '候选站址', 'OLT', '基站']) expect(layers.join('|')).toContain(name);
    expect(await page.locator('.site-icon').count()).toBeGreaterThan(50);
    expect(await page.locator('path.place').count()).toBeGreaterThanOrEqual(9);
    // the coverage heat map has painted tiles
    expect(await page.locator('.coverage-layer canvas').count()).toBeGreaterThan(0);
    await screenshot(page, '20-sample-opened');
  });
});
