import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './harness';
import { stopWebServer, webUrl } from './webServer';

/** Starts the real UI (harness startApp) and waits for the start screen's county map. */
export async function openStartScreen(): Promise<RunningApp> {
  const app = await startApp(webUrl);
  await app.page.waitForSelector('[data-testid="map"] path.county');
  return app;
}

/** Closes the app, if it started, and the web server of this file. */
export async function closeApp(app: RunningApp | undefined): Promise<void> {
  await app?.close();
  await stopWebServer();
}

/**
 * One app for the tests of this file: opened on its start screen before them, closed after. The returned
 * object reads through to the running app, so tests write `app.page` as with a RunningApp.
 * @example const app = appForThisFile(); it('…', async () => { await app.page.click('…'); });
 */
export function appForThisFile(): RunningApp {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await openStartScreen();
  });
  afterAll(() => closeApp(running));
  const current = (): RunningApp => {
    if (!running) throw new Error('the app has not started (beforeAll failed?)');
    return running;
  };
  return {
    get page() { return current().page; },
    get errors() { return current().errors; },
    close: () => current().close(),
  };
}
