// Latest (2026-11-24, shared 2-core Xeon, Node 20.20.2, synthetic data; two runs minutes apart, contention varies):
// 2400x2000 grid, 2 rasters (36.6 MiB raw) -> 8.56 MiB file, write 1205-3334 ms, read 612-1488 ms;
// 100,000-row site CSV import 3454-5167 ms; 1000-row build list XLSX 613-834 ms (93 KiB), GeoPackage 66-170 ms (196 KiB).
import { strToU8 } from 'fflate';
import { createNoise2D } from 'simplex-noise';
import { buildListRows } from '../../core/buildList';
import { makeSite } from '../../core/model';
import { exportBuildList } from '../../geodata/export';
import { importSites } from '../../geodata/import';
import { readProjectGpkg, writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../geodata/project/smallProject';
import { mulberry32 } from '../../core/random';

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: Math.round(performance.now() - t0) };
}

/**
 * Project file and exchange timings on a county-sized synthetic project: a 2400 x 2000 grid (25 m cells,
 * 60 x 50 km, about 仁怀市's extent) with simplex-noise terrain (600-1600 m) and sparse population, 300 sites,
 * 1000 places; plus a 100,000-row site CSV import and a 1000-row build-list XLSX export. Synthetic data, labelled so.
 */
export async function run(): Promise<object> {
  const rand = mulberry32(42);
  const noise = createNoise2D(rand);
  const cols = 2400;
  const rows = 2000;
  const project = smallProject();
  project.grid = { ...project.grid, cols, rows, cellSizeM: 25 };
  const terrain = new Float32Array(cols * rows);
  const population = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      terrain[i] = Math.round((1100 + 400 * noise(c / 400, r / 400) + 100 * noise(c / 40, r / 40)) * 10) / 10;
      const v = noise(c / 60 + 100, r / 60);
      population[i] = v > 0.6 ? Math.round(v * 40) : 0;
    }
  }
  project.terrain = { values: terrain, provenance: 'synthetic', source: 'bench: simplex noise' };
  project.population = { values: population, provenance: 'synthetic', source: 'bench: simplex noise' };
  project.sites = Array.from({ length: 300 }, (_, i) => makeSite(i % 3 === 0 ? 'micro' : 'macro', [106.1 + rand() * 0.6, 27.6 + rand() * 0.4], `S${i + 1}`, { status: i % 2 ? 'planned' : 'proposed' }));
  project.places = Array.from({ length: 1000 }, (_, i) => ({ id: `P${i}`, name: `场所${i}`, category: 'community' as const, geometry: { type: 'Point' as const, coordinates: [106.1 + rand() * 0.6, 27.6 + rand() * 0.4] }, radiusM: 200 }));

  const write = await timed(() => writeProjectGpkg(project));
  const read = await timed(() => readProjectGpkg(write.value));
  if (!read.value.ok) throw new Error(read.value.message);

  const lines = ['站名,经度,纬度,挂高,方位角,下倾角,频段,类型'];
  for (let i = 0; i < 100_000; i++) lines.push(`站${i},${(106 + rand()).toFixed(5)},${(27 + rand()).toFixed(5)},30,0/120/240,6,n78,宏站`);
  const csv = strToU8(lines.join('\n'));
  const imported = await timed(() => importSites(csv, { fileName: 'bench.csv' }));
  if (!imported.value.ok) throw new Error(imported.value.message);

  const many = { ...project, sites: Array.from({ length: 1000 }, (_, i) => makeSite('macro', [106.1 + rand() * 0.6, 27.6 + rand() * 0.4], `S${i + 1}`)) };
  const buildRows = buildListRows(many);
  const xlsx = await timed(() => exportBuildList(buildRows, 'xlsx'));
  const gpkg = await timed(() => exportBuildList(buildRows, 'gpkg'));

  return {
    note: 'synthetic data; measured on a shared 2-core machine under contention from other engineers',
    projectGrid: `${cols}x${rows} (${((cols * rows) / 1e6).toFixed(1)} M cells, 2 Float32 rasters = ${((cols * rows * 8) / 2 ** 20).toFixed(1)} MiB raw)`,
    projectFileMiB: Math.round((write.value.length / 2 ** 20) * 100) / 100,
    projectWriteMs: write.ms,
    projectReadMs: read.ms,
    import100kCsvRows: { ms: imported.ms, sites: imported.value.value.records.length, csvMiB: Math.round((csv.length / 2 ** 20) * 100) / 100 },
    buildList1000Rows: { xlsxMs: xlsx.ms, xlsxKiB: Math.round(xlsx.value.length / 1024), gpkgMs: gpkg.ms, gpkgKiB: Math.round(gpkg.value.length / 1024) },
  };
}
