import { describe, expect, it } from 'vitest';
import { ImportRunner, type ImportWorkerLike } from '../../../renderer/workers/importRunner';
import { createImportWorkerApi, type ImportWorkerApi } from '../../../renderer/workers/importWorkerApi';
import { fakeWorker as fakeWorkerOf } from './fakeWorker';

const CSV = ['站号,站名,经度,纬度,类型', 'T-1,甲站,106.39,27.86,宏站', 'T-2,乙站,106.40,北纬27度,宏站', 'T-3,丙站,106.41,27.81,微站', ''].join('\n');
const bytes = () => new TextEncoder().encode(CSV);

/** A stand-in worker: the worker's API exposed over a MessageChannel in this thread; `hold` delays every read. */
function fakeWorker(log: string[], hold?: Promise<void>): () => ImportWorkerLike {
  return fakeWorkerOf((): ImportWorkerApi => {
    const real = createImportWorkerApi();
    return {
      async read(job, onProgress) {
        log.push(`read ${job.fileName} (${job.bytes.byteLength} bytes)`);
        await hold;
        return real.read(job, onProgress);
      },
      records(start, count) {
        log.push(`records ${start}+${count}`);
        return real.records(start, count);
      },
    };
  }, log);
}

describe('ImportRunner', () => {
  it('reads a file in its worker with progress, moving the bytes there, and ends the worker', async () => {
    const log: string[] = [];
    const runner = new ImportRunner({ createWorker: fakeWorker(log) });
    const job = { kind: 'sites' as const, bytes: bytes(), fileName: 'a.csv', crs: 'wgs84' as const, defaultStatus: 'existing' as const };
    const size = job.bytes.byteLength;
    const progress: number[] = [];
    const r = await runner.run(job, { onProgress: (f) => progress.push(f) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((s) => s.id)).toEqual(['T-1', 'T-3']);
    expect(r.value.problems).toEqual([expect.objectContaining({ file: 'a.csv', row: 3, field: '纬度', severity: 'error' })]);
    expect(progress.at(-1)).toBe(1);
    expect(job.bytes.byteLength).toBe(0); // transferred, not copied
    expect(log).toEqual(['created', `read a.csv (${size} bytes)`, 'records 0+5000', 'terminated']);
  });

  it('fetches a large file\'s records from the worker in slices of 5,000, in file order', async () => {
    const lines = ['站号,站名,经度,纬度'];
    for (let i = 0; i < 12_001; i++) lines.push(`L-${i},站${i},106.${String(i).padStart(5, '0')},27.5`);
    const log: string[] = [];
    const runner = new ImportRunner({ createWorker: fakeWorker(log) });
    const progress: number[] = [];
    const r = await runner.run({ kind: 'sites', bytes: new TextEncoder().encode(lines.join('\n')), fileName: 'big.csv', crs: 'wgs84', defaultStatus: 'existing' }, { onProgress: (f) => progress.push(f) });
    expect(r.ok && r.value.records.length).toBe(12_001);
    expect(r.ok && r.value.records.map((s) => s.id).every((id, i) => id === `L-${i}`)).toBe(true);
    expect(log.filter((l) => l.startsWith('records'))).toEqual(['records 0+5000', 'records 5000+5000', 'records 10000+5000']);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('an aborted signal resolves as cancelled and terminates the worker at once', async () => {
    const log: string[] = [];
    const runner = new ImportRunner({ createWorker: fakeWorker(log, new Promise(() => undefined)) });
    const controller = new AbortController();
    const pending = runner.run({ kind: 'sites', bytes: bytes(), fileName: 'b.csv', crs: 'wgs84' }, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, code: 'cancelled' });
    expect(log).toEqual(['created', 'terminated']);
  });

  it('a newer run or cancel() stops the one under way', async () => {
    const log: string[] = [];
    const runner = new ImportRunner({ createWorker: fakeWorker(log, new Promise(() => undefined)) });
    const first = runner.run({ kind: 'sites', bytes: bytes(), fileName: 'c.csv', crs: 'wgs84' });
    const second = runner.run({ kind: 'sites', bytes: bytes(), fileName: 'd.csv', crs: 'wgs84' });
    expect(await first).toMatchObject({ ok: false, code: 'cancelled' });
    runner.cancel();
    expect(await second).toMatchObject({ ok: false, code: 'cancelled' });
    expect(log.filter((l) => l === 'terminated')).toHaveLength(2);
  });

  it('runs inline without a worker; an unreadable file is a failed Result, a bad kind a bad-input', async () => {
    const runner = new ImportRunner({ inline: true });
    const good = await runner.run({ kind: 'places', bytes: new TextEncoder().encode('名称,场景类别,经度,纬度\n医院,医院,106.41,27.81\n'), fileName: 'p.csv', crs: 'gcj02' });
    expect(good.ok && good.value.records.length).toBe(1);
    expect(await runner.run({ kind: 'olts', bytes: new Uint8Array(), fileName: 'empty.csv', crs: 'wgs84' })).toMatchObject({ ok: false, code: 'bad-file' });
    const bad = await runner.run({ kind: 'towers' as never, bytes: bytes(), fileName: 'x.csv', crs: 'wgs84' });
    expect(bad).toMatchObject({ ok: false, code: 'bad-input' });
  });
});
