import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, _electron, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface RunningApp {
  kind: 'electron' | 'web';
  page: Page;
  /** console errors and page errors seen so far (CSP violations show up here) */
  errors: string[];
  close(): Promise<void>;
}

/** The Electron binary, when `npm install` could fetch it; never triggers a download. */
function electronBinary(): string | null {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

function chromiumBinary(): string | null {
  return CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * Starts the real UI: the desktop app through Playwright's Electron support when the Electron binary is
 * present (and E2E_TARGET is not 'web'), otherwise the browser build in a system Chromium at `webUrl`.
 * With neither, it fails, saying how to get one: end-to-end tests never pass silently.
 */
export async function startApp(webUrl: () => Promise<string>, viewport = { width: 1366, height: 768 }): Promise<RunningApp> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const errors: string[] = [];
  const electronExe = process.env.E2E_TARGET === 'web' ? null : electronBinary();
  if (electronExe) {
    const { build } = await import('electron-vite');
    // @ts-expect-error plain .mjs script without types
    const { asProductionBuild } = await import('../../scripts/web.mjs');
    await asProductionBuild(() => build({ root: ROOT, logLevel: 'warn' }));
    const app = await _electron.launch({ executablePath: electronExe, args: [path.join(ROOT, 'out', 'main', 'main.js')] });
    const page = await app.firstWindow();
    await page.setViewportSize(viewport);
    watchErrors(page, errors);
    return { kind: 'electron', page, errors, close: () => app.close() };
  }
  const exe = chromiumBinary();
  if (!exe) {
    throw new Error(
      'No browser for the end-to-end tests: neither the Electron binary (node_modules/electron/dist) nor a ' +
        'Chromium was found. Install one: `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH ' +
        'to a Chrome/Chromium executable, or let `npm install` download Electron on a machine with network.',
    );
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'qc-e2e-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: exe, args: CHROMIUM_ARGS, viewport, locale: 'zh-CN' });
  const page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page, errors);
  await page.goto(await webUrl());
  return {
    kind: 'web',
    page,
    errors,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
}

/** Saves a screenshot under test-output/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
