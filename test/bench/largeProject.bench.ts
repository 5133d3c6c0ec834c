// Measured 2026-11-24 (shared 2-core Xeon, Node 20.20.2, under contention from other engineers; one run):
// 仁怀市 1175x1364 cells at 50 m, 10,000 sites: project 162 ms, GeoPackage write 2762 ms (34.2 MiB), read 1338 ms,
// score (evaluateProject, 2 workers) 48.2 s, build list 247 ms, XLSX 3105 ms (900 KiB), CSV 68 ms; peak RSS 3.7 GB.
import proj4 from 'proj4';
import { evaluateProject } from '../../cli/project/evaluateProject';
import { buildListRows } from '../../core/buildList';
import { cellCentreXM, cellCentreYM } from '../../core/grid/gridSpec';
import { makeSite } from '../../core/model';
import { countyByCode, newCountyProject } from '../../geodata/counties';
import { exportBuildList } from '../../geodata/export';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { mulberry32 } from '../../core/random';

let peakRssB = 0;
const sampleRss = () => {
  peakRssB = Math.max(peakRssB, process.memoryUsage().rss);
};

async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  sampleRss();
  const t0 = performance.now();
  const value = await f();
  const ms = Math.round(performance.now() - t0);
  sampleRss();
  return { value, ms };
}

/**
 * A county with 10,000 sites end to end: newCountyProject (仁怀市 520382 by default, `--county CODE`) at
 * 50 m with its MODELLED population, 10,000 sites (a third micro, the rest macro; half planned, half
 * proposed) on randomly drawn populated cells (seeded), written and read back as a GeoPackage, scored by
 * cli/project/evaluateProject (2 workers) and the build list exported as XLSX and CSV. Peak RSS is the
 * process's maxRSS (getrusage), which includes everything loaded before. Synthetic sites, labelled so.
 */
export async function run(args: string[] = []): Promise<object> {
  const at = args.indexOf('--county');
  const code = at >= 0 ? args[at + 1] : '520382';
  const county = countyByCode(code);
  if (!county) throw new RangeError(`--county: no county ${code}`);
  const siteCount = 10_000;
  const rand = mulberry32(11);

  const built = await timed(() => newCountyProject(county, { cellSizeM: 50 }));
  const project = built.value;
  const { grid } = project;
  const population = project.population?.values;
  if (!population) throw new Error(`${county.name} has no population layer to spread sites over`);
  const populated: number[] = [];
  for (let i = 0; i < population.length; i++) if (population[i] > 0) populated.push(i);
  const toLonLat = proj4(grid.crs, 'WGS84');
  project.sites = Array.from({ length: siteCount }, (_, k) => {
    const cell = populated[Math.floor(rand() * populated.length)];
    const col = cell % grid.cols;
    const row = (cell - col) / grid.cols;
    const xM = cellCentreXM(grid, col) + (rand() - 0.5) * grid.cellSizeM;
    const yM = cellCentreYM(grid, row) + (rand() - 0.5) * grid.cellSizeM;
    const [lonDeg, latDeg] = toLonLat.forward([xM, yM]);
    return makeSite(k % 3 === 0 ? 'micro' : 'macro', [lonDeg, latDeg], `B${k + 1}`, { status: k % 2 ? 'planned' : 'proposed' });
  });

  const write = await timed(() => writeProjectGpkg(project));
  const read = await timed(() => readProjectGpkg(write.value));
  if (!read.value.ok) throw new Error(read.value.message);
  const loaded = read.value.value;
  const scored = await timed(() => evaluateProject(loaded, { workers: 2 }));
  const report = scored.value.report;
  const rows = await timed(() => buildListRows(loaded));
  const xlsx = await timed(() => exportBuildList(rows.value, 'xlsx'));
  const csv = await timed(() => exportBuildList(rows.value, 'csv'));
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);

  return {
    note: 'synthetic sites on a MODELLED population layer; measured on a shared 2-core machine under contention from other engineers',
    county: `${county.name} ${county.code}`,
    grid: `${grid.cols}x${grid.rows} at ${grid.cellSizeM} m (${((grid.cols * grid.rows) / 1e6).toFixed(2)} M cells)`,
    sites: loaded.sites.length,
    populatedCells: populated.length,
    newCountyProjectMs: built.ms,
    gpkgWriteMs: write.ms,
    gpkgMiB: Math.round((write.value.length / 2 ** 20) * 100) / 100,
    gpkgReadMs: read.ms,
    scoreMs: scored.ms,
    kpis: Object.fromEntries(report.kpis.map((k) => [k.id, k.value])),
    buildListRows: rows.value.length,
    buildListMs: rows.ms,
    xlsxExportMs: xlsx.ms,
    xlsxKiB: Math.round(xlsx.value.length / 1024),
    csvExportMs: csv.ms,
    csvKiB: Math.round(csv.value.length / 1024),
    peakRssSampledMiB: Math.round(peakRssB / 2 ** 20),
    maxRssMiB,
  };
}
