import { beforeAll, describe, expect, it } from 'vitest';
import { buildListRows } from '../../../core/buildList';
import { exportBuildList } from '../../../geodata/export';
import { readGpkg } from '../../../geodata/gpkg';
import { ExportRunner } from '../../../renderer/workers/exportRunner';
import { createExportWorkerApi, type ExportWorkerApi } from '../../../renderer/workers/exportWorkerApi';
import { smallProject } from '../../geodata/project/smallProject';
import { fakeWorker } from './fakeWorker';

const rows = buildListRows(smallProject(), { countyName: { zh: '仁怀市', en: 'Renhuai' }, perSite: {} });
const common = { title: 't', language: 'zh' as const, generatedAt: new Date(2026, 0, 2), costSources: [] };

describe('ExportRunner', () => {
  // sql.js (its wasm) and the GeoPackage writer load on first use: on a fresh clone (CI) that first load, with the
  // other test files loading theirs on both cores, took the test past its 30 s; load it here, outside the test
  beforeAll(async () => {
    await exportBuildList(rows, 'gpkg', { crs: 'wgs84', language: 'zh' });
  }, 120_000);

  it('writes a GeoPackage in its worker (sql.js there), the same bytes as on this thread, and ends the worker', async () => {
    const log: string[] = [];
    const runner = new ExportRunner({ createWorker: fakeWorker(createExportWorkerApi, log) });
    const progress: number[] = [];
    const r = await runner.run({ rows, format: 'gpkg', crs: 'wgs84', ...common }, { onProgress: (f) => progress.push(f) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = await readGpkg(r.value);
    expect(back.ok && back.value.layers[0].features.length).toBe(rows.length);
    expect(progress).toEqual([1]);
    expect(log).toEqual(['created', 'terminated']);
    const csv = await runner.run({ rows, format: 'csv', crs: 'gcj02', ...common });
    expect(csv.ok && [...csv.value]).toEqual([...(await exportBuildList(rows, 'csv', { crs: 'gcj02', language: 'zh' }))]);
  });

  it('cancel stops the export: cancelled, the worker terminated, no bytes', async () => {
    const log: string[] = [];
    const hanging = (): ExportWorkerApi => ({ write: () => new Promise(() => undefined) });
    const runner = new ExportRunner({ createWorker: fakeWorker(hanging, log) });
    const controller = new AbortController();
    const pending = runner.run({ rows, format: 'xlsx', crs: 'wgs84', ...common }, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, code: 'cancelled', message: `xlsx export of ${rows.length} rows cancelled` });
    expect(log).toEqual(['created', 'terminated']);
  });

  it('runs inline; an unknown format is bad-input', async () => {
    const runner = new ExportRunner({ inline: true });
    const r = await runner.run({ rows, format: 'kml', crs: 'wgs84', ...common });
    expect(r.ok && new TextDecoder().decode(r.value)).toContain('<kml');
    expect(await runner.run({ rows, format: 'shp' as never, crs: 'wgs84', ...common })).toMatchObject({ ok: false, code: 'bad-input' });
  });
});
