import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../core/result';
import { OneShotRunner, type OneShotContext, type WorkerLike } from '../../../renderer/workers/oneShotWorker';
import { fakeWorker } from './fakeWorker';

/** A toy job: sums `values`; 'range' throws a RangeError, 'boom' an Error, 'hang' never answers. */
interface SumApi {
  sum(values: Float64Array, mode: string, onProgress: (f: number) => void): Promise<Result<number>>;
}
interface SumJob { values: Float64Array; mode: string }

async function sum(values: Float64Array, mode: string, onProgress: (f: number) => void): Promise<Result<number>> {
  if (mode === 'range') throw new RangeError('mode must be sane');
  if (mode === 'boom') throw new Error('boom');
  if (mode === 'hang') await new Promise(() => undefined);
  onProgress(0.5);
  return ok(values.reduce((a, b) => a + b, 0));
}

function sumRunner(createWorker: () => WorkerLike, isInline = false): OneShotRunner<SumJob, number, SumApi> {
  return new OneShotRunner<SumJob, number, SumApi>({
    describe: (job) => `sum of ${job.values.length}`,
    createWorker,
    inWorker: (api, job, { report }: OneShotContext) => api.sum(Comlink.transfer(job.values, [job.values.buffer]), job.mode, Comlink.proxy(report)),
    inline: (job, { report }) => sum(job.values, job.mode, report),
  }, isInline);
}

describe('OneShotRunner', () => {
  it('runs in a fresh worker per run, transfers the buffers, reports progress and terminates the worker', async () => {
    const log: string[] = [];
    const runner = sumRunner(fakeWorker(() => ({ sum }) satisfies SumApi, log));
    const values = Float64Array.of(1, 2, 3);
    const progress: number[] = [];
    expect(await runner.run({ values, mode: '' }, { onProgress: (f) => progress.push(f) })).toEqual(ok(6));
    expect(values.byteLength).toBe(0);
    expect(progress.at(-1)).toBe(1); // the worker's 0.5 may trail the answer and is then dropped
    expect(await runner.run({ values: Float64Array.of(4), mode: '' })).toEqual(ok(4));
    expect(log).toEqual(['created', 'terminated', 'created', 'terminated']);
  });

  it('maps a RangeError to bad-input and any other throw to failed, ending the worker', async () => {
    const log: string[] = [];
    const runner = sumRunner(fakeWorker(() => ({ sum }) satisfies SumApi, log));
    expect(await runner.run({ values: Float64Array.of(1), mode: 'range' })).toMatchObject({ ok: false, code: 'bad-input', message: 'mode must be sane' });
    expect(await runner.run({ values: Float64Array.of(1), mode: 'boom' })).toMatchObject({ ok: false, code: 'failed', message: 'boom' });
    expect(log.filter((l) => l === 'terminated')).toHaveLength(2);
  });

  it('an abort, cancel() or a newer run settles the run under way once, as cancelled, and terminates its worker', async () => {
    const log: string[] = [];
    const runner = sumRunner(fakeWorker(() => ({ sum }) satisfies SumApi, log));
    const controller = new AbortController();
    const aborted = runner.run({ values: Float64Array.of(1), mode: 'hang' }, { signal: controller.signal });
    controller.abort();
    expect(await aborted).toMatchObject({ ok: false, code: 'cancelled', message: 'sum of 1 cancelled' });
    const first = runner.run({ values: Float64Array.of(1), mode: 'hang' });
    const second = runner.run({ values: Float64Array.of(1), mode: 'hang' });
    expect(await first).toMatchObject({ code: 'cancelled' });
    runner.cancel();
    expect(await second).toMatchObject({ code: 'cancelled' });
    expect(log).toEqual(['created', 'terminated', 'created', 'terminated', 'created', 'terminated']);
    const early = new AbortController();
    early.abort();
    expect(await runner.run({ values: Float64Array.of(1), mode: '' }, { signal: early.signal })).toMatchObject({ code: 'cancelled' });
    expect(log).toHaveLength(6); // an already aborted run starts no worker
  });

  it('a worker that cannot start is a failed Result, and the runner takes the next run', async () => {
    const runner = sumRunner(() => { throw new Error('Worker is not defined'); });
    expect(await runner.run({ values: Float64Array.of(1), mode: '' })).toMatchObject({ ok: false, code: 'failed', message: 'Worker is not defined' });
    expect(await runner.run({ values: Float64Array.of(1), mode: 'boom' })).toMatchObject({ ok: false, code: 'failed' });
  });

  it('runs inline without a worker, with the same Result mapping', async () => {
    const runner = sumRunner(() => { throw new Error('no worker inline'); }, true);
    expect(await runner.run({ values: Float64Array.of(2, 2), mode: '' })).toEqual(ok(4));
    expect(await runner.run({ values: Float64Array.of(2), mode: 'range' })).toMatchObject({ code: 'bad-input' });
  });
});
