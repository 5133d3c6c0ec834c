import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapPoint, screenshot, startApp, type RunningApp } from './harness';
import { appForThisFile } from './appForThisFile';

const app = appForThisFile();

/** Per best-server tile: painted pixels, distinct colours and a checksum of its pixels. */
async function bestServerTiles() {
  return app.page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('.best-server-layer canvas')].map((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      let painted = 0;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        painted++;
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        sum = (sum * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2] + i) % 1_000_000_007;
      }
      return { painted, colours: colours.size, sum };
    }),
  );
}

const totals = async () => {
  const el = app.page.getByTestId('build-list-totals');
  return { count: Number(await el.getAttribute('data-count')), costWan: Number(await el.getAttribute('data-cost-wan')) };
};

const version = async () => Number(await app.page.getByTestId('compute-status').getAttribute('data-version'));

describe('best-server areas and the build list on the sample county', () => {
  it('opens the sample and turns the best-server layer on: its tiles are painted in several colours', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 60_000 });
    const toggle = page.locator('.leaflet-control-layers-overlays label', { hasText: '最佳服务小区' }).locator('input');
    expect(await toggle.isChecked()).toBe(false);
    await page.locator('.leaflet-control-layers').hover(); // the switcher opens on hover (issue 22)
    await toggle.check();
    await page.getByTestId('coverage-kind').selectOption('none');
    // into the town, where the sites' areas are larger than their symbols
    await page.getByTestId('tab-sites').click();
    await page.locator('[data-site-id="E70"]').first().click();
    for (let k = 0; k < 2; k++) {
      await page.locator('.leaflet-control-zoom-in').click();
      await page.waitForTimeout(400);
    }
    await page.waitForSelector('.best-server-layer canvas');
    const tiles = await bestServerTiles();
    expect(tiles.reduce((n, t) => n + t.painted, 0)).toBeGreaterThan(10_000);
    // the sample's 87 sites serve many areas: more than a handful of fill and border colours
    expect(Math.max(...tiles.map((t) => t.colours))).toBeGreaterThan(6);
    // hovering a served cell names its server: a fill pixel (alpha < 200) in the middle of an area, away from borders
    const spot = await page.evaluate(() => {
      const view = document.querySelector('[data-testid="plan-map"]')!.getBoundingClientRect();
      const control = document.querySelector('.leaflet-control-layers')!.getBoundingClientRect();
      const isFree = (x: number, y: number) =>
        x > view.left + 60 && x < view.right - 10 && y > view.top + 10 && y < view.bottom - 80
        && !(x > control.left - 10 && x < control.right + 10 && y > control.top - 10 && y < control.bottom + 10);
      for (const c of document.querySelectorAll<HTMLCanvasElement>('.best-server-layer canvas')) {
        const r = c.getBoundingClientRect();
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const filled = (x: number, y: number) => x >= 0 && y >= 0 && x < c.width && y < c.height && d[(y * c.width + x) * 4 + 3] > 0;
        for (let y = 0; y < c.height; y += 2) {
          for (let x = 0; x < c.width; x += 2) {
            // tiles are CSS-scaled at fractional zooms
            const px = r.left + (x * r.width) / c.width;
            const py = r.top + (y * r.height) / c.height;
            if (!isFree(px, py)) continue;
            if ([-3, 0, 3].every((dy) => [-3, 0, 3].every((dx) => filled(x + dx, y + dy)))) return { x: px, y: py };
          }
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await page.mouse.move(spot!.x - 5, spot!.y);
    await page.mouse.move(spot!.x, spot!.y);
    await page.waitForSelector('.best-server-tip');
    expect(await page.locator('.best-server-tip').textContent()).toMatch(/最佳服务：.+ · 扇区 .+ · -\d+\.\d dBm（模型）/);
    await screenshot(page, '70-best-server-zh');
  });

  it('lists the build list with its totals: the sample\'s fibre upgrades, estimated costs marked', async () => {
    const { page } = app;
    await page.getByTestId('tab-buildList').click();
    const { count, costWan } = await totals();
    const rows = page.locator('[data-testid="build-list"] tbody tr');
    expect(await rows.count()).toBe(count);
    expect(count).toBeGreaterThan(0);
    expect(costWan).toBeGreaterThan(0);
    expect(await page.getByTestId('build-list-totals').textContent()).toContain('估算投资合计');
    expect(await page.locator('[data-testid="build-list"] thead').textContent()).toContain('新增覆盖人口（模型）');
    // the left column widened for the table and still leaves the map and the right panel room
    const left = (await page.locator('.plan-left').boundingBox())!;
    const map = (await page.getByTestId('plan-map').boundingBox())!;
    expect(left.width).toBeGreaterThan(500);
    expect(map.width).toBeGreaterThan(300);
    expect(map.x).toBeGreaterThanOrEqual(left.x + left.width - 1);
    await screenshot(page, '71-build-list-zh');
  });

  it('adds a macro site: the best-server tiles repaint and the build list gains its row and cost', async () => {
    const { page } = app;
    const before = await totals();
    const tilesBefore = await bestServerTiles();
    const v = await version();
    await page.getByTestId('tool-macro').click();
    // an empty spot up and left of E70 (the map's centre), inside the view
    const spot = await mapPoint(page, 0.3, 0.3);
    await page.mouse.click(spot.x, spot.y);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="build-list-totals"]')?.getAttribute('data-count')) > n, before.count);
    const after = await totals();
    expect(after.count).toBe(before.count + 1);
    expect(after.costWan).toBeGreaterThan(before.costWan);
    const siteId = await page.getByTestId('site-editor').getAttribute('data-site-id');
    const row = page.locator(`[data-testid="build-list"] tbody tr[data-row-id="${siteId}"]`);
    expect(await row.textContent()).toContain('宏站');
    expect(await row.textContent()).toContain('估');
    // the people it adds on its own come from the plan worker once the edit rests: a whole number, no longer "–"
    await expect.poll(async () => row.locator('[data-new-people]').getAttribute('data-new-people'), { timeout: 10_000 }).toMatch(/^-?\d+$/);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="compute-status"]')?.getAttribute('data-version')) > n, v);
    await expect.poll(async () => JSON.stringify(await bestServerTiles())).not.toBe(JSON.stringify(tilesBefore));
    await screenshot(page, '72-site-added-zh');
  });

  it('sorts by cost, and a click on a row selects the site and zooms the map to it', async () => {
    const { page } = app;
    const costs = async () =>
      (await page.locator('[data-testid="build-list"] tbody tr td:nth-child(5)').allTextContents()).map((s) => Number(s.replace(/[^\d.]/g, '')));
    await page.locator('[data-testid="build-list"] thead button', { hasText: '估算投资' }).click();
    const asc = await costs();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.locator('[data-testid="build-list"] thead button', { hasText: '估算投资' }).click();
    const desc = await costs();
    expect(desc).toEqual([...asc].sort((a, b) => b - a));
    const zoomBefore = Number(await page.getByTestId('plan-map').getAttribute('data-zoom'));
    const siteRow = page.locator('[data-testid="build-list"] tbody tr[data-kind="site"]').first();
    const id = await siteRow.getAttribute('data-row-id');
    await page.getByTestId('tool-select').click();
    await siteRow.locator('td').nth(2).click();
    expect(await page.getByTestId('site-editor').getAttribute('data-site-id')).toBe(id);
    expect(await siteRow.getAttribute('class')).toContain('selected');
    await expect.poll(async () => Number(await page.getByTestId('plan-map').getAttribute('data-zoom'))).toBeGreaterThan(zoomBefore);
  });

  it('opens the export dialog from the tab, and undo takes the site out of the list again', async () => {
    const { page } = app;
    const withSite = await totals();
    await page.getByTestId('build-list-export').click();
    await page.waitForSelector('[data-testid="export-dialog"]');
    expect(await page.getByTestId('export-contents').textContent()).toContain('1');
    await page.getByTestId('export-dialog').getByRole('button', { name: '取消' }).last().click();
    await page.getByTestId('undo').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="build-list-totals"]')?.getAttribute('data-count')) < n, withSite.count);
    expect((await totals()).count).toBe(withSite.count - 1);
  });

  it('accepting a suggested site adds it to the build list as planned; undo takes it out', async () => {
    const { page } = app;
    const before = await totals();
    await page.getByTestId('tab-suggest').click();
    await page.getByTestId('suggest-budget').fill('150');
    await page.getByTestId('suggest-run').click();
    await page.waitForSelector('[data-testid="suggest-row"]', { timeout: 120_000 });
    await page.getByTestId('suggest-row').first().getByRole('button').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="build-list-totals"]')?.getAttribute('data-count')) > n, before.count);
    expect((await totals()).count).toBe(before.count + 1);
    const accepted = page.locator('[data-testid="build-list"] tbody tr[data-kind="site"]');
    expect(await accepted.count()).toBe(1);
    expect(await accepted.textContent()).toContain('规划');
    // back to priority order, at the top: the accepted (planned) site comes first
    await page.locator('[data-testid="build-list"] thead button', { hasText: '优先级' }).click();
    await page.locator('.build-list-scroll').evaluate((el) => el.scrollTo(0, 0));
    expect(await page.locator('[data-testid="build-list"] tbody tr').first().getAttribute('data-kind')).toBe('site');
    await screenshot(page, '73-suggestion-accepted-zh');
    await page.getByTestId('undo').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="build-list-totals"]')?.getAttribute('data-count')) === n, before.count);
  });

  it('reads in English at 1366x768: layer name, headers and totals', async () => {
    const { page } = app;
    await page.getByTestId('language-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('.leaflet-control-layers-overlays label').allTextContents()).toContain(' Best-server areas (modelled)');
    expect(await page.getByTestId('build-list-totals').textContent()).toContain('Estimated investment');
    expect(await page.locator('[data-testid="build-list"] thead').textContent()).toContain('New people (modelled)');
    await screenshot(page, '74-build-list-en');
    // back in town: the areas with English labels around them
    await page.getByTestId('tab-sites').click();
    await page.locator('[data-site-id="E70"]').first().click();
    await page.locator('.leaflet-control-zoom-out').click();
    await page.waitForTimeout(400);
    await screenshot(page, '75-best-server-en');
  });

  it('logged no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
