import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGpkg } from '../../geodata/gpkg';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { frameStats, startFrames } from './frameLog';
import { IS_WEB_TARGET, OUTPUT_DIR, ROOT, screenshot, startApp, type RunningApp } from './harness';
import { closeApp, openStartScreen } from './appForThisFile';

// Issues #7 and #11: opening a project and exporting the build list run in one-shot web workers, so the
// window keeps drawing and Cancel on the task bar stops them. The large project is the sample plus
// EXTRA_SITES planned sites (48 MB). Measured numbers go to test-output/e2e/file-workers.json. Here
// (headless Chromium, 2 shared cores), before, on the UI thread in one piece (timed in Node 20):
// readProjectGpkg 3.9 s, XLSX export of its 10,000 rows 1.7 s, GeoPackage 0.33 s. After: opening shows
// a max frame gap of 117-150 ms (one long task of 130-170 ms, rendering the workspace); during the
// GeoPackage export, 6 long tasks of 483 ms in all (longest 120 ms). Until the task bar's running bar
// stopped using the native indeterminate <progress> that was 2.3-3.1 s: that element alone, with
// nothing running, made 2.0 s of long tasks in 3 s over this 10,000-marker map. Frames stay sparse while
// the export worker runs (max gap ~500 ms) with few long tasks: the 2 cores are busy, not the UI thread.
const EXTRA_SITES = 10_000;
let app: RunningApp;
let largePath: string;
let largeSiteCount = 0;
const refusals: { file: string; message: string }[] = [];
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const sample = new Uint8Array(readFileSync(path.join(ROOT, 'samples', 'renhuai.gpkg')));
  const read = await readProjectGpkg(sample.slice());
  if (!read.ok) throw new Error(read.message);
  const p = read.value;
  const extra = Array.from({ length: EXTRA_SITES }, (_, i) => ({
    ...p.sites[0], id: `BIG-${i}`, name: `大项目站${i}`, status: 'planned' as const,
    lonDeg: 106.1 + ((i * 7919) % 50_000) / 100_000, latDeg: 27.65 + ((i * 104_729) % 40_000) / 100_000,
  }));
  largeSiteCount = p.sites.length + EXTRA_SITES;
  largePath = path.join(OUTPUT_DIR, 'large-project.gpkg');
  writeFileSync(largePath, await writeProjectGpkg({ ...p, sites: [...p.sites, ...extra] }));
  // the refusals as the reader words them, to compare with what the start screen shows
  for (const [file, bytes] of [['damaged.gpkg', sample.slice(0, 50_000)], ['sites.gpkg', new TextEncoder().encode('站号,站名\n')]] as const) {
    const r = await readProjectGpkg(bytes.slice());
    if (r.ok) throw new Error(`${file} opened`);
    writeFileSync(path.join(OUTPUT_DIR, file), bytes);
    refusals.push({ file, message: r.message });
  }
  app = await openStartScreen();
}, 180_000);

afterAll(async () => {
  writeFileSync(path.join(OUTPUT_DIR, 'file-workers.json'), JSON.stringify(measured, null, 2) + '\n');
  await closeApp(app);
});

async function chooseProject(file: string): Promise<void> {
  const { page } = app;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-project').click()]);
  await chooser.setFiles(file);
}

