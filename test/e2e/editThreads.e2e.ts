import { afterAll, describe, expect, it } from 'vitest';
import { IS_WEB_TARGET, mapPoint, screenshot, startApp, type RunningApp } from './harness';
import { stopWebServer, webUrl } from './webServer';

// Issue #18 part 3: the browser build is served cross-origin isolated (COOP + COEP), so the plan worker edits on two
// threads (SplitCoverageEngine with a shard worker over shared memory); a host without the headers gets one thread,
// and the status bar says which and why.
afterAll(() => stopWebServer());

/** Opens the sample in a fresh browser on `url`, waits for its coverage, and adds a macro site at the map's centre. */
async function openSampleAndEdit(url: () => Promise<string>): Promise<RunningApp> {
  const app = await startApp(url);
  const { page } = app;
  await page.getByTestId('open-sample').click();
  await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 120_000 });
  const before = Number(await page.getByTestId('compute-status').getAttribute('data-version'));
  await page.getByTestId('tool-macro').click();
  const centre = await mapPoint(page, 0.5, 0.5);
  await page.mouse.click(centre.x, centre.y);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="compute-status"]')?.getAttribute('data-version')) > v, before);
  await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]');
  // the coverage around the new site arrived, timed: "覆盖已更新（N ms）"
  expect(await page.getByTestId('compute-status').textContent()).toMatch(/覆盖已更新（\d+ ms）/);
  return app;
}

describe('edits on two threads', () => {
  // with E2E_TARGET=electron, the desktop app's app:// pages (electron/main/protocol.ts sends the same headers)
  it('the page is cross-origin isolated: edits run on two threads, and the status bar says so', async () => {
    const app = await openSampleAndEdit(() => webUrl());
    try {
      const { page } = app;
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      const threads = page.getByTestId('edit-threads');
      expect(await threads.getAttribute('data-threads')).toBe('2');
      expect(await threads.textContent()).toBe('编辑计算：双线程');
      await screenshot(page, '90-edit-threads-two');
      // nothing the page loads is blocked by COEP (a blocked worker, tile or wasm logs an error)
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!IS_WEB_TARGET)('served without the isolation headers, edits run on one thread, and the status bar says why', async () => {
    const app = await openSampleAndEdit(() => webUrl({ isolated: false }));
    try {
      const { page } = app;
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      const threads = page.getByTestId('edit-threads');
      expect(await threads.getAttribute('data-threads')).toBe('1');
      expect(await threads.getAttribute('data-reason')).toBe('not-isolated');
      expect(await threads.textContent()).toBe('编辑计算：单线程（页面未跨源隔离）');
      await screenshot(page, '91-edit-threads-one');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
