/**
 * A real county opened in the browser build at several grids: `npm run bench -- --only countyInApp [--county 520526]
 * [--grids 50,25] [--sites 150]` (needs Debian chromium, as the end-to-end tests). Per grid: the county project as
 * `qcplan new` makes it (census-true GPW population, SRTM30_PLUS relief) with `--sites` macro sites on populated
 * cells drawn by population (seeded; SYNTHETIC sites, labelled so), written as a GeoPackage and opened with 打开项目
 * in a fresh browser served cross-origin isolated (two edit threads). Measured: open to coverage ready; the
 * browser's memory while opening and after, as the proportional set size (PSS, shared pages split) summed over
 * the browser's processes (page, workers, GPU), sampled every 250 ms from opening to the end; five macro sites added with the tool, one
 * after another, and the plan worker's time for each. 威宁 (520526) is the largest county: 19.2 M cells at 25 m, 4.8 M at the app's default 50 m.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { shippedDefaults } from '../../cli/project/shippedDefaults';
import { cellCentreLonLat } from '../../core/grid/gridSpec';
import { makeSite } from '../../core/model';
import { countyByCode, newCountyProject } from '../../geodata/counties';
import { writeProjectGpkg } from '../../geodata/project';
import { freeCountyPoints, startApp } from '../e2e/harness';
import { stopWebServer, webUrl } from '../e2e/webServer';
import { mulberry32, weightedSampler } from '../../core/random';

/** The PSS of every browser process started by this process (its descendants named chrom*), MiB. */
async function browserPssMiB(): Promise<number> {
  const parentOf = new Map<number, number>();
  const nameOf = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis
      const close = stat.lastIndexOf(')');
      nameOf.set(pid, stat.slice(stat.indexOf('(') + 1, close));
      parentOf.set(pid, Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // the process ended while listed
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kib = 0;
  for (const [pid, name] of nameOf) {
    if (!/chrom/i.test(name) || !isOurs(pid)) continue;
    try {
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // the process ended while listed
    }
  }
  return Math.round(kib / 1024);
}

/** Samples browserPssMiB every 250 ms until stopped; the peak and the last sample. */
function sampleMemory(): { stop(): Promise<{ peakMiB: number; lastMiB: number }> } {
  let peakMiB = 0;
  let lastMiB = 0;
  let live = true;
  const loop = (async () => {
    while (live) {
      lastMiB = await browserPssMiB();
      peakMiB = Math.max(peakMiB, lastMiB);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      live = false;
      await loop;
      return { peakMiB, lastMiB };
    },
  };
}

/** The county at `cellSizeM` with `siteCount` synthetic macro sites, as GeoPackage bytes. */
async function countyProject(code: string, cellSizeM: number, siteCount: number): Promise<{ bytes: Uint8Array; cells: number }> {
  const county = countyByCode(code);
  if (!county) throw new RangeError(`--county: no county ${code}`);
  const project = newCountyProject(county, { cellSizeM, defaults: await shippedDefaults() });
  const { grid } = project;
  // cells drawn in proportion to their people
  const cellOf = weightedSampler(project.population!.values, mulberry32(7));
  project.sites = Array.from({ length: siteCount }, (_, k) => makeSite('macro', cellCentreLonLat(grid, cellOf()), `B${k + 1}`, { status: 'existing' }));
  return { bytes: await writeProjectGpkg(project), cells: grid.cols * grid.rows };
}

/** Macro sites added one after another with the tool, spread over the county. */
const ADDS = 5;

async function runGrid(code: string, cellSizeM: number, siteCount: number): Promise<Record<string, unknown>> {
  const { bytes, cells } = await countyProject(code, cellSizeM, siteCount);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qc-county-bench-'));
  const file = path.join(dir, `county-${code}-${cellSizeM}m.gpkg`);
  await writeFile(file, bytes);
  const app = await startApp(() => webUrl({ isolated: true }));
  const { page } = app;
  try {
    await page.waitForSelector('[data-testid="open-project"]');
    const idleMiB = await browserPssMiB();
    const memory = sampleMemory();
    const t0 = performance.now();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-project').click()]);
    await chooser.setFiles(file);
    await page.waitForSelector('[data-testid="compute-status"][data-status="ready"]', { timeout: 1_200_000 });
    const openToReadyMs = Math.round(performance.now() - t0);
    await page.waitForTimeout(3000);
    const afterOpeningMiB = await browserPssMiB();
    const addWorkerMs: number[] = [];
    // zoomed in on the county: at the opening view its 150 site symbols cover it
    for (let k = 0; k < 2; k++) await page.locator('.leaflet-control-zoom-in').click();
    for (const [x, y] of await freeCountyPoints(page, countyByCode(code)!.boundary, ADDS)) {
      const version = Number(await page.getByTestId('compute-status').getAttribute('data-version'));
      await page.getByTestId('tool-macro').click();
      await page.mouse.click(x, y);
      await page.waitForFunction((v) => Number(document.querySelector('[data-testid="compute-status"]')?.getAttribute('data-version')) > v, version, { timeout: 120_000 });
      addWorkerMs.push(Math.round(Number(await page.getByTestId('compute-status').getAttribute('data-worker-ms'))));
      await page.waitForTimeout(1000);
    }
    const { peakMiB, lastMiB } = await memory.stop();
    const threads = Number(await page.getByTestId('edit-threads').getAttribute('data-threads'));
    const result = {
      grid: `${cellSizeM} m, ${(cells / 1e6).toFixed(1)} M cells`,
      gpkgMiB: Math.round((bytes.length / 2 ** 20) * 10) / 10,
      sites: `${siteCount} synthetic macro sites`,
      openToCoverageReadyMs: openToReadyMs,
      browserPssMiB: { beforeOpening: idleMiB, afterOpening: afterOpeningMiB, afterTheAdds: lastMiB, peak: peakMiB },
      addMacroSites: { workerMs: addWorkerMs, editThreads: threads },
    };
    process.stderr.write(`  ${cellSizeM} m: ${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<object> {
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const code = option('--county', '520526');
  const siteCount = Number(option('--sites', '150'));
  const grids = option('--grids', '50,25').split(',').map(Number);
  const results: Record<string, unknown> = { county: `${countyByCode(code)?.name} ${code}`, loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  try {
    for (const cellSizeM of grids) results[`grid${cellSizeM}m`] = await runGrid(code, cellSizeM, siteCount);
  } finally {
    await stopWebServer();
  }
  return { ...results, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100), note: 'synthetic sites; memory is the browser processes\' PSS (page, workers, GPU)' };
}