// Browser build only: the web host's file chooser and downloads (IS_WEB_TARGET).
describe.skipIf(!IS_WEB_TARGET)('opening project files in a worker', () => {
  it('refuses a damaged file and a file that is not a project with the reader\'s messages', async () => {
    const { page } = app;
    for (const { file, message } of refusals) {
      await chooseProject(path.join(OUTPUT_DIR, file));
      await page.waitForFunction((name) => document.querySelector('[data-testid="open-error"]')?.textContent?.includes(name), file);
      expect(await page.getByTestId('open-error').textContent()).toBe(`无法打开 ${file}：${message}`);
    }
  });

  it(`opens a project of ${EXTRA_SITES.toLocaleString('en')} extra sites with the open task on the task bar`, async () => {
    const { page } = app;
    await startFrames(page, '[data-testid="compute-status"]');
    await chooseProject(largePath);
    await page.waitForSelector('[data-testid="task-bar"] >> text=打开项目', { timeout: 30_000 });
    const shotStartMs = await page.evaluate(() => performance.now());
    await screenshot(page, '80-open-large-progress');
    const shotEndMs = await page.evaluate(() => performance.now());
    await page.waitForSelector('[data-testid="compute-status"]', { timeout: 120_000 });
    measured.open = { bytes: readFileSync(largePath).byteLength, ...(await frameStats(page, [shotStartMs, shotEndMs])), note: 'from choosing the file until the workspace shows; includes rendering the workspace' };
    console.log(`open: ${JSON.stringify(measured.open)}`);
    // the full recompute of 10,000 sites is not this test's subject: stop it
    // (clicked in the page: its progress re-renders every frame, so Playwright never sees the button stable)
    const coverage = page.locator('[data-testid="task-bar"] .task', { hasText: '计算覆盖' });
    await coverage.evaluateAll((tasks) => tasks.forEach((t) => t.querySelector<HTMLButtonElement>('[data-testid="task-cancel"]')?.click()));
    await coverage.first().waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('.site-icon').count()).toBe(largeSiteCount);
  }, 120_000); // 10-21 s here; screenshots of a 10,000-marker map are slow on 2 busy cores
});

describe.skipIf(!IS_WEB_TARGET)(`exporting a build list of over ${EXTRA_SITES.toLocaleString('en')} rows in a worker`, () => {
  it('Cancel on the task bar stops the export: nothing is downloaded, the dialog stays usable', async () => {
    const { page } = app;
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export').click();
    await page.getByTestId('export-format').selectOption('xlsx');
    // Cancel is pressed in the page the moment the export's task appears: the XLSX of 10,000 rows takes under
    // 2 s, and a click from here (after a screenshot of a 10,000-marker map) could come after it had finished.
    const wasCancelled = page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          // the task bar itself appears with its first task
          const observer = new MutationObserver(() => {
            const task = [...document.querySelectorAll('[data-testid="task-bar"] .task')].find((t) => t.textContent?.includes('导出'));
            const cancel = task?.querySelector<HTMLButtonElement>('[data-testid="task-cancel"]');
            if (!cancel) return;
            observer.disconnect();
            cancel.click();
            resolve(true);
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.getByTestId('export-run').click();
    expect(await wasCancelled).toBe(true);
    const task = page.locator('[data-testid="task-bar"] .task', { hasText: '导出' });
    await task.waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, '81-export-cancelled');
    await page.waitForTimeout(2000);
    expect(downloads).toHaveLength(0);
    expect(await page.getByTestId('export-error').count()).toBe(0);
    expect(await page.getByTestId('export-run').isEnabled()).toBe(true);
  }, 120_000); // 10-28 s here, as above

  it('writes the GeoPackage in the worker (sql.js there) while the window keeps drawing', async () => {
    const { page } = app;
    await page.getByTestId('export-format').selectOption('gpkg');
    // the same page doing nothing, to tell the export's stalls from those of a 10,000-marker map
    await startFrames(page);
    await page.waitForTimeout(2000);
    measured.idle = { ...(await frameStats(page, [0, 0])), note: 'the large project open, export dialog shown, nothing running, 2 s' };
    await startFrames(page);
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }) as Promise<Download>, page.getByTestId('export-run').click()]);
    measured.exportGpkg = { ...(await frameStats(page, [0, 0])), note: 'from clicking Export until the download starts' };
    console.log(`export: ${JSON.stringify(measured.exportGpkg)}`);
    const file = path.join(OUTPUT_DIR, d.suggestedFilename());
    await d.saveAs(file);
    expect(d.suggestedFilename()).toBe('仁怀市_建设清单.gpkg');
    const back = await readGpkg(new Uint8Array(readFileSync(file)));
    if (!back.ok) throw new Error(back.message);
    const ids = back.value.layers[0].features.map((f) => String(f.properties.id));
    expect(ids).toContain('BIG-0');
    expect(ids).toContain(`BIG-${EXTRA_SITES - 1}`);
  });
});
