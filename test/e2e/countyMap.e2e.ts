import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyByCode } from '../../geodata/counties';
import { screenshot, startApp, type RunningApp } from './harness';
import { appForThisFile } from './appForThisFile';

const app = appForThisFile();

describe('county map (foundation)', () => {
  it('draws all 88 counties and marks the 21 pilots', async () => {
    const { page } = app;
    expect(await page.locator('[data-testid="map"] path.county').count()).toBe(88);
    expect(await page.locator('[data-testid="map"] path.pilot-marker').count()).toBe(21);
    await expect.poll(() => page.locator('.county-list .item').count()).toBe(88);
    await screenshot(page, '01-province');
  });

  it('finds 仁怀市 by search and zooms to it on click, showing its facts', async () => {
    const { page } = app;
    await page.getByRole('searchbox').fill('仁怀');
    const items = page.locator('.county-list .item');
    await expect.poll(() => items.count()).toBe(1);
    await items.first().click();

    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-selected')).toBe('520382');
    const [lon, lat] = (await map.getAttribute('data-center'))!.split(',').map(Number);
    const [minLon, minLat, maxLon, maxLat] = countyByCode('520382')!.bbox;
    expect(lon).toBeGreaterThan(minLon);
    expect(lon).toBeLessThan(maxLon);
    expect(lat).toBeGreaterThan(minLat);
    expect(lat).toBeLessThan(maxLat);
    expect(Number(await map.getAttribute('data-zoom'))).toBeGreaterThanOrEqual(9);

    const info = page.getByTestId('county-info');
    await expect.poll(() => info.locator('[data-field="code"]').textContent()).toBe('520382');
    expect(await info.locator('[data-field="prefecture"]').textContent()).toContain('遵义市');
    expect(await info.locator('[data-field="population"]').textContent()).toMatch(/655[,，]?300/);
    await screenshot(page, '02-renhuai-zh');
  });

  it('selects a county by clicking it on the map', async () => {
    const { page } = app;
    await page.locator('path.county-520382').click({ position: await centreOf(page, '520382') });
    await expect.poll(() => page.getByTestId('map').getAttribute('data-selected')).toBe('520382');
  });

  it('switches to English and back', async () => {
    const { page } = app;
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('.county-list h2').textContent()).toBe('Counties');
    expect(await page.getByTestId('county-info').locator('h2').textContent()).toContain('Renhuai City');
    await screenshot(page, '03-renhuai-en');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('.county-list h2').textContent()).toBe('县（市、区）');
  });

  it('logged no console errors (no CSP violations)', () => {
    expect(app.errors).toEqual([]);
  });
});

/** A point inside the county's path, relative to its bounding box (its seat, projected by Leaflet). */
async function centreOf(page: RunningApp['page'], code: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(`path.county-${code}`).boundingBox())!;
  const marker = (await page.locator(`path.pilot-${code}`).boundingBox())!;
  // 10 px beside the seat marker so the click lands on the county, not on the marker
  return { x: marker.x + marker.width / 2 - box.x + 10, y: marker.y + marker.height / 2 - box.y };
}
