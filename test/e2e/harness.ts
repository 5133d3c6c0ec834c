import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { chromium, _electron, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface RunningApp {
  page: Page;
  /** console errors and page errors seen so far (CSP violations show up here) */
  errors: string[];
  close(): Promise<void>;
}

export type E2eTarget = 'web' | 'electron';

/** E2E_TARGET, checked: unset or 'web' = the browser build; 'electron' = the desktop app (opt-in). */
function e2eTarget(value: string | undefined): E2eTarget {
  if (value === undefined || value === '' || value === 'web') return 'web';
  if (value === 'electron') return 'electron';
  throw new Error(`E2E_TARGET must be 'web' (the default) or 'electron', got '${value}'`);
}

/**
 * Which UI the end-to-end tests drive: the browser build in Chromium, everywhere, unless E2E_TARGET=electron
 * opts in to the desktop app (it needs the Electron binary; README "Quick start" lists what runs there).
 */
export const E2E_TARGET: E2eTarget = e2eTarget(process.env.E2E_TARGET);

/**
 * True unless the target is Electron. Tests of what only the browser build has (the web host's file chooser and
 * downloads, its IndexedDB recovery, a stand-in preload, a server without the isolation headers) run only then:
 * in the desktop app main's native dialogs would wait for a person. `describe.skipIf(!IS_WEB_TARGET)(...)`.
 */
export const IS_WEB_TARGET = E2E_TARGET === 'web';

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
 * Starts the real UI: the browser build in a system Chromium (or Chrome) at `webUrl`, or with
 * E2E_TARGET=electron the desktop app through Playwright's Electron support. Without the browser (or the binary)
 * the target needs, it fails, saying how to get one: end-to-end tests never pass silently.
 */
export async function startApp(webUrl: () => Promise<string>, viewport = { width: 1366, height: 768 }): Promise<RunningApp> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const errors: string[] = [];
  if (E2E_TARGET === 'electron') {
    const electronExe = electronBinary();
    if (!electronExe) {
      throw new Error(
        'E2E_TARGET=electron, but the Electron binary is not in node_modules/electron/dist: run `npm install` ' +
          '(or `npx install-electron`) on a machine that can reach Electron\'s download host, or unset E2E_TARGET to test the browser build.',
      );
    }
    const { build } = await import('electron-vite');
    // @ts-expect-error plain .mjs script without types
    const { asProductionBuild } = await import('../../scripts/web.mjs');
    await asProductionBuild(() => build({ root: ROOT, logLevel: 'warn' }));
    const app = await _electron.launch({ executablePath: electronExe, args: [path.join(ROOT, 'out', 'main', 'main.js')] });
    const page = await app.firstWindow();
    await page.setViewportSize(viewport);
    watchErrors(page, errors);
    return { page, errors, close: () => app.close() };
  }
  const exe = chromiumBinary();
  if (!exe) {
    throw new Error(
      'No browser for the end-to-end tests (they drive the browser build): no Chromium or Chrome was found. ' +
        'Install one (`apt-get install -y chromium` on Debian/Ubuntu, or Google Chrome), or set CHROMIUM_PATH to a ' +
        'Chrome/Chromium executable. E2E_TARGET=electron drives the desktop app instead (needs the Electron binary).',
    );
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'qc-e2e-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: exe, args: CHROMIUM_ARGS, viewport, locale: 'zh-CN' });
  const page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page, errors);
  await page.goto(await webUrl());
  return {
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

/**
 * What covers the page point (x, y) of the plan map, or null when a click there reaches the map itself: not a panel
 * drawn over it (legend, layer notes), a control or a marker (sites, OLTs, proposals keep their clicks).
 */
export async function mapCoverAt(page: Page, x: number, y: number): Promise<string | null> {
  return page.evaluate(([px, py]) => {
    const hit = document.elementFromPoint(px, py);
    const isMap = !!hit?.closest('[data-testid="plan-map"]') && !hit.closest('.leaflet-control-container, .leaflet-marker-icon');
    return isMap ? null : (hit?.closest('[class]')?.className.toString() ?? 'nothing');
  }, [x, y] as const);
}

/**
 * Waits until the plan map has stopped zooming and panning: a point checked during a zoom animation may have a
 * marker over it once the markers are laid out at the new zoom.
 */
export async function waitMapSettled(page: Page): Promise<void> {
  const view = () => page.evaluate(() => {
    const map = document.querySelector('[data-testid="plan-map"]');
    return map?.classList.contains('leaflet-zoom-anim') ? null : `${map?.getAttribute('data-zoom')} ${map?.getAttribute('data-center')}`;
  });
  let last = await view();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const now = await view();
    if (now !== null && now === last) return;
    last = now;
  }
  throw new Error('the plan map did not stop moving within 5 s');
}

/**
 * The page point at fractions (fx, fy) of the plan map, on a settled map and checked to reach the map (mapCoverAt).
 * Throws naming what covers the point otherwise.
 * @example const p = await mapPoint(page, 0.3, 0.3); await page.mouse.click(p.x, p.y);
 */
export async function mapPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  await waitMapSettled(page);
  const box = (await page.getByTestId('plan-map').boundingBox())!;
  const point = { x: box.x + box.width * fx, y: box.y + box.height * fy };
  const cover = await mapCoverAt(page, point.x, point.y);
  if (cover !== null) throw new Error(`the plan map at (${fx}, ${fy}) is covered by '${cover}'`);
  return point;
}

/** The first of `fractions` of the plan map where a click reaches the map (mapPoint); throws when none does. */
export async function freeMapPoint(page: Page, fractions: readonly (readonly [number, number])[]): Promise<{ x: number; y: number }> {
  const covers: string[] = [];
  for (const [fx, fy] of fractions) {
    try {
      return await mapPoint(page, fx, fy);
    } catch (err) {
      covers.push(String(err));
    }
  }
  throw new Error(`no free point on the plan map: ${covers.join('; ')}`);
}

/** Candidate points for freeCountyPoints: a LATTICE x LATTICE grid over the map, taken in a scattered order. */
const LATTICE = 9;

/**
 * Up to `count` page points on the plan map where a placing tool puts a site inside `boundary` (the cursor the
 * status bar shows is inside it) and nothing takes the click instead (mapCoverAt): a lattice over the map taken
 * in a scattered order, so the points lie apart.
 * @example for (const [x, y] of await freeCountyPoints(page, county.boundary, 5)) await page.mouse.click(x, y);
 */
export async function freeCountyPoints(page: Page, boundary: Polygon | MultiPolygon, count: number): Promise<[number, number][]> {
  await waitMapSettled(page);
  const box = (await page.getByTestId('plan-map').boundingBox())!;
  const points: [number, number][] = [];
  for (let k = 0; k < LATTICE * LATTICE && points.length < count; k++) {
    const cell = (k * 37) % (LATTICE * LATTICE); // 37 is prime to 81: every cell once, neighbours apart
    const x = box.x + ((cell % LATTICE) + 0.5) * (box.width / LATTICE);
    const y = box.y + (Math.floor(cell / LATTICE) + 0.5) * (box.height / LATTICE);
    await page.mouse.move(x, y);
    const cursor = (await page.getByTestId('cursor').textContent()) ?? '';
    const [lon, lat] = (cursor.match(/\d+\.\d+/g) ?? []).map(Number);
    if (!(lon && lat) || !booleanPointInPolygon([lon, lat], boundary)) continue;
    if ((await mapCoverAt(page, x, y)) === null) points.push([x, y]);
  }
  return points;
}
