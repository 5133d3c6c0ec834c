import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapPoint, screenshot, startApp, type RunningApp } from './harness';
import { appForThisFile } from './appForThisFile';

const app = appForThisFile();

/** The map's centre (where S1 was placed: its symbol takes a press there). */
async function mapCentre(): Promise<{ x: number; y: number }> {
  const box = (await app.page.getByTestId('plan-map').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const siteLonLat = async (id: string) => {
  const lon = await app.page.getByTestId('site-editor').locator('input').nth(2).inputValue();
  return { id, lon: Number(lon) };
};

describe('planning workspace: place, drag, edit, undo', () => {
  it('opens a county for planning from its facts card', async () => {
    const { page } = app;
    await page.getByRole('searchbox').fill('仁怀');
    await page.locator('.county-list .item').first().click();
    await page.getByTestId('plan-county').click();
    await page.waitForSelector('[data-testid="plan-map"] path.plan-boundary');
    expect(await page.getByTestId('project-name').textContent()).toContain('仁怀市');
  });

  it('places a macro site by clicking the map and shows its editor', async () => {
    const { page } = app;
    await page.getByTestId('tool-macro').click();
    const c = await mapPoint(page, 0.5, 0.5);
    await page.mouse.click(c.x, c.y);
    await expect.poll(() => page.locator('[data-site-id="S1"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('site-editor').getAttribute('data-site-id')).toBe('S1');
    expect(await page.getByTestId('tool-select').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, '10-site-placed');
  });

  it('drags the site, then undoes the whole drag in one step', async () => {
    const { page } = app;
    const before = await siteLonLat('S1');
    const c = await mapCentre();
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(c.x + i * 12, c.y + i * 4);
    await page.mouse.up();
    await expect.poll(async () => (await siteLonLat('S1')).lon).toBeGreaterThan(before.lon);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await siteLonLat('S1')).lon).toBeCloseTo(before.lon, 6);
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await siteLonLat('S1')).lon).toBeGreaterThan(before.lon);
  });

  it('refuses an invalid height with a message and accepts a valid one', async () => {
    const { page } = app;
    const height = page.getByTestId('site-height');
    await height.fill('500');
    await height.press('Enter');
    expect(await page.getByTestId('site-editor').getByRole('alert').textContent()).toMatch(/1.*150/);
    await height.fill('40');
    await height.press('Enter');
    await expect.poll(() => page.getByTestId('site-editor').getByRole('alert').count()).toBe(0);
    expect(await page.locator('.site-list .item.selected .meta').textContent()).toContain('40 m');
    await screenshot(page, '11-site-edited');
  });

  it('undoes with Ctrl+Z, deletes with the Delete key and lists shortcuts', async () => {
    const { page } = app;
    await page.locator('.leaflet-container').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.site-list .item.selected .meta').textContent()).toContain('35 m');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.site-list .item').count()).toBe(0);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('shortcut-help').isVisible()).toBe(true);
    await screenshot(page, '12-shortcuts');
    await page.keyboard.press('Escape');
  });

  it('logged no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
