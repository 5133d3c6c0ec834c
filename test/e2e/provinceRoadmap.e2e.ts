import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { RoadmapIndex } from '../../core/roadmap';
import { closeApp, openStartScreen } from './appForThisFile';
import { IS_WEB_TARGET, ROOT, type RunningApp } from './harness';

// Two small counties of Guiyang, at 100 m: the whole qcplan roadmap (projects, suggestion rounds, GeoPackages,
// workbook, report, index) in seconds rather than minutes.
const COUNTIES = ['520103', '520102'];
let app: RunningApp;
let dir: string;
let index: RoadmapIndex;

/** A screenshot at the app's 1366x768 under test-output/ (the screenshots, checked by eye). */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ROOT, 'test-output', `${name}.png`) });
const ready = (page: Page) => page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 120_000 });

async function setLanguage(page: Page, language: 'zh' | 'en'): Promise<void> {
  const isZh = await page.evaluate(() => document.documentElement.lang.startsWith('zh'));
  if (isZh !== (language === 'zh')) await page.getByTestId('language-toggle').click();
  await page.waitForFunction((lang) => document.documentElement.lang.startsWith(lang), language);
}

beforeAll(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'qc-roadmap-e2e-')), 'roadmap-2025');
  const out: string[] = [];
  const code = await main(['roadmap', '--out', dir, '--counties', COUNTIES.join(','), '--grid', '100', '--workers', '1'], {
    stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd: ROOT,
  });
  if (code !== 0) throw new Error(`qcplan roadmap exited ${code}: ${out.join('').slice(-2000)}`);
  index = JSON.parse(await readFile(path.join(dir, 'roadmap.json'), 'utf8')) as RoadmapIndex;
  app = await openStartScreen();
}, 600_000);

afterAll(async () => {
  await closeApp(app);
  if (dir) await rm(path.dirname(dir), { recursive: true, force: true });
});

// Browser build: the folder comes through the web host's folder picker (the desktop's folder dialog is main's,
// unit-tested in test/electron/roadmapHandlers.test.ts).
describe.skipIf(!IS_WEB_TARGET)('the province view of a roadmap folder', () => {
  it('reads the folder qcplan roadmap wrote: the map coloured by a figure, the totals against 16万, the ranking', async () => {
    const { page } = app;
    expect(index.counties.map((c) => c.code).sort()).toEqual([...COUNTIES].sort());
    await setLanguage(page, 'zh');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-roadmap').click()]);
    await chooser.setFiles(dir);
    await page.getByTestId('province-panel').waitFor();
    // one ranking row per county, each with its plan's button
    expect(await page.locator('[data-testid="province-ranking"] tbody tr').count()).toBe(2);
    for (const c of COUNTIES) await page.getByTestId(`open-county-plan-${c}`).waitFor();
    // the totals: the proposed sites as the index has them, the plan's 16万 and the from-zero basis
    const proposed = index.province.proposed.total;
    expect(await page.getByTestId('province-proposed').innerText()).toContain(proposed.toLocaleString('zh-CN'));
    expect(await page.getByTestId('province-after').innerText()).toContain('160,000');
    expect(await page.getByTestId('province-basis').innerText()).toContain('从零起算');
    expect(await page.getByTestId('province-totals').innerText()).toContain('估');
    // the map is coloured by the figure: the two counties differ from the grey of the others
    expect(await page.getByTestId('map').getAttribute('data-fills')).toBe('figure');
    const fill = (code: string) => page.locator(`path.county-${code}`).getAttribute('fill');
    expect(await fill('520111')).toBe('#e2e8f0');
    expect(await fill('520103')).not.toBe('#e2e8f0');
    await page.getByTestId('province-figure').selectOption('reached');
    await page.getByTestId('province-legend').getByText('100%').waitFor();
    await page.getByTestId('province-figure').selectOption('per10k');
    await shot(page, 'province-view-zh');
    await setLanguage(page, 'en');
    await page.getByText('Province totals').waitFor();
    expect(await page.getByTestId('province-basis').innerText()).toContain('from zero');
    await shot(page, 'province-view-en');
    await setLanguage(page, 'zh');
  });

  it("opens a county's proposed plan from the map: its proposed sites in the workspace, the load layer and capacity", async () => {
    const { page } = app;
    const entry = index.counties.find((c) => c.code === '520102')!;
    expect(entry.proposed.total).toBeGreaterThan(0);
    await page.locator('path.county-520102').click();
    await page.getByTestId('roadmap-county-card').waitFor();
    expect(await page.getByTestId('roadmap-county-card').innerText()).toContain(entry.name);
    await page.getByTestId('open-roadmap-county').click();
    await ready(page);
    // every proposal of the roadmap is a proposed site of the opened project
    await page.getByTestId('tab-sites').click();
    const proposedRows = page.locator('[data-site-id]', { hasText: '· 建议 ·' });
    expect(await proposedRows.count()).toBe(entry.proposed.total);
    expect(await page.locator('.site-icon.site-proposed').count()).toBe(entry.proposed.total);
    // the busy-hour load layer and its legend, labelled modelled; the capacity section under the KPIs
    await page.getByTestId('coverage-kind').selectOption('load');
    await page.getByTestId('legend-load').waitFor();
    expect(await page.getByTestId('legend-load').innerText()).toContain('模型计算');
    expect(await page.getByTestId('legend-load').innerText()).toContain('过载');
    await page.getByTestId('tab-kpi').click();
    await page.getByTestId('capacity-panel').waitFor();
    expect(await page.locator('[data-kpi="capacityDemandShare"]').count()).toBe(1);
    const sectors = Number((await page.getByTestId('capacity-overloaded').innerText()).split('/')[1].replace(/\D/g, ''));
    expect(sectors).toBeGreaterThan(0);
    // the load map arrives once the edits rest: painted cells on the coverage canvas
    await page.waitForFunction(() => {
      for (const c of document.querySelectorAll<HTMLCanvasElement>('.leaflet-tile-container canvas, canvas.leaflet-tile')) {
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        if (d) for (let i = 3; i < d.length; i += 4 * 97) if (d[i] > 0) return true;
      }
      return false;
    }, undefined, { timeout: 30_000 });
    // a selected site (the list opens its editor): the capacity section lists its sectors' loads
    await page.locator('[data-site-id]').first().click();
    await page.getByTestId('tab-kpi').click();
    await page.getByTestId('capacity-site').waitFor();
    // the capacity section in sight beside the load map; the pointer off the layer switcher
    await page.getByTestId('capacity-panel').scrollIntoViewIfNeeded();
    await page.mouse.move(400, 300);
    await shot(page, 'load-layer-zh');
    await setLanguage(page, 'en');
    await page.getByTestId('legend-load').getByText('Modelled', { exact: false }).waitFor();
    await page.getByTestId('capacity-panel').scrollIntoViewIfNeeded();
    await shot(page, 'load-layer-en');
    await setLanguage(page, 'zh');
    expect(app.errors).toEqual([]);
  });
});
